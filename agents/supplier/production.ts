import type { World } from '../../src/model/world.ts';
import { canShip } from '../../src/model/geography.ts';

/**
 * Phase 6 — hub suppliers produce (§3): raw inputs first, for their own use and for the SMEs
 * that ordered from them (capacity × the raw-input tier's shock factor, shared in proportion),
 * then components from raw stock (capacity × the component tier's factor, §9.3), up to the
 * deliverable backlog plus the local-market orders of §9.4 (`scratch.hubLocalOrders`, placed by
 * the model's contested-market split; what it cannot fill is lost). Each publishes one fill fraction for components and one for raw inputs
 * (§7.3). Needs `scratch.hubRawDeliverable` from the SME pass.
 */
export function produceAtHubs(world: World): void {
  const { hubs, plantHub, plants, regions, params, ledger, scratch } = world;
  const H = hubs.count;
  for (let j = 0; j < H; j++) {
    const region = hubs.region[j];
    const rawFactor = regions.rawCapacityFactor[region];
    const componentFactor = regions.componentCapacityFactor[region];
    let owed = 0;
    let deliverable = 0;
    for (let p = 0; p < plantHub.plants; p++) {
      const amount = plantHub.owed[p * H + j];
      if (amount <= 0) continue;
      owed += amount;
      if (canShip(regions, region, plants.region[p])) deliverable += amount;
    }
    hubs.componentOwed[j] = owed;
    hubs.componentDeliverable[j] = deliverable;
    const rawExternal = scratch.hubRawDeliverable[j];
    const rawWanted = hubs.rawOrderInternal[j] + rawExternal;
    // One fill fraction for its own needs and its SME customers alike (proportional rationing).
    const rawFill = rawWanted > 0 ? Math.min(1, (hubs.rawCapacity[j] * rawFactor) / rawWanted) : 1;
    const internal = rawFill * hubs.rawOrderInternal[j];
    const external = rawFill * rawExternal;
    const rawOutput = internal + external;
    hubs.rawOutputInternal[j] = internal;
    hubs.rawOutputExternal[j] = external;
    hubs.rawFill[j] = rawFill;
    hubs.rawStock[j] += internal;
    // Plants' reachable backlog and this week's local-market orders (§9.4) share one fill fraction.
    const wanted = deliverable + scratch.hubLocalOrders[j];
    const components = Math.min(hubs.componentCapacity[j] * componentFactor, hubs.rawStock[j], wanted);
    hubs.rawStock[j] -= components;
    hubs.componentOutput[j] = components;
    hubs.componentFill[j] = wanted > 0 ? components / wanted : 1;
    hubs.localOutput[j] = hubs.componentFill[j] * scratch.hubLocalOrders[j];
    ledger.rawProduced += rawOutput;
    ledger.rawUsed += components;
    ledger.componentsProduced += components;
    ledger.componentsSoldLocally += hubs.localOutput[j];
    const utilisation = hubs.componentCapacity[j] > 0 ? components / hubs.componentCapacity[j] : 0;
    hubs.utilisation[j] += params.hubUtilisationMemoryRate * (utilisation - hubs.utilisation[j]);
    hubs.employment[j] = hubWorkers(world, j, rawOutput * params.labourPerRawUnit + components * params.labourPerComponent);
  }
}

/** Workers hub supplier j needs for this many worker-weeks at reference productivity (its labour factor, its region's productivity). */
export function hubWorkers(world: Pick<World, 'hubs' | 'regions' | 'params'>, j: number, workerWeeks: number): number {
  return (workerWeeks * world.params.hubLabourFactor) / world.regions.productivity[world.hubs.region[j]];
}

/** Phase 6 — the generic domestic raw source of each region delivers its raw-input capacity factor of what it owes. */
export function produceDomesticRaw(world: World): void {
  const { regions, params, ledger } = world;
  for (let r = 0; r < regions.count; r++) {
    const output = regions.domesticRawOwed[r] * regions.rawCapacityFactor[r];
    regions.domesticRawOutput[r] = output;
    regions.domesticRawEmployment[r] = (output * params.labourPerRawUnit) / regions.productivity[r];
    ledger.rawProduced += output;
  }
}
