import type { RegionDefinition, WorldDefinition } from '../../src/model/world-definition.ts';
import { nearestRegions } from '../../src/model/geography.ts';

/**
 * two-hubs: a classroom world of twelve synthetic regions in three blocs, with two low-cost
 * hubs (Hanzhou in Orienta, Mezquita in Atlantica). Numbers are loosely modelled on real
 * economies of 2019 so that wages, distances and the digital divide look familiar.
 */
const BLOCS = ['Atlantica', 'Meridia', 'Orienta'];

type Row = [
  code: string,
  name: string,
  bloc: number,
  incomeGroup: RegionDefinition['incomeGroup'],
  latitude: number,
  longitude: number,
  populationMillions: number,
  gdpPerCapita: number,
  industryWorkersShare: number,
  internetUse: number,
  adultLiteracy: number,
  landlocked: boolean,
  isHub: boolean,
];

const ROWS: Row[] = [
  ['NOR', 'Norland', 0, 'high_income', 42, -95, 330, 62000, 0.19, 0.89, 0.99, false, false],
  ['LAK', 'Lakeshore', 0, 'high_income', 53, -80, 38, 50000, 0.19, 0.92, 0.99, false, false],
  ['MEZ', 'Mezquita', 0, 'upper_middle_income', 21, -101, 128, 19000, 0.26, 0.7, 0.95, false, true],
  ['SOL', 'Solano', 0, 'lower_middle_income', -12, -62, 60, 9000, 0.2, 0.55, 0.9, false, false],
  ['VAL', 'Valderra', 1, 'high_income', 49, 8, 80, 55000, 0.27, 0.9, 0.99, false, false],
  ['COR', 'Corvina', 1, 'high_income', 41, 14, 60, 42000, 0.25, 0.8, 0.99, false, false],
  ['SAH', 'Sahelia', 1, 'low_income', 14, 3, 50, 2200, 0.1, 0.2, 0.4, true, false],
  ['KAL', 'Kalinda', 1, 'lower_middle_income', -2, 37, 90, 5000, 0.12, 0.3, 0.8, false, false],
  ['HAN', 'Hanzhou', 2, 'upper_middle_income', 31, 114, 1400, 16000, 0.28, 0.62, 0.96, false, true],
  ['KIR', 'Kirana', 2, 'lower_middle_income', 22, 79, 1300, 6800, 0.25, 0.3, 0.74, false, false],
  ['TAM', 'Tamara', 2, 'lower_middle_income', 13, 106, 100, 8000, 0.29, 0.68, 0.95, false, false],
  ['SHO', 'Shoreni', 2, 'high_income', 36, 139, 125, 43000, 0.24, 0.92, 0.99, false, false],
];

const regions: RegionDefinition[] = ROWS.map((row) => ({
  code: row[0],
  name: row[1],
  bloc: row[2],
  incomeGroup: row[3],
  latitude: row[4],
  longitude: row[5],
  population: row[6] * 1e6,
  gdpPerCapita: row[7],
  industryWorkersShare: row[8],
  internetUse: row[9],
  adultLiteracy: row[10],
  landlocked: row[11],
  isHub: row[12],
}));

const codeIndex = (code: string) => regions.findIndex((r) => r.code === code);

export const twoHubs: WorldDefinition = {
  name: 'two-hubs',
  blocs: BLOCS,
  regions,
  leadFirmHomes: ['NOR', 'NOR', 'LAK', 'VAL', 'COR', 'SHO'].map(codeIndex),
  hubSuppliersPerHub: 4,
  smesAtScaleOne: 1000,
  cellsAtScaleOne: 400,
  regionNeighbours: nearestRegions(regions, 2),
};
