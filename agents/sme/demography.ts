import type { World } from '../../src/model/world.ts';
import { stockEntrantInputs } from './inputs.ts';
import type { KeyedDraws } from '../../src/sim/rng/keyed.ts';
import { NO_BUYER, allocateSme } from './schema.ts';
import { powerLawEmployees, smeComponentPrice, smeWeeklyCost } from './costs.ts';
import { initialCapability } from './initialize.ts';
import { domesticRawPrice } from '../supplier/index.ts';
import { clamp01 } from '../community/index.ts';
import { customerTarget } from './local-market.ts';

/**
 * Capability of an entrant: `entrantCapabilityShare` of its region's current mean (the starting
 * level where the region has no SMEs), plus the same spread as at the start.
 */
export function entrantCapability(world: World, region: number, z: number): number {
  const { params, smeRegions } = world;
  if (smeRegions.smeCount[region] <= 0) return initialCapability(world, region, z);
  const mean = smeRegions.smeCapabilitySum[region] / smeRegions.smeCount[region];
  return Math.min(0.95, Math.max(0.05, params.entrantCapabilityShare * mean + params.capabilityDispersion * z));
}

/**
 * Pre-entry selection (MODEL.md §9.6): a would-be entrant of region `r` whose drawn capability is
 * below `entrantMinCapabilityShare` of the region's current SME mean capability stays out. Where
 * the region has no SMEs there is no mean to compare with, and every would-be entrant enters.
 */
export function entersMarket(world: World, region: number, capability: number): boolean {
  const { params, smeRegions } = world;
  if (smeRegions.smeCount[region] <= 0) return true;
  const mean = smeRegions.smeCapabilitySum[region] / smeRegions.smeCount[region];
  return capability >= params.entrantMinCapabilityShare * mean;
}

/** Living SMEs with `smeExitWeeks` or more weeks of negative cash (what `settleSmes` returns). */
export function exitingSmes(world: World): number[] {
  const { smes, params } = world;
  const out: number[] = [];
  for (let i = 0; i < smes.count; i++) if (smes.alive[i] && smes.negativeCashWeeks[i] >= params.smeExitWeeks) out.push(i);
  return out;
}

/**
 * End of phase 8 — deaths (the SMEs `settleSmes` found with `smeExitWeeks` weeks of negative
 * cash), then births (deferred to the end of the phase, §3). An exiting SME's cash, raw stock
 * and in-transit inputs are written off, its contract ends, and its slot is freed. New SMEs arrive
 * by region as Poisson(baseEntry × slots × (1 + literacy) × (1 + local demand growth⁺)) would-be
 * entrants, of whom those whose capability passes `entersMarket` enter and take the lowest free slots.
 */
export function smeExitsAndEntries(world: World, exiting: readonly number[] = exitingSmes(world)): void {
  removeExitingSmes(world, exiting);
  enterSmes(world);
}

/** Deaths: an exiting SME's cash, raw stock and in-transit inputs are written off, its contract ends, its slot is freed. */
function removeExitingSmes(world: World, exiting: readonly number[]): void {
  const { smes, ledger, smeRegions } = world;
  smeRegions.smeExits.fill(0);
  for (const i of exiting) {
    const r = smes.region[i];
    smeRegions.smeExits[r]++;
    ledger.exitWriteOffs += smes.cash[i];
    let raw = smes.rawStock[i];
    for (let s = 0; s < smes.pipelineWeeks; s++) {
      raw += smes.rawPipeline[i * smes.pipelineWeeks + s];
      smes.rawPipeline[i * smes.pipelineWeeks + s] = 0;
    }
    ledger.rawWrittenOff += raw;
    smes.rawStock[i] = 0;
    smes.cash[i] = 0;
    smes.alive[i] = 0;
    smes.buyerPlant[i] = NO_BUYER;
    smes.contractCapacity[i] = 0;
    smes.owedToBuyer[i] = 0;
    smes.owedByHub[i] = 0;
    smes.owedByDomestic[i] = 0;
    smes.owedByRecycled[i] = 0;
  }
  smes.freeSlots.release(exiting);
}

/**
 * Births: Poisson(baseEntry × slots × (1 + literacy) × (1 + local demand growth⁺)) would-be
 * entrants per region; each draws its capability and enters if `entersMarket` lets it.
 */
function enterSmes(world: World): void {
  const { regions, params, tick, communityRegions, smeRegions } = world;
  smeRegions.smeEntries.fill(0);
  const entryDraws = world.draws.for('sme.entry');
  const entrantDraws = world.draws.for('sme.entrant');
  const rawPrice = domesticRawPrice(world);
  for (let r = 0; r < regions.count; r++) {
    smeRegions.localDemandTrend[r] += (smeRegions.localDemand[r] - smeRegions.localDemandTrend[r]) / 52;
    const growth = smeRegions.localDemandTrend[r] > 0 ? smeRegions.localDemand[r] / smeRegions.localDemandTrend[r] - 1 : 0;
    const mean =
      (params.smeEntryRate / 52) * regions.smeSlots[r] * (1 + communityRegions.literacy[r]) * (1 + Math.max(0, growth));
    const entrants = entryDraws.poisson(r, tick, mean);
    for (let k = 0; k < entrants; k++) {
      const capability = entrantCapability(world, r, entrantDraws.normal(entrantKey(r, k), tick, 2));
      if (entersMarket(world, r, capability)) createEntrant(world, r, k, capability, rawPrice, entrantDraws);
    }
  }
}

/** Draw key of the k-th would-be entrant of region r in a week. */
function entrantKey(r: number, k: number): number {
  return (r << 16) | (k & 0xffff);
}

/** The k-th entrant of region r this week, with its drawn `capability`: its other traits drawn from the seed, in the lowest free slot; it joins the census. */
function createEntrant(world: World, r: number, k: number, capability: number, rawPrice: number, entrantDraws: KeyedDraws): void {
  const { smes, params, ledger, tick, communityRegions, smeRegions } = world;
  const usage = communityRegions.access[r] * communityRegions.literacy[r];
  const key = entrantKey(r, k);
  const id = allocateSme(smes);
  smes.alive[id] = 1;
  smes.region[id] = r;
  smes.bornAtTick[id] = tick;
  smes.employees[id] = powerLawEmployees(entrantDraws.uniform(key, tick, 0), params.smeSizeExponent, params.smeMaxEmployees);
  smes.capability[id] = capability;
  smes.digital[id] = entrantDraws.uniform(key, tick, 1) < clamp01(params.initialAdoptionFactor * usage) ? 1 : 0;
  smes.rawCost[id] = rawPrice;
  smes.riskPerception[id] = params.riskPerceptionInitial;
  smes.observedHazard[id] = params.hubHazardPerYear / 52; // ĥ of its hub source's region
  const capital = params.smeCashWeeks * smeWeeklyCost(world, id);
  smes.cash[id] = capital;
  ledger.entryCapital += capital;
  smes.price[id] = smeComponentPrice(world, id);
  smes.customers[id] = params.entrantCustomerShare * customerTarget(world, id);
  stockEntrantInputs(world, id);
  smeRegions.smeEntries[r]++;
  // Entrants join the census the SME finance pass took of the SMEs that stayed.
  smeRegions.smeCount[r]++;
  smeRegions.smeAdopted[r] += smes.digital[id];
  smeRegions.smeEmployment[r] += smes.employees[id];
  smeRegions.smeCapabilitySum[r] += smes.capability[id];
}
