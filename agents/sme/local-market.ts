import type { World } from '../../src/sim/world.ts';
import { localRevenuePerWorker, smeComponentCapacity, smeWorkerOutput } from './costs.ts';

/**
 * Phase 4 (local markets, §2, §7.5) — each region's local market for components and services
 * (`localMarketShare` of its GDP, × shock multiplier × demand noise) is shared among its SMEs by
 * capacity × capability — through a customer base that follows capacity × capability with a lag
 * of `customerMemoryWeeks`, so shedding staff does not lose customers at once. An SME serves its share up to the labour left after its chain work;
 * what first choices cannot serve goes to SMEs with spare capacity, in proportion to it
 * (customers turn to other local suppliers). Demand no SME can serve is lost.
 */
export function serveLocalMarkets(world: World): void {
  const { smes, regions, params, ledger, scratch } = world;
  const weight = scratch.regionSmeWeight;
  const spare = scratch.regionGrantDemand;
  weight.fill(0);
  spare.fill(0);
  const follow = 1 / params.customerMemoryWeeks;
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    smes.customers[i] += follow * (customerTarget(world, i) - smes.customers[i]);
    weight[smes.region[i]] += smes.customers[i];
  }
  const sd = params.demandNoiseSd;
  for (let r = 0; r < regions.count; r++) {
    regions.localDemand[r] =
      regions.localMarketBase[r] * regions.localDemandMultiplier[r] * Math.exp(regions.demandNoise[r] - (sd * sd) / 2);
    regions.localServed[r] = 0;
  }
  // First round: shares by capacity × capability, up to each SME's capacity ($ this week).
  for (let i = 0; i < smes.count; i++) {
    smes.localRevenue[i] = 0;
    smes.localLabour[i] = 0;
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    if (weight[r] <= 0) continue;
    const share = (regions.localDemand[r] * smes.customers[i]) / weight[r];
    const capacity = localCapacity(world, i);
    const served = Math.max(0, Math.min(share, capacity));
    smes.localRevenue[i] = served;
    regions.localServed[r] += served;
    spare[r] += capacity - served;
  }
  // Second round: the unserved remainder, in proportion to spare capacity.
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    const perWorker = localRevenuePerWorker(world, i);
    const factor = regions.capacityFactor[r];
    const remainder = regions.localDemand[r] - regions.localServed[r];
    if (remainder > 0 && spare[r] > 0) {
      const room = localCapacity(world, i) - smes.localRevenue[i];
      smes.localRevenue[i] += room * Math.min(1, remainder / spare[r]);
    }
    const served = smes.localRevenue[i];
    smes.localLabour[i] = factor > 0 && perWorker > 0 ? served / (perWorker * factor) : 0;
    smes.cash[i] += served;
    ledger.localMarketSpending += served;
  }
  for (let r = 0; r < regions.count; r++) {
    const remainder = regions.localDemand[r] - regions.localServed[r];
    regions.localServed[r] += spare[r] > 0 ? Math.min(remainder, spare[r]) : 0;
  }
}

/** The customer base an SME's capacity × capability would hold in the long run. */
export function customerTarget(world: World, id: number): number {
  return smeComponentCapacity(world, id) * world.smes.capability[id];
}

/** Local-market sales an SME can make this week ($): labour left after chain work × revenue per worker. */
function localCapacity(world: World, id: number): number {
  const { smes, regions, params } = world;
  const r = smes.region[id];
  const chainLabour = Math.min(
    smes.employees[id],
    ((smes.owedToBuyer[id] + smes.ordersLastWeek[id]) * params.labourPerComponent) / smeWorkerOutput(world, id),
  );
  return Math.max(0, (smes.employees[id] - chainLabour) * localRevenuePerWorker(world, id) * regions.capacityFactor[r]);
}
