import type { World } from '../../src/model/world.ts';
import { receiveImportedInputs } from './importers.ts';

/** Phase 3 — raw-input pipelines advance: this week's slot lands in each SME's raw stock, and in each region's importer's stock (§9.2). */
export function receiveRawInputs(world: World): void {
  const { smes, tick } = world;
  const slots = smes.pipelineWeeks;
  const pipeline = smes.rawPipeline;
  const stock = smes.rawStock;
  for (let i = 0, k = tick % slots; i < smes.count; i++, k += slots) {
    const arriving = pipeline[k];
    if (arriving !== 0) {
      stock[i] += arriving;
      pipeline[k] = 0;
    }
  }
  receiveImportedInputs(world);
}
