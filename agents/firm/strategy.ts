import type { World } from '../../src/model/world.ts';
import { CHOOSABLE_COUNT, DUAL, GLOBAL, LOCAL, MULTILOCAL, NEARSHORE } from './schema.ts';
import { currentFreight, currentLeadTime, tariffRate } from '../../src/model/geography.ts';
import { unitLabourCost } from '../../src/model/economy.ts';
import { hubMixCost, updateHubWeights } from './sourcing.ts';
import type { SmePools } from './pools.ts';
import { STRATEGY_CODES } from './strategy-codes.ts';
import { payReshoringGrant } from '../policymaker/index.ts';
import { plantOverheadFor, sourcingNodeFactor } from './costs.ts';

/** The four strategies a firm chooses among (LOCAL is override-only); their codes are 0 … CHOOSABLE_COUNT − 1. */
export const CHOOSABLE = [GLOBAL, DUAL, NEARSHORE, MULTILOCAL] as const;

/** Keeps what firm f's review priced, for the indicators of §6 (`costGap…`, `expectedLoss…`). */
function recordReview(world: World, firm: number, estimates: readonly StrategyEstimate[]): void {
  const { firms } = world;
  firms.reviewedAtTick[firm] = world.tick;
  for (let index = 0; index < CHOOSABLE_COUNT; index++) {
    firms.reviewedCost[firm * CHOOSABLE_COUNT + index] = estimates[index].cost;
    firms.reviewedExpectedLoss[firm * CHOOSABLE_COUNT + index] = estimates[index].terms.expectedLoss;
  }
}

export function smeShareOf(world: World, strategy: number): number {
  switch (strategy) {
    case DUAL:
      return world.params.dualShare;
    case NEARSHORE:
    case MULTILOCAL:
    case LOCAL:
      return 1;
    default:
      return 0;
  }
}

/** Regions whose SMEs supply plant `plant` under `strategy`. */
export function poolRegions(world: World, firm: number, strategy: number, plant: number): number[] {
  const { regions, firms, plants } = world;
  const out: number[] = [];
  if (strategy === GLOBAL) return out;
  if (strategy === LOCAL) return [firms.homeRegion[firm]];
  const bloc = strategy === MULTILOCAL ? plants.bloc[plant] : firms.homeBloc[firm];
  for (let r = 0; r < regions.count; r++) if (regions.bloc[r] === bloc) out.push(r);
  return out;
}

/** Plants (and the share of the firm's demand each serves) a strategy implies. */
export function plantPlan(world: World, firm: number, strategy: number): { plant: number; share: number }[] {
  const { plants, firms, params } = world;
  const B = plants.blocCount;
  const home = firm * B + firms.homeBloc[firm];
  let total = 0;
  for (let b = 0; b < B; b++) total += firms.demandByBloc[firm * B + b];
  if (strategy !== MULTILOCAL || total <= 0) return [{ plant: home, share: 1 }];
  const plan: { plant: number; share: number }[] = [];
  let homeShare = 0;
  for (let b = 0; b < B; b++) {
    const share = firms.demandByBloc[firm * B + b] / total;
    if (b !== firms.homeBloc[firm] && share >= params.multilocalMinShare) plan.push({ plant: firm * B + b, share });
    else homeShare += share;
  }
  plan.unshift({ plant: home, share: homeShare });
  return plan;
}

/**
 * The terms of C_k (§7.1) in $ per unit, each averaged over the strategy's plants by the share of
 * the firm's demand the plant serves: cost = components + assembly + overhead + outbound +
 * coordination + contracts − subsidy + expectedLoss − localBonus.
 */
export interface StrategyTerms {
  /** Components from hubs and SMEs, delivered. */
  components: number;
  assembly: number;
  /** Plant overhead per unit. */
  overhead: number;
  /** Freight and tariffs to the markets served. */
  outbound: number;
  coordination: number;
  /** Fixed costs of SME contracts per unit. */
  contracts: number;
  /** Local-sourcing subsidy received. */
  subsidy: number;
  /** Risk-weighted expected disruption loss, (π/π0)⁺ · E[loss_k]. */
  expectedLoss: number;
  /** Price equivalent of the local content and presence customers value (§7.5). */
  localBonus: number;
}

