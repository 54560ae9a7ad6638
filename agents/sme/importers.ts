import type { World } from '../../src/model/world.ts';
import { canShip, currentLeadTime } from '../../src/model/geography.ts';
import { dispatchHubRaw } from './sourcing.ts';
import { stermanOrder, updateForecast } from '../firm/index.ts';

/**
 * MODEL.md §9.2 — each region's importer of SMEs' local-market inputs. The region's SMEs buy their
 * imported inputs through it (one importer a region rather than a stock and pipeline per SME: SMEs
 * are the numerous agents). It holds them in inventory and orders them from hub suppliers with the
 * Sterman rule (§7.2), with the hubs it chose at the start by landed cost as tier-1 buyers choose
 * (long-standing supplier relations, for which hub capacity was sized), shifting away from hubs that
 * do not deliver, as every buyer's orders do (§2); it sells them
 * at its landed cost as SMEs use them, so it earns nothing and its cash is trade credit.
 */

/** Phase 3 — this week's slot of each importer's pipeline lands in its stock. */
export function receiveImportedInputs(world: World): void {
  const { regions, tick, geo, importers } = world;
  const R = regions.count;
  const offset = (tick % geo.pipelineWeeks) * R;
  for (let r = 0; r < R; r++) {
    const arriving = importers.pipeline[offset + r];
    if (arriving === 0) continue;
    importers.stock[r] += arriving;
    importers.pipeline[offset + r] = 0;
  }
}

/** Phase 4 — the SME side's demand region r's imported inputs allow this week ($): all of it unless the importer's stock binds (Leontief). */
export function servableDemand(world: World, r: number, perSale: number): number {
  const demand = world.regions.localSmeDemand[r];
  return perSale > 0 ? Math.min(demand, world.importers.stock[r] / perSale) : demand;
}

/** Phase 4 — SME i takes `units` of imported inputs from its region's importer's stock into its local sales. */
export function takeImportedInputs(world: World, i: number, units: number): void {
  const { importers } = world;
  const r = world.smes.region[i];
  const taken = Math.min(units, importers.stock[r]);
  if (!(taken > 0)) return;
  importers.stock[r] -= taken;
  world.ledger.localInputsUsed += taken;
}

/** Phase 7 — SME i pays its importer's landed cost for the imported inputs its local sales used this week. */
export function payImporter(world: World, i: number, units: number): void {
  const { smes, importers } = world;
  const payment = units * importers.cost[smes.region[i]];
  if (!(payment > 0)) return;
  importers.cash[smes.region[i]] += payment;
  smes.cash[i] -= payment;
  smes.spend[i] += payment;
}

/**
 * Phase 5 — each importer forecasts its SMEs' imported input needs (`scratch.regionImportNeed`,
 * summed by the SME ordering pass) and orders by anchoring and adjustment (§7.2), its supply line
 * being its pipeline and what hubs owe it; the order goes to hubs by the tier-1 spread.
 */
export function orderImportedInputs(world: World): void {
  const { regions, hubs, params, geo, scratch, importers } = world;
  const R = regions.count;
  const H = hubs.count;
  const weights = new Float64Array(H);
  for (let r = 0; r < R; r++) {
    if (!(regions.importedInputShare[r] > 0) || H === 0) continue;
    importers.forecast[r] = updateForecast(importers.forecast[r], scratch.regionImportNeed[r], params.forecastSmoothing);
    if (!currentHubWeights(world, r, weights)) continue;
    let supplyLine = 0;
    for (let s = 0; s < geo.pipelineWeeks; s++) supplyLine += importers.pipeline[s * R + r];
    let lead = 0;
    for (let j = 0; j < H; j++) {
      supplyLine += importers.owed[r * H + j];
      if (weights[j] > 0) lead += weights[j] * currentLeadTime(geo, regions, hubs.region[j], r);
    }
    const order = stermanOrder(
      importers.forecast[r],
      importers.stock[r],
      supplyLine,
      lead,
      params.inventoryCoverWeeks,
      params.stockAdjustment,
      params.supplyLineWeight,
    );
    for (let j = 0; j < H; j++) if (weights[j] > 0) importers.owed[r * H + j] += order * weights[j];
  }
}

