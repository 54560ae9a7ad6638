import type { World } from '../../src/model/world.ts';

/**
 * Phase 6 — plants assemble to stock (§3): min(capacity × the assembly tier's shock factor (§9.3),
 * components on hand, what brings finished stock up to next week's forecast plus cover).
 */
export function assembleAtPlants(world: World): void {
  const { plants, regions, params, ledger } = world;
  for (let p = 0; p < plants.count; p++) {
    plants.production[p] = 0;
    plants.employment[p] = 0;
    if (!plants.active[p]) continue;
    const region = plants.region[p];
    const wanted = Math.max(0, (params.inventoryCoverWeeks + 1) * plants.forecast[p] - plants.finishedStock[p]);
    const output = Math.min(plants.capacity[p] * regions.assemblyCapacityFactor[region], plants.componentStock[p], wanted);
    if (output <= 0) continue;
    plants.componentStock[p] -= output;
    plants.finishedStock[p] += output;
    plants.production[p] = output;
    plants.employment[p] = (output * params.labourPerAssembly) / regions.productivity[region];
    ledger.componentsUsed += output;
    ledger.finalProduced += output;
  }
}