/** Every term at 0: the start of a sum of terms. */
export function zeroTerms(): StrategyTerms {
  return { components: 0, assembly: 0, overhead: 0, outbound: 0, coordination: 0, contracts: 0, subsidy: 0, expectedLoss: 0, localBonus: 0 };
}

/** What the logit draw needs of a strategy's estimate. */
export type StrategyPrice = Pick<StrategyEstimate, 'cost' | 'switchCost'>;

export interface StrategyEstimate {
  /** Expected cost per unit, risk and local bonus included ($). */
  cost: number;
  /** What `cost` is made of. */
  terms: StrategyTerms;
  /** One-off cost of moving to this strategy ($, net of grants). */
  switchCost: number;
  /** Effective share of components from SMEs (after pool limits). */
  smeShare: number;
}

/** Demand-weighted freight + tariff from a plant to the markets of bloc b ($/unit, at price `price`). */
function outboundCost(world: World, plant: number, bloc: number, price: number): number {
  const { regions, geo, plants } = world;
  const origin = plants.region[plant];
  let demand = 0;
  let cost = 0;
  for (let r = 0; r < regions.count; r++) {
    if (regions.bloc[r] !== bloc) continue;
    const d = regions.finalDemandBase[r];
    demand += d;
    cost += d * (currentFreight(geo, regions, origin, r) + tariffRate(regions, origin, r) * price);
  }
  return demand > 0 ? cost / demand : 0;
}

/** What the SMEs of a strategy's pool regions offer one plant (sampled-economy units). */
interface PoolOffer {
  regions: number[];
  /** Contract capacity of the visible, capable SMEs (units/week). */
  capacity: number;
  /** Σ capacity × delivered unit cost (price + freight + tariff). */
  cost: number;
  /** Number of such SMEs. */
  count: number;
  /** Capacity in the plant's own region. */
  local: number;
}

/** One plant's part of C_k. */
interface PlantEstimate {
  /** Cost per unit at this plant, risk included, before the local bonus ($). */
  cost: number;
  /** Effective share of components from SMEs. */
  smeShare: number;
  /** Local bonus for the plant's own-bloc customers ($/unit). */
  bonus: number;
  /** `cost`'s terms (the local bonus is applied per firm, not here). */
  terms: Omit<StrategyTerms, 'localBonus'>;
}

/**
 * C_k of §7.1 for firm f and strategy k: production + freight + tariff − subsidy +
 * coordination + (π/π0) · E[loss_k] − localBonus_k, averaged over the plants k implies.
 */
export function estimateStrategy(world: World, firm: number, strategy: number, pools: SmePools): StrategyEstimate {
  const { plants, regions, params, economy, firms } = world;
  const B = plants.blocCount;
  const plan = plantPlan(world, firm, strategy);
  let demandTotal = 0;
  for (let b = 0; b < B; b++) demandTotal += firms.demandByBloc[firm * B + b];
  demandTotal = Math.max(demandTotal, 1e-9);
  let cost = 0;
  let switchCost = 0;
  let smeShareTotal = 0;
  const exposure = new Float64Array(regions.count);
  const bonusByBloc = new Float64Array(B);
  const terms = zeroTerms();
  for (const { plant, share } of plan) {
    const volume = share * demandTotal;
    const estimate = estimatePlant(world, firm, strategy, { plant, share, volume }, plan, pools, exposure);
    bonusByBloc[plants.bloc[plant]] = estimate.bonus;
    cost += share * estimate.cost;
    for (const key of PLANT_TERMS) terms[key] += share * estimate.terms[key];
    smeShareTotal += share * estimate.smeShare;
    // Switching: new plants' capex, net of grants.
    if (!plants.active[plant]) {
      switchCost +=
        params.plantCapexWeeks * volume * economy.referenceFinalPrice * (1 - regions.reshoringGrantShare[plants.region[plant]]);
    }
  }
  // Local bonus: the price equivalent of the utility local content and presence bring (§7.5).
  let bonus = 0;
  for (let b = 0; b < B; b++) bonus += (firms.demandByBloc[firm * B + b] / demandTotal) * bonusByBloc[b];
  cost -= bonus;
  terms.localBonus = bonus;
  switchCost += onboardingCost(world, firm, smeShareTotal, demandTotal);
  return { cost, terms, switchCost, smeShare: smeShareTotal };
}

