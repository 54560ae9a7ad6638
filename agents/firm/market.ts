import type { World } from '../../src/model/world.ts';
import { canShip, currentFreight, tariffRate } from '../../src/model/geography.ts';
import { exp } from '../../src/sim/math.ts';
import { incomeDemandFactor } from '../../src/model/income-demand.ts';

/**
 * For every (firm, market region): the plant that serves it — the firm's plant in the region's
 * bloc when it is running (past `servingCapacityShare` of its target), else its nearest running
 * plant (§2: "a bloc under the 15% line is
 * served from the firm's nearest plant").
 */
export function assignServingPlants(world: World): void {
  const { firms, plants, regions, geo, scratch } = world;
  // Bloc plants serve their bloc once past `servingCapacityShare` of their target capacity.
  const servingShare = world.params.servingCapacityShare;
  const R = regions.count;
  const B = plants.blocCount;
  for (let f = 0; f < firms.count; f++) {
    for (let r = 0; r < R; r++) {
      let chosen = -1;
      if (firms.alive[f]) {
        const own = f * B + regions.bloc[r];
        if (plants.active[own] && plants.capacity[own] >= servingShare * plants.capacityTarget[own]) {
          chosen = own;
        } else {
          let best = Infinity;
          for (let b = 0; b < B; b++) {
            const p = f * B + b;
            if (!plants.active[p] || plants.capacity[p] < servingShare * plants.capacityTarget[p]) continue;
            const km = geo.distanceKm[plants.region[p] * R + r];
            if (km < best) {
              best = km;
              chosen = p;
            }
          }
        }
      }
      scratch.servingPlant[f * R + r] = chosen;
    }
  }
}

/** Price a customer in `region` pays for a unit from `plant`: price + freight + tariff. */
export function deliveredPrice(world: World, plant: number, region: number): number {
  const { plants, regions, geo } = world;
  const origin = plants.region[plant];
  const price = plants.price[plant];
  return price + currentFreight(geo, regions, origin, region) + tariffRate(regions, origin, region) * price;
}

/** Share of firm f's plant employment located in region r: its presence there (§7.5). */
function presence(world: World, f: number, r: number): number {
  const { plants } = world;
  const B = plants.blocCount;
  let here = 0;
  let total = 0;
  for (let b = 0; b < B; b++) {
    const p = f * B + b;
    if (!plants.active[p]) continue;
    const weight = plants.employment[p] > 0 ? plants.employment[p] : plants.capacity[p];
    total += weight;
    if (plants.region[p] === r) here += weight;
  }
  return total > 0 ? here / total : 0;
}

/**
 * Logit shares of market `r` among the firms that can deliver there this week:
 * U = −β_p · delivered price / mean + β_a · availability + β_τ · τF · presence + β_l · local content.
 * Writes `scratch.marketShare[f × R + r]`; returns false when no firm can deliver.
 */
export function computeMarketShares(world: World, r: number): boolean {
  const { firms, plants, regions, params, scratch } = world;
  const R = regions.count;
  let priceSum = 0;
  let deliverable = 0;
  for (let f = 0; f < firms.count; f++) {
    const p = scratch.servingPlant[f * R + r];
    scratch.marketShare[f * R + r] = 0;
    if (p < 0 || !canShip(regions, plants.region[p], r)) continue;
    priceSum += deliveredPrice(world, p, r);
    deliverable++;
  }
  if (deliverable === 0) return false;
  const meanPrice = priceSum / deliverable;
  let maxUtility = -Infinity;
  for (let f = 0; f < firms.count; f++) {
    const p = scratch.servingPlant[f * R + r];
    if (p < 0 || !canShip(regions, plants.region[p], r)) continue;
    const localContent = plants.bloc[p] === regions.bloc[r] ? plants.blocContent[p] : 0;
    const utility =
      -params.priceWeight * (meanPrice > 0 ? deliveredPrice(world, p, r) / meanPrice : 1) +
      params.availabilityWeight * plants.availability[p] +
      params.trustWeight * regions.trustFirms[r] * presence(world, f, r) +
      params.localContentWeight * localContent;
    scratch.marketShare[f * R + r] = utility;
    if (utility > maxUtility) maxUtility = utility;
  }
  let total = 0;
  for (let f = 0; f < firms.count; f++) {
    const p = scratch.servingPlant[f * R + r];
    if (p < 0 || !canShip(regions, plants.region[p], r)) continue;
    const weight = exp(scratch.marketShare[f * R + r] - maxUtility);
    scratch.marketShare[f * R + r] = weight;
    total += weight;
  }
  for (let f = 0; f < firms.count; f++) scratch.marketShare[f * R + r] /= total;
  return true;
}

