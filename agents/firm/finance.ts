import type { World } from '../../src/model/world.ts';
import { unitLabourCost } from '../../src/model/economy.ts';
import { LOCAL_SOURCING_SUBSIDY, paySubsidy } from '../policymaker/index.ts';
import { closePlant } from './strategy.ts';
import { closeHub } from './last-mile.ts';
import { plantOverheadFor, sourcingNodeFactor } from './costs.ts';
import { releaseSmesOfFirm } from '../sme/index.ts';
import { markBlocWatchedRegions, updatePerception } from './perception.ts';


/**
 * Phase 8 — lead firms' accounts (§3, §7.4): wages, coordination (per contract and per extra
 * sourcing region, cheaper with digital access), local-sourcing subsidies, profit tax. Unit cost
 * and the cost-plus price follow slowly. Risk perception and observed hazards are updated
 * (§7.1). A firm with negative cash for `firmExitWeeks` weeks exits.
 */
export function settleFirms(world: World): void {
  const { firms, plants } = world;
  const profit = firms.profit;
  for (let f = 0; f < firms.count; f++) profit[f] = firms.alive[f] ? firms.revenue[f] : 0;
  for (let p = 0; p < plants.count; p++) {
    plants.valueAdded[p] = 0;
    plants.sourcingRegions[p] = 0;
    if (!plants.active[p] && plants.inputSpend[p] === 0) continue;
    settlePlant(world, p);
  }
  markBlocWatchedRegions(world);
  for (let f = 0; f < firms.count; f++) {
    if (firms.alive[f]) reviewFirm(world, f);
  }
}

/** A plant's week: wages, coordination, subsidy and overhead to its firm's cash and profit; then its unit cost and price. */
function settlePlant(world: World, p: number): void {
  const { firms, plants, regions, params, economy, ledger } = world;
  const f = plants.firm[p];
  const region = plants.region[p];
  const wages = plants.employment[p] * regions.wage[region];
  const coordination =
    coordinationPerUnit(world, p) * plants.receivedTotal[p] +
    plants.smeContracts[p] * params.contractFixedCost * economy.referenceComponentPrice;
  const subsidy = paySubsidy(
    world,
    region,
    LOCAL_SOURCING_SUBSIDY,
    regions.localSourcingSubsidy[region] * economy.referenceComponentPrice * plants.receivedLocal[p],
  );
  const overhead = plants.active[p] ? plantOverheadFor(world, plants.capacityTarget[p]) : 0;
  firms.cash[f] += subsidy - wages - coordination - overhead;
  ledger.wages += wages;
  ledger.coordination += coordination;
  ledger.overheads += overhead;
  firms.profit[f] += subsidy - wages - coordination - overhead - plants.inputSpend[p];
  updateCostAndPrice(world, p, subsidy, coordination, overhead);
}

/**
 * Coordination cost per unit received (§7.1): grows with the regions the plant sourced from this
 * week (recorded in `sourcingRegions`) and falls with their digital access and with the smart
 * sourcing nodes among them (§9.5).
 */
function coordinationPerUnit(world: World, p: number): number {
  const { plants, regions, params, economy, scratch, communityRegions } = world;
  const R = regions.count;
  let sources = 0;
  let accessSum = 0;
  let nodeSum = 0;
  for (let r = 0; r < R; r++) {
    if (scratch.plantSourceRegion[p * R + r]) {
      sources++;
      accessSum += communityRegions.access[r];
      nodeSum += regions.sourcingNode[r];
    }
  }
  plants.sourcingRegions[p] = sources;
  const meanAccess = sources > 0 ? accessSum / sources : 0;
  const cost =
    params.coordinationCostPerRegion *
    economy.referenceFinalPrice *
    Math.max(0, sources - 1) *
    (1 - params.coordinationDigitalDiscount * meanAccess);
  return nodeSum > 0 ? cost * sourcingNodeFactor(params.sourcingNodeCoordinationCut, nodeSum / sources) : cost;
}

/** Component cost follows the landed cost slowly; unit cost adds assembly labour and overhead; price follows cost plus markup (§7.4). */
function updateCostAndPrice(world: World, p: number, subsidy: number, coordination: number, overhead: number): void {
  const { plants, regions, params } = world;
  const received = plants.receivedTotal[p];
  if (received > 0) {
    // Fixed costs are spread over the usual volume, so a thin week does not spike the unit cost.
    const volume = Math.max(received, params.unitCostVolumeFloor * plants.forecast[p]);
    const landed = (plants.inputSpend[p] - subsidy) / received + coordination / volume;
    plants.componentCost[p] += params.componentCostMemoryRate * (landed - plants.componentCost[p]);
  }
  plants.unitCost[p] =
    plants.componentCost[p] +
    params.labourPerAssembly * unitLabourCost(regions, plants.region[p]) +
    // Overhead per unit at the plant's normal volume (target capacity at target utilisation).
    (overhead > 0 ? overhead / (plants.capacityTarget[p] * params.plantUtilisationTarget) : 0);
  plants.price[p] += params.priceAdjustmentRate * (plants.unitCost[p] * (1 + params.markup) - plants.price[p]);
  plants.valueAdded[p] = plants.production[p] * Math.max(0, plants.price[p] - plants.componentCost[p]);
}

/** A living firm pays profit tax, updates its risk perception and forecast, and exits after `firmExitWeeks` weeks of negative cash. */
function reviewFirm(world: World, f: number): void {
  const { firms, plants, params, ledger } = world;
  const B = plants.blocCount;
  const tax = params.profitTaxRate * Math.max(0, firms.profit[f]);
  firms.cash[f] -= tax;
  ledger.profitTaxes += tax;
  firms.negativeCashWeeks[f] = firms.cash[f] < 0 ? firms.negativeCashWeeks[f] + 1 : 0;
  updatePerception(world, f);
  let forecast = 0;
  for (let b = 0; b < B; b++) forecast += plants.forecast[f * B + b];
  firms.demandForecast[f] = forecast;
  if (firms.negativeCashWeeks[f] >= params.firmExitWeeks) exitFirm(world, f);
}

/** A firm exits: plants close (stock is written off with the firm), contracts end, cash is written off. */
function exitFirm(world: World, f: number): void {
  const { firms, plants, ledger, plantHub, hubs } = world;
  const B = plants.blocCount;
  const home = f * B + firms.homeBloc[f];
  for (let b = 0; b < B; b++) if (firms.distributionHub[f * B + b]) closeHub(world, f * B + b);
  for (let b = 0; b < B; b++) {
    const p = f * B + b;
    if (p !== home && plants.active[p]) closePlant(world, p, home);
  }
  ledger.finalWrittenOff += plants.finishedStock[home];
  ledger.componentsWrittenOff += plants.componentStock[home];
  plants.finishedStock[home] = 0;
  plants.componentStock[home] = 0;
  for (let b = 0; b < B; b++) {
    const p = f * B + b;
    for (let j = 0; j < hubs.count; j++) plantHub.owed[p * hubs.count + j] = 0;
  }
  closePlant(world, home, home);
  releaseSmesOfFirm(world, f);
  ledger.exitWriteOffs += firms.cash[f];
  firms.cash[f] = 0;
  firms.alive[f] = 0;
}