const PLANT_TERMS = ['components', 'assembly', 'overhead', 'outbound', 'coordination', 'contracts', 'subsidy', 'expectedLoss'] as const;

/**
 * C_k's terms at one plant of the plan, serving `share` of the firm's demand (`volume` units a
 * week); `exposure` is working space.
 */
function estimatePlant(
  world: World,
  firm: number,
  strategy: number,
  { plant, share, volume }: { plant: number; share: number; volume: number },
  plan: { plant: number; share: number }[],
  pools: SmePools,
  exposure: Float64Array,
): PlantEstimate {
  const { plants, regions, params, economy, firms } = world;
  const R = regions.count;
  const region = plants.region[plant];
  const offer = poolOffer(world, firm, strategy, plant, pools);
  const target = smeShareOf(world, strategy);
  const available = offer.capacity * params.plantUtilisationTarget;
  const smeShare = strategy === LOCAL ? target : volume > 0 ? Math.min(target, available / volume) : target;
  const smeUnitCost = offer.capacity > 0 ? offer.cost / offer.capacity : economy.referenceComponentPrice * 3;
  const hubUnitCost = hubMixCost(world, plant);
  const hubCost = Number.isFinite(hubUnitCost) ? hubUnitCost : economy.referenceComponentPrice * 3;
  const components = (1 - smeShare) * hubCost + smeShare * smeUnitCost;
  const assembly = params.labourPerAssembly * unitLabourCost(regions, region);
  const unitCost = components + assembly;
  const outbound = outboundPerUnit(world, firm, plant, plan, unitCost * (1 + params.markup));
  const hubRegionWeight = new Float64Array(R);
  if (smeShare < 1) addHubRegionWeights(world, plant, hubRegionWeight);
  const poolWeight = new Float64Array(R);
  if (smeShare > 0 && offer.capacity > 0) setPoolWeights(world, strategy, offer, pools, poolWeight);
  const coordination = coordinationCost(world, hubRegionWeight, poolWeight, offer.regions);
  const meanOffer = offer.count > 0 ? offer.capacity / offer.count : 1;
  const contracts = (smeShare * params.contractFixedCost * economy.referenceComponentPrice) / Math.max(meanOffer, 1e-9);
  const localShare =
    (1 - smeShare) * hubRegionWeight[region] + (offer.capacity > 0 ? (smeShare * offer.local) / offer.capacity : 0);
  const subsidy = regions.localSourcingSubsidy[region] * economy.referenceComponentPrice * localShare;
  exposureBySourceRegion(world, strategy, smeShare, offer, pools, hubRegionWeight, poolWeight, exposure);
  const loss = riskWeight(world, firm) * expectedLoss(world, firm, region, exposure, params.markup * unitCost);
  // Local content this plant gives the customers of its own bloc (§7.5).
  const localContent = (1 - smeShare) * blocShareOfHubs(world, plant, hubRegionWeight) + smeShare;
  const bonus = bonusFor(world, plant, localContent, share);
  const overhead = volume > 0 ? plantOverheadFor(world, volume / params.plantUtilisationTarget) / volume : 0;
  const cost = components + assembly + overhead + outbound + coordination + contracts - subsidy + loss;
  return { cost, smeShare, bonus, terms: { components, assembly, overhead, outbound, coordination, contracts, subsidy, expectedLoss: loss } };
}

