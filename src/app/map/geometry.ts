/** A region's shape on the map, in map units (equirectangular: x = lon + 180, y = 90 − lat, × scale). */
export interface RegionShape {
  code: string;
  name: string;
  /** Closed rings as flat [x0, y0, x1, y1, …] arrays. */
  rings: number[][];
  /** Where labels and hub/plant markers go. */
  anchor: [number, number];
  /** Candidate particle positions inside the shape (flat x, y pairs), in a fixed order. */
  points: Float32Array;
}

export interface MapGeometry {
  width: number;
  height: number;
  regions: RegionShape[];
}

/** Map units per degree. */
export const UNITS_PER_DEGREE = 6;

export function project(longitude: number, latitude: number): [number, number] {
  return [(longitude + 180) * UNITS_PER_DEGREE, (90 - latitude) * UNITS_PER_DEGREE];
}

/** A small stable hash (integer → [0, 1)), for placing particles the same way every frame and run. */
export function hash01(n: number, salt = 0): number {
  let h = (n * 0x9e3779b1 + salt * 0x85ebca6b) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
