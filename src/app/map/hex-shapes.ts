import { project, UNITS_PER_DEGREE, type MapGeometry, type RegionShape } from './geometry.ts';

/** Hex size (centre to corner) in degrees, and how far a region reaches from its centre. */
const HEX_DEGREES = 2.2;
const REACH_DEGREES = 13;

export interface HexRegionInput {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
}

function hexRing(cx: number, cy: number, size: number): number[] {
  const ring: number[] = [];
  for (let k = 0; k < 6; k++) {
    const angle = (Math.PI / 180) * (60 * k - 30);
    ring.push(cx + size * Math.cos(angle), cy + size * Math.sin(angle));
  }
  return ring;
}

/**
 * Generated, stable region shapes for synthetic worlds (two-hubs): a hex grid, each hex given to
 * the nearest region centre within reach (Voronoi-like clusters). Deterministic: the same regions
 * always give the same shapes.
 */
export function hexGeometry(regions: HexRegionInput[]): MapGeometry {
  const size = HEX_DEGREES * UNITS_PER_DEGREE;
  const dx = Math.sqrt(3) * size;
  const dy = 1.5 * size;
  const centres = regions.map((r) => project(r.longitude, r.latitude));
  const reach = REACH_DEGREES * UNITS_PER_DEGREE;
  const xs = centres.map((c) => c[0]);
  const ys = centres.map((c) => c[1]);
  const [minX, maxX] = [Math.min(...xs) - reach, Math.max(...xs) + reach];
  const [minY, maxY] = [Math.min(...ys) - reach, Math.max(...ys) + reach];
  const shapes: RegionShape[] = regions.map((r, i) => ({ code: r.code, name: r.name, rings: [], anchor: centres[i], points: new Float32Array(0) }));
  const points: number[][] = regions.map(() => []);
  for (let row = 0; minY + row * dy <= maxY; row++) {
    const y = minY + row * dy;
    for (let col = 0; minX + col * dx <= maxX; col++) {
      const x = minX + col * dx + (row % 2 ? dx / 2 : 0);
      let best = -1;
      let bestDistance = reach;
      centres.forEach(([cx, cy], i) => {
        const d = Math.hypot(x - cx, y - cy);
        if (d < bestDistance) [best, bestDistance] = [i, d];
      });
      if (best < 0) continue;
      shapes[best].rings.push(hexRing(x, y, size * 0.98));
      for (let k = 0; k < 7; k++) {
        const a = (k / 7) * Math.PI * 2;
        const rr = k === 0 ? 0 : size * 0.55;
        points[best].push(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
    }
  }
  shapes.forEach((s, i) => (s.points = Float32Array.from(points[i])));
  return { width: 360 * UNITS_PER_DEGREE, height: 180 * UNITS_PER_DEGREE, regions: shapes };
}