/** Capacity, delivered cost and count of the SMEs a strategy's pool regions offer `plant`. */
function poolOffer(world: World, firm: number, strategy: number, plant: number, pools: SmePools): PoolOffer {
  const { plants, regions, geo } = world;
  const R = regions.count;
  const region = plants.region[plant];
  const offer: PoolOffer = { regions: poolRegions(world, firm, strategy, plant), capacity: 0, cost: 0, count: 0, local: 0 };
  for (const r of offer.regions) {
    const cell = strategy * R + r;
    const capacity = pools.capacity[cell];
    if (capacity <= 0) continue;
    const price = pools.priceTimesCapacity[cell] / capacity;
    offer.capacity += capacity;
    offer.count += pools.count[cell];
    offer.cost += capacity * (price + currentFreight(geo, regions, r, region) + tariffRate(regions, r, region) * price);
    if (r === region) offer.local += capacity;
  }
  return offer;
}

/** Outbound freight and tariff per unit to the blocs this plant serves, weighted by their demand. */
function outboundPerUnit(world: World, firm: number, plant: number, plan: { plant: number }[], price: number): number {
  const { plants, firms } = world;
  const B = plants.blocCount;
  let outbound = 0;
  let servedDemand = 0;
  for (let b = 0; b < B; b++) {
    const servedHere =
      plants.bloc[plant] === b || (plant === plan[0].plant && !plan.some((x) => plants.bloc[x.plant] === b));
    if (!servedHere) continue;
    const d = firms.demandByBloc[firm * B + b];
    outbound += d * outboundCost(world, plant, b, price);
    servedDemand += d;
  }
  return servedDemand > 0 ? outbound / servedDemand : 0;
}

/** Adds each hub's weight in the plant's GLOBAL mix to its region. */
function addHubRegionWeights(world: World, plant: number, hubRegionWeight: Float64Array): void {
  const { hubs, plantHub } = world;
  const H = hubs.count;
  for (let j = 0; j < H; j++) hubRegionWeight[hubs.region[j]] += plantHub.weight[plant * H + j];
}

/** Each pool region's share of the pool's SME capacity. */
function setPoolWeights(world: World, strategy: number, offer: PoolOffer, pools: SmePools, poolWeight: Float64Array): void {
  const R = world.regions.count;
  for (const r of offer.regions) {
    const capacity = pools.capacity[strategy * R + r];
    if (capacity <= 0) continue;
    poolWeight[r] = capacity / offer.capacity;
  }
}

/**
 * coordination_k (§7.1): a per-unit cost that grows with the number of sourcing regions (hub
 * regions, then pool regions, above `sourcingRegionMinWeight`) and falls with their digital access
 * and with the smart sourcing nodes among them (§9.5, `sourcingNodeFactor`).
 */
function coordinationCost(world: World, hubRegionWeight: Float64Array, poolWeight: Float64Array, pool: number[]): number {
  const { regions, params, economy, communityRegions } = world;
  let regionsUsed = 0;
  let accessSum = 0;
  let nodeSum = 0;
  for (let r = 0; r < regions.count; r++) {
    if (hubRegionWeight[r] > params.sourcingRegionMinWeight) {
      regionsUsed++;
      accessSum += communityRegions.access[r];
      nodeSum += regions.sourcingNode[r];
    }
  }
  for (const r of pool) {
    if (poolWeight[r] > params.sourcingRegionMinWeight) {
      regionsUsed++;
      accessSum += communityRegions.access[r];
      nodeSum += regions.sourcingNode[r];
    }
  }
  const meanAccess = regionsUsed > 0 ? accessSum / regionsUsed : 0;
  const cost =
    params.coordinationCostPerRegion *
    economy.referenceFinalPrice *
    Math.max(0, regionsUsed - 1) *
    (1 - params.coordinationDigitalDiscount * meanAccess);
  return nodeSum > 0 ? cost * sourcingNodeFactor(params.sourcingNodeCoordinationCut, nodeSum / regionsUsed) : cost;
}

