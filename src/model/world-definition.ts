/**
 * What a world folder hands to the engine: regions with their data, blocs, lead-firm homes
 * and the agent counts at scale 1. Plain data (JSON-serialisable), so the browser, the CLI and
 * the property tests' generated worlds all build a World the same way.
 */

export const INCOME_GROUPS = ['low_income', 'lower_middle_income', 'upper_middle_income', 'high_income'] as const;
export type IncomeGroup = (typeof INCOME_GROUPS)[number];

export interface RegionDefinition {
  /** Stable code (ISO3 in world-2019), used in scenarios and outputs. */
  code: string;
  name: string;
  /** Index into `WorldDefinition.blocs`. */
  bloc: number;
  incomeGroup: IncomeGroup;
  latitude: number;
  longitude: number;
  /** People (real, not scaled). */
  population: number;
  /** GDP per person, 2019 PPP dollars per year. */
  gdpPerCapita: number;
  /** Industry workers as a share of employment, in [0, 1]. */
  industryWorkersShare: number;
  /** Share of people using the internet, in [0, 1] (a · l at the start). */
  internetUse: number;
  /** Adult literacy, in [0, 1]. */
  adultLiteracy: number;
  landlocked: boolean;
  isHub: boolean;
  /**
   * Merchandise trade as a share of GDP (1 = 100%), where the world's data give it: sets the
   * imported share of SMEs' local-market inputs (MODEL.md §9.2). Absent in worlds without trade data.
   */
  merchandiseTrade?: number;
}

export interface WorldDefinition {
  name: string;
  blocs: string[];
  regions: RegionDefinition[];
  /** Home region index of each lead firm (one firm per entry). */
  leadFirmHomes: number[];
  /** Hub suppliers in each hub region. */
  hubSuppliersPerHub: number;
  /** SMEs at scale 1, spread over regions by population × industry workers share. */
  smesAtScaleOne: number;
  /** Community cells at scale 1, spread over regions by population (at least one each). */
  cellsAtScaleOne: number;
  /**
   * Extra cross-region neighbours of each region (bordering or nearest), by region index.
   * A cell links to one cell of each.
   */
  regionNeighbours: number[][];
  /** World-specific parameter defaults (e.g. a larger default scale). */
  parameterDefaults?: Record<string, number | boolean | string>;
}