/**
 * Region r's importer's hub weights this week: its hub shares × its record of each hub's
 * deliveries, for the hubs that can ship to it, renormalised. False (weights all 0) when none can.
 */
export function currentHubWeights(world: World, r: number, weights: Float64Array): boolean {
  const { regions, hubs, importers } = world;
  const H = weights.length;
  let total = 0;
  for (let j = 0; j < H; j++) {
    const open = canShip(regions, hubs.region[j], r) ? 1 : 0;
    weights[j] = open * importers.hubShare[r * H + j] * importers.reliability[r * H + j];
    total += weights[j];
  }
  for (let j = 0; j < H; j++) weights[j] = total > 0 ? weights[j] / total : 0;
  return total > 0;
}

/** Phase 6 — adds what hubs owe importers to the hubs' SME raw backlog (`scratch.hubRawOwed`, and the part they can ship this week). */
export function addImporterBacklogs(world: World): void {
  const { regions, hubs, scratch, importers } = world;
  const H = hubs.count;
  for (let r = 0; r < regions.count; r++) {
    for (let j = 0; j < H; j++) {
      const owed = importers.owed[r * H + j];
      if (!(owed > 0)) continue;
      scratch.hubRawOwed[j] += owed;
      if (canShip(regions, hubs.region[j], r)) scratch.hubRawDeliverable[j] += owed;
    }
  }
}

/**
 * Phase 7 — each hub ships its published raw fill of what it owes each importer into the importer's
 * pipeline (arriving after the lead time); the importer pays price, freight and tariff on dispatch,
 * its landed cost per unit follows (at `smeRawCostMemoryRate`), and its record of each hub that
 * owed it something follows the hub's fill (at `reorderShiftRate`; 0 when the hub cannot ship),
 * and its availability moves toward the share of its hubs that can ship to it.
 */
export function shipImportedInputs(world: World): void {
  const { regions, hubs, geo, params, tick, importers } = world;
  const R = regions.count;
  const H = hubs.count;
  for (let r = 0; r < R; r++) {
    if (!(regions.importedInputShare[r] > 0)) continue;
    let bought = 0;
    let paid = 0;
    let reachable = 0;
    for (let j = 0; j < H; j++) {
      const owed = importers.owed[r * H + j];
      const origin = hubs.region[j];
      const open = canShip(regions, origin, r);
      if (open) reachable += importers.hubShare[r * H + j];
      if (!(owed > 0)) continue;
      const fill = open ? hubs.rawFill[j] : 0;
      importers.reliability[r * H + j] += params.reorderShiftRate * (fill - importers.reliability[r * H + j]);
      const shipped = fill * owed;
      if (!(shipped > 0)) continue;
      importers.owed[r * H + j] = owed - shipped;
      const lead = currentLeadTime(geo, regions, origin, r);
      importers.pipeline[((tick + lead) % geo.pipelineWeeks) * R + r] += shipped;
      bought += shipped;
      paid += dispatchHubRaw(world, j, r, shipped);
    }
    // Its availability moves toward the share of its hubs that can ship to it by at most
    // reorderShiftRate a week: a lockdown's partial fills are Leontief shortages, but where imports
    // cannot come at all (a closed border) SMEs turn to domestic inputs, all of them after
    // 1 / rate weeks (a linear shift: a geometric one would never reach all-domestic inputs).
    const step = Math.max(-params.reorderShiftRate, Math.min(params.reorderShiftRate, reachable - importers.availability[r]));
    importers.availability[r] += step;
    if (bought > 0) {
      importers.cash[r] -= paid;
      importers.cost[r] += params.smeRawCostMemoryRate * (paid / bought - importers.cost[r]);
    }
  }
}