/** w_{k,r}: the share sourced from each region — hubs, first-tier SMEs, and visible second tier (§2). */
function exposureBySourceRegion(
  world: World,
  strategy: number,
  smeShare: number,
  offer: PoolOffer,
  pools: SmePools,
  hubRegionWeight: Float64Array,
  poolWeight: Float64Array,
  exposure: Float64Array,
): void {
  const R = world.regions.count;
  const HR = pools.hubRegions.length;
  exposure.fill(0);
  for (let r = 0; r < R; r++) exposure[r] = (1 - smeShare) * hubRegionWeight[r] + smeShare * poolWeight[r];
  if (smeShare > 0 && offer.capacity > 0) {
    for (const r of offer.regions) {
      for (let k = 0; k < HR; k++) {
        const tier = pools.tierTwo[(strategy * R + r) * HR + k];
        if (tier > 0) exposure[pools.hubRegions[k]] += (smeShare * tier) / offer.capacity;
      }
    }
  }
}

/**
 * The weight of E[loss_k] in C_k: π / π0, but never below 1 — E[loss_k] is already the expected
 * loss (§9.1), and a firm whose shortfalls raised π above π0 weighs it more (departure 1).
 */
export function riskWeight(world: World, firm: number): number {
  const pi0 = world.params.riskPerceptionInitial;
  const pi = world.firms.riskPerception[firm];
  return pi0 > 0 ? Math.max(1, pi / pi0) : 1 + pi;
}

/**
 * Customers lost per unit of lost sales through the availability term of the market logit
 * (§7.5): a fill deficit lowers availability by as much, summed over weeks, and each unit of
 * availability moves β_a · s(1 − s) of the market, so β_a · (1 − s_f) units per unit lost, s_f being
 * the firm's share of world final demand (§9.1).
 */
export function customerLossFactor(world: World, firm: number): number {
  const { firms, plants, params, economy } = world;
  const B = plants.blocCount;
  let demand = 0;
  for (let b = 0; b < B; b++) demand += firms.demandByBloc[firm * B + b];
  const share = economy.totalFinalDemand > 0 ? Math.min(1, demand / economy.totalFinalDemand) : 0;
  return params.availabilityWeight * (1 - share);
}

/**
 * E[loss_k] per unit (§7.1, §9.1) = margin · (1 + β_a(1 − s_f)) · depth ·
 * [Σ_{r ≠ plant} w_{k,r} · ĥ_r · max(0, L_r + d̄ − cover) · (1 − spare_{k,r}) + ĥ_plant · max(0, d̄ − cover)]:
 * lost margin on lost sales and on the customers the lower availability drives away. The plant's own
 * region stops the plant whatever its sources, so it enters once, the same for every strategy, and
 * sourcing there adds nothing (diversification does not look dearer for it).
 */
export function expectedLoss(world: World, firm: number, region: number, exposure: Float64Array, margin: number): number {
  const { regions, geo, params, firms } = world;
  const R = regions.count;
  const cover = params.inventoryCoverWeeks;
  let loss = 0;
  for (let r = 0; r < R; r++) {
    const w = exposure[r];
    if (w <= 0 || r === region) continue;
    const lead = currentLeadTime(geo, regions, r, region);
    const spare = Math.min(1, (params.spareCapacityShare * (1 - Math.min(1, w))) / Math.max(w, 1e-9));
    loss += w * firms.observedHazard[firm * R + r] * Math.max(0, lead + params.meanDisruptionWeeks - cover) * (1 - spare);
  }
  loss += firms.observedHazard[firm * R + region] * Math.max(0, params.meanDisruptionWeeks - cover);
  return loss * margin * params.disruptionLossDepth * (1 + customerLossFactor(world, firm));
}

