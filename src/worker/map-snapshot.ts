import type { World } from '../model/world.ts';
import { NO_BUYER } from '../../agents/sme/schema.ts';

/** Choropleth layers, in the order of `MapSnapshot.layers` (region-major blocks of R values). */
export const MAP_LAYERS = [
  'access',
  'literacy',
  'usage',
  'trustFirms',
  'trustGovernment',
  'smeCapability',
  'smeAdoption',
  'employment',
  'localSourcing',
] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** SME state bits in `MapSnapshot.smeState`. */
export const SME_ALIVE = 1;
export const SME_DIGITAL = 2;
export const SME_IN_CHAIN = 4;

/** At most this many community cells go into a snapshot (every k-th cell, stable). */
export const MAX_CELLS_DRAWN = 4000;

/**
 * Everything the map draws, as typed arrays (transferred, never copied per frame): per-region
 * layers and shock state, agents by kind, and supply flows between regions this week.
 */
export interface MapSnapshot {
  week: number;
  regionCount: number;
  /** MAP_LAYERS.length × regionCount values in [0, 1] (NaN where undefined, e.g. no SMEs). */
  layers: Float32Array;
  lockedDown: Uint8Array;
  borderOpen: Uint8Array;
  plantRegion: Uint16Array;
  plantActive: Uint8Array;
  plantCapacity: Float32Array;
  hubRegion: Uint16Array;
  hubOutput: Float32Array;
  /** Per SME slot (id): region and SME_* bits. */
  smeRegion: Uint16Array;
  smeState: Uint8Array;
  /** Sampled cells: every `cellStride`-th cell id, its region and access. */
  cellStride: number;
  cellRegion: Uint16Array;
  cellAccess: Float32Array;
  /** Flows of components between regions this week: (from, to, units) triples. */
  flows: Float32Array;
}

function regionLayers(world: World): Float32Array {
  const { regions, plants, communityRegions, smeRegions } = world;
  const R = regions.count;
  const layers = new Float32Array(MAP_LAYERS.length * R);
  const received = new Float64Array(R);
  const local = new Float64Array(R);
  for (let p = 0; p < plants.count; p++) {
    received[plants.region[p]] += plants.receivedTotal[p];
    local[plants.region[p]] += plants.receivedLocal[p];
  }
  for (let r = 0; r < R; r++) {
    const smes = smeRegions.smeCount[r];
    const values = [
      communityRegions.access[r],
      communityRegions.literacy[r],
      communityRegions.access[r] * communityRegions.literacy[r],
      communityRegions.trustFirms[r],
      communityRegions.trustGovernment[r],
      smes > 0 ? smeRegions.smeCapabilitySum[r] / smes : NaN,
      smes > 0 ? smeRegions.smeAdopted[r] / smes : NaN,
      1 - communityRegions.unemployment[r],
      received[r] > 0 ? local[r] / received[r] : NaN,
    ];
    for (let k = 0; k < values.length; k++) layers[k * R + r] = values[k];
  }
  return layers;
}

/** Component flows hub → plant (orders placed) and SME → plant (contract capacity), by region pair. */
function regionFlows(world: World): Float32Array {
  const { regions, plants, hubs, plantHub, smes } = world;
  const R = regions.count;
  const volume = new Float64Array(R * R);
  for (let p = 0; p < plantHub.plants; p++) {
    for (let h = 0; h < plantHub.hubs; h++) {
      const units = plantHub.ordered[p * plantHub.hubs + h];
      if (units > 0) volume[hubs.region[h] * R + plants.region[p]] += units;
    }
  }
  for (let i = 0; i < smes.count; i++) {
    const buyer = smes.buyerPlant[i];
    if (!smes.alive[i] || buyer === NO_BUYER) continue;
    volume[smes.region[i] * R + plants.region[buyer]] += smes.contractCapacity[i];
  }
  const triples: number[] = [];
  for (let k = 0; k < volume.length; k++) {
    const from = Math.floor(k / R);
    const to = k % R;
    if (volume[k] > 0 && from !== to) triples.push(from, to, volume[k]);
  }
  return Float32Array.from(triples);
}

export function mapSnapshot(world: World): MapSnapshot {
  const { regions, plants, hubs, smes, cells } = world;
  const smeState = new Uint8Array(smes.count);
  for (let i = 0; i < smes.count; i++) {
    smeState[i] = (smes.alive[i] ? SME_ALIVE : 0) | (smes.digital[i] ? SME_DIGITAL : 0) | (smes.buyerPlant[i] !== NO_BUYER ? SME_IN_CHAIN : 0);
  }
  const cellStride = Math.max(1, Math.ceil(cells.count / MAX_CELLS_DRAWN));
  const drawn = Math.ceil(cells.count / cellStride);
  const cellRegion = new Uint16Array(drawn);
  const cellAccess = new Float32Array(drawn);
  for (let k = 0; k < drawn; k++) {
    cellRegion[k] = cells.region[k * cellStride];
    cellAccess[k] = cells.access[k * cellStride];
  }
  return {
    week: world.tick - world.params.warmupWeeks,
    regionCount: regions.count,
    layers: regionLayers(world),
    lockedDown: regions.lockedDown.slice(),
    borderOpen: regions.borderOpen.slice(),
    plantRegion: plants.region.slice(0, plants.count),
    plantActive: plants.active.slice(0, plants.count),
    plantCapacity: Float32Array.from(plants.capacity.subarray(0, plants.count)),
    hubRegion: hubs.region.slice(0, hubs.count),
    hubOutput: Float32Array.from(hubs.componentOutput.subarray(0, hubs.count)),
    smeRegion: smes.region.slice(0, smes.count),
    smeState,
    cellStride,
    cellRegion,
    cellAccess,
    flows: regionFlows(world),
  };
}

/** The buffers of a snapshot, for comlink's transfer list. */
export function snapshotBuffers(s: MapSnapshot): ArrayBuffer[] {
  return [s.layers, s.lockedDown, s.borderOpen, s.plantRegion, s.plantActive, s.plantCapacity, s.hubRegion, s.hubOutput, s.smeRegion, s.smeState, s.cellRegion, s.cellAccess, s.flows].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
