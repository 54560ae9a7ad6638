import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { canShip } from '../../src/model/geography.ts';
import { smeWorkerOutput } from './costs.ts';
import { addImporterBacklogs } from './importers.ts';

/**
 * Phase 6 — SMEs make components for their buyer: min(labour left after the local market ×
 * output per worker × the component tier's capacity factor (§9.3), raw stock, deliverable
 * backlog). The same pass totals what SMEs are owed by each hub and by each region's domestic
 * source and each region's recycled source, and (§9.2) what hubs owe importers, for the suppliers'
 * production.
 */
export function produceAtSmes(world: World): void {
  const { smes, plants, hubs, regions, params, ledger, scratch, smeRegions } = world;
  scratch.hubRawOwed.fill(0);
  scratch.hubRawDeliverable.fill(0);
  smeRegions.domesticRawOwed.fill(0);
  smeRegions.recycledRawOwed.fill(0);
  for (let i = 0; i < smes.count; i++) {
    smes.chainOutput[i] = 0;
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    const source = smes.rawSource[i];
    if (source >= 0 && smes.owedByHub[i] > 0) {
      scratch.hubRawOwed[source] += smes.owedByHub[i];
      if (canShip(regions, hubs.region[source], r)) scratch.hubRawDeliverable[source] += smes.owedByHub[i];
    }
    smeRegions.domesticRawOwed[r] += smes.owedByDomestic[i];
    smeRegions.recycledRawOwed[r] += smes.owedByRecycled[i];
    const p = smes.buyerPlant[i];
    if (p === NO_BUYER || smes.owedToBuyer[i] <= 0 || !canShip(regions, r, plants.region[p])) continue;
    const labour = Math.max(0, smes.employees[i] - smes.localLabour[i]);
    const capacity = ((labour * smeWorkerOutput(world, i)) / params.labourPerComponent) * regions.componentCapacityFactor[r];
    const output = Math.min(capacity, smes.rawStock[i], smes.owedToBuyer[i]);
    if (output <= 0) continue;
    smes.rawStock[i] -= output;
    smes.chainOutput[i] = output;
    ledger.rawUsed += output;
    ledger.componentsProduced += output;
  }
  addImporterBacklogs(world);
}