/** Onboarding a new SME supplier base: paid on the rise in the firm's SME share, net of grants. */
function onboardingCost(world: World, firm: number, smeShare: number, demandTotal: number): number {
  const { params, firms, economy, regions } = world;
  const currentSme = currentSmeShare(world, firm);
  if (smeShare <= currentSme) return 0;
  const home = firms.homeRegion[firm];
  return (
    params.onboardingWeeks *
    (smeShare - currentSme) *
    demandTotal *
    economy.referenceComponentPrice *
    (1 - regions.reshoringGrantShare[home])
  );
}

/** Utility gain for the plant's own-bloc customers from local content and presence, in $ per unit. */
function bonusFor(world: World, plant: number, localContent: number, demandShare: number): number {
  const { params, plants, regions, economy, communityRegions } = world;
  if (params.priceWeight <= 0) return 0;
  const bloc = plants.bloc[plant];
  const region = plants.region[plant];
  const blocDemand = blocDemandBase(world, bloc);
  // Presence counts in the plant's own region: the share of the bloc's demand there, times the
  // share of the firm's employment the plant holds.
  const presence = blocDemand > 0 ? (regions.finalDemandBase[region] / blocDemand) * demandShare : 0;
  const utility = params.localContentWeight * localContent + params.trustWeight * communityRegions.trustFirms[region] * presence;
  return (utility * economy.referenceFinalPrice) / params.priceWeight;
}

function blocShareOfHubs(world: World, plant: number, hubRegionWeight: Float64Array): number {
  const { regions, plants } = world;
  let share = 0;
  for (let r = 0; r < regions.count; r++) if (regions.bloc[r] === plants.bloc[plant]) share += hubRegionWeight[r];
  return share;
}

function blocDemandBase(world: World, bloc: number): number {
  const { regions } = world;
  let total = 0;
  for (let r = 0; r < regions.count; r++) if (regions.bloc[r] === bloc) total += regions.finalDemandBase[r];
  return total;
}

function currentSmeShare(world: World, firm: number): number {
  const { plants } = world;
  const B = plants.blocCount;
  let weighted = 0;
  let total = 0;
  for (let b = 0; b < B; b++) {
    const p = firm * B + b;
    if (!plants.active[p]) continue;
    weighted += plants.smeShareTarget[p] * plants.forecast[p];
    total += plants.forecast[p];
  }
  return total > 0 ? weighted / total : 0;
}

/** Units over which a switching cost is spread: the firm's weekly demand × `amortisationWeeks`. */
export function amortisationUnits(world: World, firm: number): number {
  const { firms, plants, params } = world;
  const B = plants.blocCount;
  let demand = 0;
  for (let b = 0; b < B; b++) demand += firms.demandByBloc[firm * B + b];
  return Math.max(demand, 1e-9) * params.amortisationWeeks;
}

/** The logit's temperature T: `strategyTemp` × the mean C_k over the strategies priced. */
export function logitTemperature(world: World, estimates: readonly { cost: number }[]): number {
  let mean = 0;
  for (const e of estimates) mean += e.cost / estimates.length;
  return world.params.strategyTemp * Math.max(Math.abs(mean), 1e-9);
}

/**
 * The logit draw of §9.1 over the four strategies: utility −(C_k + amortised switching cost) / T
 * plus a Gumbel draw keyed by (seed, purpose, firm, tick, k), so the choice is a logit with
 * temperature T = `strategyTemp` × the mean C_k. `withSwitching` false (at build time) leaves the
 * switching cost out. Returns the index in CHOOSABLE.
 */
export function drawStrategy(
  world: World,
  firm: number,
  estimates: readonly StrategyPrice[],
  draws: { gumbel(entity: number, tick: number, draw?: number): number },
  withSwitching: boolean,
): number {
  const { tick } = world;
  const weeks = amortisationUnits(world, firm);
  const temperature = logitTemperature(world, estimates);
  let chosen = 0;
  let best = -Infinity;
  for (let index = 0; index < estimates.length; index++) {
    const switching = withSwitching ? estimates[index].switchCost / weeks : 0;
    const utility = -(estimates[index].cost + switching) / temperature + draws.gumbel(firm, tick, CHOOSABLE[index]);
    if (utility > best) {
      best = utility;
      chosen = index;
    }
  }
  return chosen;
}

