import type { World } from './world.ts';

/** Goods held anywhere in the world, by good: stocks plus everything in transit. */
export interface GoodsStocks {
  raw: number;
  components: number;
  final: number;
}

export function goodsStocks(world: World): GoodsStocks {
  const { hubs, smes, plants } = world;
  let raw = 0;
  for (let j = 0; j < hubs.count; j++) raw += hubs.rawStock[j];
  for (let i = 0; i < smes.count; i++) raw += smes.rawStock[i];
  const ring = smes.rawPipeline;
  for (let k = 0; k < smes.count * smes.pipelineWeeks; k++) raw += ring[k];
  // §9.2: regions' importers of SMEs' local-market inputs hold stock and a pipeline.
  for (let r = 0; r < world.regions.count; r++) raw += world.importers.stock[r];
  for (let k = 0; k < world.importers.pipeline.length; k++) raw += world.importers.pipeline[k];
  let components = 0;
  let final = 0;
  for (let p = 0; p < plants.count; p++) {
    components += plants.componentStock[p];
    final += plants.finishedStock[p];
  }
  for (let k = 0; k < plants.pipeline.length; k++) components += plants.pipeline[k];
  // Finished goods in distribution hubs, on their way to hubs and to customers (§9.5).
  const { firms } = world;
  for (let h = 0; h < firms.hubStock.length; h++) final += firms.hubStock[h];
  for (let k = 0; k < firms.hubInbound.length; k++) final += firms.hubInbound[k];
  for (let k = 0; k < firms.outbound.length; k++) final += firms.outbound[k];
  return { raw, components, final };
}

/** Cash held by every agent that holds money (lead firms, hub suppliers, SMEs, and regions' importers of SME inputs). */
export function moneyStock(world: World): number {
  const { firms, hubs, smes } = world;
  let total = 0;
  for (let f = 0; f < firms.count; f++) total += firms.cash[f];
  for (let j = 0; j < hubs.count; j++) total += hubs.cash[j];
  for (let i = 0; i < smes.count; i++) if (smes.alive[i]) total += smes.cash[i];
  for (let r = 0; r < world.regions.count; r++) total += world.importers.cash[r]; // §9.2 importers (trade credit)
  return total;
}

/** Every typed-array value that is NaN or infinite, as "store.field[index]" (at most `limit`). */
export function nonFiniteValues(world: World, limit = 10): string[] {
  const found: string[] = [];
  for (const storeName of ['regions', 'firms', 'plants', 'plantHub', 'hubs', 'smes', 'importers', 'cells', 'policy'] as const) {
    for (const [field, value] of Object.entries(world[storeName] as object)) {
      if (!(value instanceof Float64Array || value instanceof Float32Array)) continue;
      for (let i = 0; i < value.length; i++) {
        if (!Number.isFinite(value[i])) {
          found.push(`${storeName}.${field}[${i}] = ${value[i]}`);
          if (found.length >= limit) return found;
        }
      }
    }
  }
  return found;
}
