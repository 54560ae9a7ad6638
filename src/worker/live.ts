import { policyItemSchema, shockSchema, type PolicyItem, type Shock } from '../model/scenario.ts';
import { resolveScenario } from '../model/shocks.ts';
import { INCOME_GROUPS } from '../model/world-definition.ts';
import { formatPath } from '../model/validate.ts';
import type { Simulation } from '../model/simulation.ts';
import type { World } from '../model/world.ts';
import { NO_BUYER } from '../../agents/sme/schema.ts';
import { STRATEGY_NAMES } from '../../agents/firm/strategy-codes.ts';

/**
 * Live changes to a running simulation (the web app's policy and shock panels). They resolve
 * exactly as a scenario file's items do (same target selection, same validation) and are
 * appended to the run's resolved scenario, so the model reads them like any timeline entry.
 */

function validated<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${formatPath(i.path.filter((p): p is string | number => typeof p !== 'symbol'))}: ${i.message}`);
  throw new Error(lines.join('\n'));
}

/** Resolves items against the run's world, with draws keyed on the run's seed. */
function resolveItems(sim: Simulation, shocks: Shock[], policy: PolicyItem[]) {
  const world = sim.world;
  const context = { regions: world.regions, blocs: sim.definition.blocs, quartiles: world.economy.incomeQuartile };
  return resolveScenario({ shocks, policy }, context, world.seed);
}

/** Adds policy settings (scenario-file format) to the run and to its reference, which shares the timeline. */
export function addPolicy(sim: Simulation, items: unknown[]): number {
  const parsed = items.map((item) => validated(policyItemSchema.safeParse(item)));
  const resolved = resolveItems(sim, [], parsed);
  sim.world.scenario.policy.push(...resolved.policy);
  if (sim.reference && sim.reference.scenario.policy !== sim.world.scenario.policy) sim.reference.scenario.policy.push(...resolved.policy);
  return resolved.policy.length;
}

/** Adds shocks (scenario-file format) to the shocked world only: the reference stays shock-free. */
export function addShocks(sim: Simulation, items: unknown[]): number {
  const parsed = items.map((item) => validated(shockSchema.safeParse(item)));
  const resolved = resolveItems(sim, parsed, []);
  const scenario = sim.world.scenario;
  scenario.shocks.push(...resolved.shocks);
  for (const s of resolved.shocks) {
    if (scenario.shockStartWeek < 0 || s.startWeek < scenario.shockStartWeek) scenario.shockStartWeek = s.startWeek;
    if (s.endWeek > scenario.shockEndWeek) scenario.shockEndWeek = s.endWeek;
  }
  return resolved.shocks.length;
}

export const DISTRIBUTION_ATTRIBUTES = ['smeCapability', 'smeSize', 'cellAccess', 'cellTrustFirms', 'cellTrustGovernment'] as const;
export type DistributionAttribute = (typeof DISTRIBUTION_ATTRIBUTES)[number];
export type DistributionGrouping = 'all' | 'incomeGroup' | 'region';

/** A histogram per group: counts (SMEs) or people (cells) in `bins` equal bins over [min, max]. */
export interface Distribution {
  attribute: DistributionAttribute;
  min: number;
  max: number;
  bins: number;
  groups: string[];
  /** groups.length × bins weights. */
  counts: Float64Array;
}

function groupOf(world: World, grouping: DistributionGrouping, region: number): number {
  if (grouping === 'all') return 0;
  return grouping === 'region' ? region : world.regions.incomeGroup[region];
}

export function distribution(world: World, attribute: DistributionAttribute, grouping: DistributionGrouping, bins = 20): Distribution {
  const groups = grouping === 'all' ? ['all'] : grouping === 'region' ? world.regions.codes.slice() : INCOME_GROUPS.slice();
  const max = attribute === 'smeSize' ? 250 : 1;
  const counts = new Float64Array(groups.length * bins);
  const add = (region: number, value: number, weight: number) => {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((value / max) * bins)));
    counts[groupOf(world, grouping, region) * bins + bin] += weight;
  };
  if (attribute === 'smeCapability' || attribute === 'smeSize') {
    const { smes } = world;
    for (let i = 0; i < smes.count; i++) {
      if (smes.alive[i]) add(smes.region[i], attribute === 'smeSize' ? smes.employees[i] : smes.capability[i], 1);
    }
  } else {
    const { cells } = world;
    const values = attribute === 'cellAccess' ? cells.access : attribute === 'cellTrustFirms' ? cells.trustFirms : cells.trustGovernment;
    for (let i = 0; i < cells.count; i++) add(cells.region[i], values[i], cells.population[i]);
  }
  return { attribute, min: 0, max, bins, groups, counts };
}

export type AgentKind = 'region' | 'plant' | 'hub' | 'sme' | 'cell';

/** One agent's (or region's) state as plain numbers and words, for the inspector. */
export function inspect(world: World, kind: AgentKind, id: number): Record<string, number | string> | null {
  const { regions, plants, hubs, smes, cells, firms, communityRegions, finalMarket, smeRegions } = world;
  const region = (r: number) => `${regions.names[r]} (${regions.codes[r]})`;
  if (kind === 'region' && id >= 0 && id < regions.count) {
    return {
      region: region(id), population: regions.population[id], access: communityRegions.access[id], literacy: communityRegions.literacy[id],
      trustFirms: communityRegions.trustFirms[id], trustGovernment: communityRegions.trustGovernment[id], unemployment: communityRegions.unemployment[id],
      smeCount: smeRegions.smeCount[id], smeAdopted: smeRegions.smeAdopted[id], smeInChain: smeRegions.smeInChain[id],
      fillRate: finalMarket.finalDemand[id] > 0 ? finalMarket.finalDelivered[id] / finalMarket.finalDemand[id] : 1,
      capacityFactor: regions.capacityFactor[id], borderOpen: regions.borderOpen[id], lockedDown: regions.lockedDown[id],
    };
  }
  if (kind === 'plant' && id >= 0 && id < plants.count) {
    const firm = plants.firm[id];
    return {
      region: region(plants.region[id]), firm, strategy: STRATEGY_NAMES[firms.strategy[firm]] ?? '?', active: plants.active[id],
      capacity: plants.capacity[id], production: plants.production[id], unitCost: plants.unitCost[id], availability: plants.availability[id],
      smeContracts: plants.smeContracts[id], localShare: plants.receivedTotal[id] > 0 ? plants.receivedLocal[id] / plants.receivedTotal[id] : 0,
    };
  }
  if (kind === 'hub' && id >= 0 && id < hubs.count) {
    return { region: region(hubs.region[id]), componentCapacity: hubs.componentCapacity[id], componentOutput: hubs.componentOutput[id], utilisation: hubs.utilisation[id], price: hubs.price[id] };
  }
  if (kind === 'sme' && id >= 0 && id < smes.count) {
    return {
      region: region(smes.region[id]), alive: smes.alive[id], employees: smes.employees[id], capability: smes.capability[id],
      digital: smes.digital[id], buyerPlant: smes.buyerPlant[id] === NO_BUYER ? 'none' : smes.buyerPlant[id], cash: smes.cash[id],
    };
  }
  if (kind === 'cell' && id >= 0 && id < cells.count) {
    return {
      region: region(cells.region[id]), population: cells.population[id], access: cells.access[id], literacy: cells.literacy[id],
      skill: cells.skill[id], income: cells.income[id], trustFirms: cells.trustFirms[id], trustGovernment: cells.trustGovernment[id],
    };
  }
  return null;
}