/**
 * Phase 5, quarterly (§7.1, §9.1): every living firm prices the four strategies and draws one by
 * logit; the switching cost (capex net of grants, onboarding), spread over `amortisationWeeks`,
 * counts against every strategy but the current one. `strategyOverride` forces one strategy on every firm.
 */
export function chooseStrategies(world: World, pools: SmePools): void {
  const { firms, plants, params } = world;
  const draws = world.draws.for('firm.strategy');
  for (let p = 0; p < plants.count; p++) updateHubWeights(world, p);
  for (let f = 0; f < firms.count; f++) {
    if (!firms.alive[f]) continue;
    if (params.strategyOverride !== 'none') {
      const forced = STRATEGY_CODES[params.strategyOverride];
      if (firms.strategy[f] !== forced || !planMatches(world, f, forced)) applyStrategy(world, f, forced, 0);
      continue;
    }
    const current = firms.strategy[f];
    const estimates = CHOOSABLE.map((k) => estimateStrategy(world, f, k, pools));
    recordReview(world, f, estimates);
    const next = CHOOSABLE[drawStrategy(world, f, estimates, draws, true)];
    if (next !== current) {
      applyStrategy(world, f, next, estimates[CHOOSABLE.indexOf(next)].switchCost);
    } else if (current === MULTILOCAL && !planMatches(world, f, current)) {
      applyStrategy(world, f, current, 0);
    }
  }
}

/**
 * Initial strategies (§9.1): at build time every firm draws from the same logit, without switching
 * costs, and its plants start running (no ramp-up, no capex), so the calm baseline does not start
 * out of balance.
 */
export function drawStartingStrategies(world: World, pools: SmePools): void {
  const { firms, plants, params } = world;
  if (params.strategyOverride !== 'none') return;
  const draws = world.draws.for('firm.startingStrategy');
  for (let p = 0; p < plants.count; p++) updateHubWeights(world, p);
  for (let f = 0; f < firms.count; f++) {
    const estimates = CHOOSABLE.map((k) => estimateStrategy(world, f, k, pools));
    recordReview(world, f, estimates);
    const next = CHOOSABLE[drawStrategy(world, f, estimates, draws, false)];
    if (next !== firms.strategy[f]) applyStrategy(world, f, next, 0, true);
  }
}

function planMatches(world: World, firm: number, strategy: number): boolean {
  const { plants } = world;
  const B = plants.blocCount;
  const planned = new Set(plantPlan(world, firm, strategy).map((x) => x.plant));
  for (let b = 0; b < B; b++) {
    const p = firm * B + b;
    if ((plants.active[p] === 1) !== planned.has(p)) return false;
    if (plants.active[p] && plants.smeShareTarget[p] !== smeShareOf(world, strategy)) return false;
  }
  return true;
}

/**
 * Puts a strategy into effect: opens the plants it needs (ramping up over `rampWeeks`, capex
 * paid net of reshoring grants), closes the others (stock moves to the home plant), and sets
 * each plant's target share of SME components.
 */
