import type { World } from '../../src/model/world.ts';

/**
 * Phase 3 — component pipelines advance: this week's slot lands in the plant's stock. Goods
 * still arriving at a closed plant go to the firm's home plant (or are written off if the firm
 * has exited).
 */
export function receiveComponents(world: World): void {
  const { plants, firms, ledger, tick } = world;
  const P = plants.count;
  const slot = (tick % world.geo.pipelineWeeks) * P;
  for (let p = 0; p < P; p++) {
    const arriving = plants.pipeline[slot + p];
    if (arriving === 0) continue;
    plants.pipeline[slot + p] = 0;
    if (plants.active[p]) {
      plants.componentStock[p] += arriving;
      continue;
    }
    const f = plants.firm[p];
    const home = f * plants.blocCount + firms.homeBloc[f];
    if (firms.alive[f] && plants.active[home]) plants.componentStock[home] += arriving;
    else ledger.componentsWrittenOff += arriving;
  }
}