/** This week's final demand of region r: base × shock multiplier × income factor (§9.2, η) × AR(1) log-noise (mean 1). */
export function regionalFinalDemand(world: World, r: number): number {
  const { regions, params } = world;
  const sd = params.demandNoiseSd;
  return (
    regions.finalDemandBase[r] *
    regions.finalDemandMultiplier[r] *
    incomeDemandFactor(world, r, params.demandIncomeElasticity) *
    exp(regions.demandNoise[r] - (sd * sd) / 2)
  );
}

/** Advances every region's AR(1) demand noise by one week. */
export function advanceDemandNoise(world: World): void {
  const { regions, params, tick } = world;
  const draws = world.draws.for('market.demandNoise');
  const ar = params.demandNoiseAr;
  const innovationSd = params.demandNoiseSd * Math.sqrt(1 - ar * ar);
  for (let r = 0; r < regions.count; r++) {
    regions.demandNoise[r] = ar * regions.demandNoise[r] + innovationSd * draws.normal(r, tick);
  }
}

/**
 * Phase 4 (final goods) — demand is split among firms and served from finished stock; what a
 * plant cannot fill is lost (§3). Plants ration all their markets by one fill fraction.
 */
export function serveFinalDemand(world: World): void {
  advanceDemandNoise(world);
  assignServingPlants(world);
  collectCustomerOrders(world);
  fillFromStock(world);
  recordDeliveries(world);
  bookRevenueAndShortfall(world);
}

/** Each region's final demand is split among firms by market share and sent to each firm's serving plant. */
function collectCustomerOrders(world: World): void {
  const { firms, plants, regions, scratch } = world;
  const R = regions.count;
  plants.customerOrders.fill(0);
  regions.finalDemand.fill(0);
  regions.finalDelivered.fill(0);
  regions.finalLost.fill(0);
  for (let r = 0; r < R; r++) {
    const demand = regionalFinalDemand(world, r);
    regions.finalDemand[r] = demand;
    if (!computeMarketShares(world, r)) {
      regions.finalLost[r] = demand;
      continue;
    }
    for (let f = 0; f < firms.count; f++) {
      const share = scratch.marketShare[f * R + r];
      if (share > 0) plants.customerOrders[scratch.servingPlant[f * R + r]] += share * demand;
    }
  }
}

/** Each plant fills all its markets by one fraction of its orders from finished stock; its availability follows the fill. */
function fillFromStock(world: World): void {
  const { plants, scratch, ledger, params } = world;
  for (let p = 0; p < plants.count; p++) {
    const orders = plants.customerOrders[p];
    const fill = orders > 0 ? Math.min(1, plants.finishedStock[p] / orders) : 1;
    const delivered = fill * orders;
    plants.delivered[p] = delivered;
    plants.lostSales[p] = orders - delivered;
    plants.finishedStock[p] -= delivered;
    if (plants.finishedStock[p] < 0) plants.finishedStock[p] = 0;
    plants.availability[p] += params.availabilityMemoryRate * (fill - plants.availability[p]);
    ledger.finalSold += delivered;
    scratch.plantFill[p] = fill;
  }
}

/** Regions' delivered and lost final goods, and each firm's demand by bloc (an average over a strategy period). */
function recordDeliveries(world: World): void {
  const { firms, plants, regions, scratch, params } = world;
  const R = regions.count;
  const B = plants.blocCount;
  for (let f = 0; f < firms.count; f++) {
    firms.revenue[f] = 0;
    for (let b = 0; b < B; b++) firms.demandByBloc[f * B + b] *= 1 - 1 / params.strategyPeriodWeeks;
  }
  for (let r = 0; r < R; r++) {
    for (let f = 0; f < firms.count; f++) {
      const share = scratch.marketShare[f * R + r];
      if (share <= 0) continue;
      const p = scratch.servingPlant[f * R + r];
      const ordered = share * regions.finalDemand[r];
      const delivered = scratch.plantFill[p] * ordered;
      regions.finalDelivered[r] += delivered;
      regions.finalLost[r] += ordered - delivered;
      firms.demandByBloc[f * B + regions.bloc[r]] += ordered / params.strategyPeriodWeeks;
    }
  }
}

/** Firms are paid for what their plants delivered; a firm's shortfall is its lost share of orders. */
function bookRevenueAndShortfall(world: World): void {
  const { firms, plants, ledger } = world;
  const B = plants.blocCount;
  for (let p = 0; p < plants.count; p++) {
    const revenue = plants.price[p] * plants.delivered[p];
    firms.revenue[plants.firm[p]] += revenue;
    firms.cash[plants.firm[p]] += revenue;
    ledger.consumerSpending += revenue;
  }
  for (let f = 0; f < firms.count; f++) {
    let orders = 0;
    let lost = 0;
    for (let b = 0; b < B; b++) {
      orders += plants.customerOrders[f * B + b];
      lost += plants.lostSales[f * B + b];
    }
    firms.shortfall[f] = orders > 0 ? lost / orders : 0;
  }
}
