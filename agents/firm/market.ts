import type { World } from '../../src/model/world.ts';
import { canShip, currentFreight, tariffRate } from '../../src/model/geography.ts';
import { exp } from '../../src/sim/math.ts';
import { incomeDemandFactor } from '../../src/model/income-demand.ts';
import { canDeliver, dispatch, fillFromHubs, orderHubStock, outboundWeeks, shipToHubs, usesHub } from './last-mile.ts';

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

/** The availability firm f's customers in r see: its hub's where it serves r from one (§9.5), else its plant's. */
function availabilityFor(world: World, f: number, p: number, r: number): number {
  const { firms, plants, regions } = world;
  return usesHub(world, f, r) ? firms.hubAvailability[f * plants.blocCount + regions.bloc[r]] : plants.availability[p];
}

/**
 * Logit shares of market `r` among the firms that can deliver there this week (direct or from a hub, §9.5):
 * U = −β_p · delivered price / mean + β_a · availability + β_τ · τF · presence + β_l · local content.
 * Writes `scratch.marketShare[f × R + r]`; returns false when no firm can deliver.
 */
export function computeMarketShares(world: World, r: number): boolean {
  const { firms, plants, regions, params, scratch, communityRegions } = world;
  const R = regions.count;
  let priceSum = 0;
  let deliverable = 0;
  for (let f = 0; f < firms.count; f++) {
    const p = scratch.servingPlant[f * R + r];
    scratch.marketShare[f * R + r] = 0;
    if (p < 0 || !canDeliver(world, f, p, r)) continue;
    priceSum += deliveredPrice(world, p, r);
    deliverable++;
  }
  if (deliverable === 0) return false;
  const meanPrice = priceSum / deliverable;
  let maxUtility = -Infinity;
  for (let f = 0; f < firms.count; f++) {
    const p = scratch.servingPlant[f * R + r];
    if (p < 0 || !canDeliver(world, f, p, r)) continue;
    const localContent = plants.bloc[p] === regions.bloc[r] ? plants.blocContent[p] : 0;
    const utility =
      -params.priceWeight * (meanPrice > 0 ? deliveredPrice(world, p, r) / meanPrice : 1) +
      params.availabilityWeight * availabilityFor(world, f, p, r) +
      params.trustWeight * communityRegions.trustFirms[r] * presence(world, f, r) +
      params.localContentWeight * localContent;
    scratch.marketShare[f * R + r] = utility;
    if (utility > maxUtility) maxUtility = utility;
  }
  let total = 0;
  for (let f = 0; f < firms.count; f++) {
    const p = scratch.servingPlant[f * R + r];
    if (p < 0 || !canDeliver(world, f, p, r)) continue;
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
 * Phase 4 (final goods) — demand is split among firms and served from finished stock: a firm's
 * distribution hub serves its bloc and passes what it cannot fill to the plant; plants fill direct
 * orders by one fraction, then restock their hubs; what neither fills is lost (§3, §9.5). Goods
 * leave stock now and reach customers after their outbound lead time (§9.5, replacing departure 7).
 */
export function serveFinalDemand(world: World): void {
  advanceDemandNoise(world);
  assignServingPlants(world);
  collectCustomerOrders(world);
  fillFromHubs(world);
  passHubShortfallToPlants(world);
  orderHubStock(world);
  fillFromStock(world);
  shipToHubs(world);
  recordDeliveries(world);
  bookRevenueAndShortfall(world);
}

/** Each region's final demand is split among firms by market share and sent to each firm's hub in the bloc, or its serving plant. */
function collectCustomerOrders(world: World): void {
  const { firms, plants, regions, scratch, finalMarket } = world;
  const R = regions.count;
  const B = plants.blocCount;
  plants.customerOrders.fill(0);
  firms.hubOrders.fill(0);
  scratch.plantFinalDemand.fill(0);
  finalMarket.finalDemand.fill(0);
  finalMarket.finalDelivered.fill(0);
  finalMarket.finalLost.fill(0);
  finalMarket.finalViaHub.fill(0);
  finalMarket.finalDeliveryUnitWeeks.fill(0);
  for (let r = 0; r < R; r++) {
    const demand = regionalFinalDemand(world, r);
    finalMarket.finalDemand[r] = demand;
    if (!computeMarketShares(world, r)) {
      finalMarket.finalLost[r] = demand;
      continue;
    }
    for (let f = 0; f < firms.count; f++) {
      const share = scratch.marketShare[f * R + r];
      if (share <= 0) continue;
      scratch.plantFinalDemand[scratch.servingPlant[f * R + r]] += share * demand;
      if (usesHub(world, f, r)) firms.hubOrders[f * B + regions.bloc[r]] += share * demand;
      else plants.customerOrders[scratch.servingPlant[f * R + r]] += share * demand;
    }
  }
}

/** What a hub cannot fill goes to the firm's serving plant, which ships it direct where it can. */
function passHubShortfallToPlants(world: World): void {
  const { firms, plants, regions, scratch, finalMarket } = world;
  const R = regions.count;
  const B = plants.blocCount;
  for (let r = 0; r < R; r++) {
    for (let f = 0; f < firms.count; f++) {
      const share = scratch.marketShare[f * R + r];
      if (share <= 0 || !usesHub(world, f, r)) continue;
      const p = scratch.servingPlant[f * R + r];
      if (!canShip(regions, plants.region[p], r)) continue;
      plants.customerOrders[p] += (1 - scratch.hubFill[f * B + regions.bloc[r]]) * share * finalMarket.finalDemand[r];
    }
  }
}

/**
 * Each plant fills its direct customers by one fraction of their orders from finished stock, then
 * its firm's hubs from what is left (a plant does not turn paying customers away to stock its own
 * warehouse); its availability follows its customers' fill.
 */
function fillFromStock(world: World): void {
  const { plants, scratch, params } = world;
  for (let p = 0; p < plants.count; p++) {
    const customers = plants.customerOrders[p];
    const fill = customers > 0 ? Math.min(1, plants.finishedStock[p] / customers) : 1;
    const left = Math.max(0, plants.finishedStock[p] - fill * customers);
    const restock = plants.replenishmentOrders[p];
    const restockFill = restock > 0 ? Math.min(1, left / restock) : 1;
    plants.delivered[p] = fill * customers + restockFill * restock;
    plants.lostSales[p] = customers - fill * customers;
    plants.finishedStock[p] = Math.max(0, left - restockFill * restock);
    plants.availability[p] += params.availabilityMemoryRate * (fill - plants.availability[p]);
    scratch.plantFill[p] = fill;
    scratch.replenishmentFill[p] = restockFill;
  }
}

/**
 * Per firm and market: what its hub and its plant deliver leaves for the customers (§9.5), is paid at
 * the serving plant's price, and counts in the region's delivered and lost goods; each firm's demand
 * by bloc (an average over a strategy period); each hub's availability follows its bloc's fill.
 */
function recordDeliveries(world: World): void {
  const { firms, plants, regions, scratch, params, finalMarket } = world;
  const R = regions.count;
  const B = plants.blocCount;
  for (let f = 0; f < firms.count; f++) {
    firms.revenue[f] = 0;
    scratch.firmOrders[f] = 0;
    scratch.firmLost[f] = 0;
    for (let b = 0; b < B; b++) firms.demandByBloc[f * B + b] *= 1 - 1 / params.strategyPeriodWeeks;
  }
  for (let r = 0; r < R; r++) {
    for (let f = 0; f < firms.count; f++) {
      const share = scratch.marketShare[f * R + r];
      if (share <= 0) continue;
      const p = scratch.servingPlant[f * R + r];
      const ordered = share * finalMarket.finalDemand[r];
      const viaHub = usesHub(world, f, r) ? scratch.hubFill[f * B + regions.bloc[r]] * ordered : 0;
      const directOrdered = usesHub(world, f, r) && !canShip(regions, plants.region[p], r) ? 0 : ordered - viaHub;
      const direct = scratch.plantFill[p] * directOrdered;
      dispatch(world, f, r, viaHub, params.lastMileDeliveryWeeks, true);
      dispatch(world, f, r, direct, outboundWeeks(world, plants.region[p], r), false);
      firms.revenue[f] += plants.price[p] * (viaHub + direct);
      finalMarket.finalDelivered[r] += viaHub + direct;
      finalMarket.finalLost[r] += ordered - viaHub - direct;
      scratch.firmOrders[f] += ordered;
      scratch.firmLost[f] += ordered - viaHub - direct;
      firms.demandByBloc[f * B + regions.bloc[r]] += ordered / params.strategyPeriodWeeks;
    }
  }
  for (let h = 0; h < firms.hubStock.length; h++) {
    if (!firms.distributionHub[h]) continue;
    const supplier = scratch.hubSupplier[h];
    const fill = scratch.hubFill[h] + (1 - scratch.hubFill[h]) * (supplier >= 0 ? scratch.plantFill[supplier] : 0);
    firms.hubAvailability[h] += params.availabilityMemoryRate * (fill - firms.hubAvailability[h]);
  }
}

/** Firms are paid for what they delivered; a firm's shortfall is its lost share of its customers' orders. */
function bookRevenueAndShortfall(world: World): void {
  const { firms, ledger, scratch } = world;
  for (let f = 0; f < firms.count; f++) {
    firms.cash[f] += firms.revenue[f];
    ledger.consumerSpending += firms.revenue[f];
    firms.shortfall[f] = scratch.firmOrders[f] > 0 ? scratch.firmLost[f] / scratch.firmOrders[f] : 0;
  }
}