export function applyStrategy(world: World, firm: number, strategy: number, switchCost: number, building = false): void {
  const { firms, plants, params, economy, regions, ledger, tick } = world;
  const B = plants.blocCount;
  if (building) {
    firms.strategy[firm] = strategy;
    openStartingPlants(world, firm, strategy);
    return;
  }
  if (firms.strategy[firm] !== strategy) {
    firms.strategy[firm] = strategy;
    firms.switchedAtTick[firm] = tick;
    firms.strategySwitches[firm]++;
  }
  const plan = plantPlan(world, firm, strategy);
  let demandTotal = 0;
  for (let b = 0; b < B; b++) demandTotal += firms.demandByBloc[firm * B + b];
  const home = firm * B + firms.homeBloc[firm];
  const planned = new Map(plan.map((x) => [x.plant, x.share]));
  // Onboarding cost (no plant capex in it) is paid now; plant capex is paid per plant below.
  let capexPaid = 0;
  for (let b = 0; b < B; b++) {
    const p = firm * B + b;
    const share = planned.get(p);
    if (share !== undefined && !plants.active[p]) {
      const volume = share * demandTotal;
      const capex = params.plantCapexWeeks * volume * economy.referenceFinalPrice;
      const grant = payReshoringGrant(world, plants.region[p], capex);
      firms.cash[firm] -= capex - grant;
      ledger.capex += capex;
      capexPaid += capex - grant;
      plants.active[p] = 1;
      plants.capacityTarget[p] = volume / params.plantUtilisationTarget;
      plants.capacity[p] = 0;
      plants.rampStartTick[p] = tick;
      plants.forecast[p] = volume;
      world.plantJobEvents.opened[plants.region[p]] += (volume * params.labourPerAssembly) / regions.productivity[plants.region[p]];
    } else if (share === undefined && plants.active[p] && p !== home) {
      closePlant(world, p, home);
    }
    plants.smeShareTarget[p] = planned.has(p) ? smeShareOf(world, strategy) : 0;
  }
  const onboarding = Math.max(0, switchCost - capexPaid);
  if (onboarding > 0) {
    const gross = onboarding / Math.max(1e-9, 1 - regions.reshoringGrantShare[firms.homeRegion[firm]]);
    const grant = payReshoringGrant(world, firms.homeRegion[firm], gross);
    firms.cash[firm] -= gross - grant;
    ledger.capex += gross;
  }
}

/** At build time: the plants of a firm's starting strategy run at once at their target capacity, and SME shares are set. */
function openStartingPlants(world: World, firm: number, strategy: number): void {
  const { firms, plants, params } = world;
  const B = plants.blocCount;
  let demandTotal = 0;
  for (let b = 0; b < B; b++) demandTotal += firms.demandByBloc[firm * B + b];
  const planned = new Map(plantPlan(world, firm, strategy).map((x) => [x.plant, x.share]));
  for (let b = 0; b < B; b++) {
    const p = firm * B + b;
    const share = planned.get(p);
    if (share !== undefined && !plants.active[p]) {
      const volume = share * demandTotal;
      plants.active[p] = 1;
      plants.capacityTarget[p] = plants.capacity[p] = volume / params.plantUtilisationTarget;
      plants.forecast[p] = volume;
      plants.finishedStock[p] = (params.inventoryCoverWeeks + 1) * volume;
    }
    plants.smeShareTarget[p] = planned.has(p) ? smeShareOf(world, strategy) : 0;
  }
}

/** Closes a plant: its stock moves to the home plant; what it was owed is cancelled; layoffs count as a bad event. */
export function closePlant(world: World, plant: number, home: number): void {
  const { plants, plantHub, hubs } = world;
  const H = hubs.count;
  plants.finishedStock[home] += plants.finishedStock[plant];
  plants.componentStock[home] += plants.componentStock[plant];
  plants.finishedStock[plant] = 0;
  plants.componentStock[plant] = 0;
  for (let j = 0; j < H; j++) plantHub.owed[plant * H + j] = 0;
  world.plantJobEvents.closed[plants.region[plant]] += plants.employment[plant];
  plants.active[plant] = 0;
  plants.capacity[plant] = 0;
  plants.capacityTarget[plant] = 0;
  plants.rampStartTick[plant] = -1;
  plants.smeShareTarget[plant] = 0;
}

/** Empties the week's plant-job events before the strategy phase writes this week's. */
export function clearPlantJobEvents(world: World): void {
  world.plantJobEvents.opened.fill(0);
  world.plantJobEvents.closed.fill(0);
}
