import type { InitStream } from '../../src/sim/rng/init-stream.ts';

/** Lowest start value of access or literacy (as in startingAccessLiteracy: never exactly 0). */
const FLOOR = 1e-6;

/**
 * Drawn start values of access and literacy for the n cells of a region (MODEL.md §9.6): each cell
 * departs from its region's value by a normal draw of sd `spread`, so seed intervals of community
 * indicators measure something. Three rules keep the region's data intact:
 * - the departures are demeaned, so the region's mean access and mean literacy are its values;
 * - access departures are made orthogonal to literacy departures (zero sample covariance), so
 *   the region's mean internet use, mean(a · l), is still a · l, the observed value;
 * - each vector is shrunk, never clipped, where a cell would leave [FLOOR, 1].
 * One cell (or spread 0) gets its region's values exactly. Writes into `access` and `literacy`.
 */
export function spreadStartValues(
  regionAccess: number,
  regionLiteracy: number,
  spread: number,
  stream: InitStream,
  access: Float64Array,
  literacy: Float64Array,
): void {
  const n = access.length;
  for (let k = 0; k < n; k++) {
    literacy[k] = spread * stream.normal();
    access[k] = spread * stream.normal();
  }
  demean(literacy);
  demean(access);
  removeProjection(access, literacy);
  shiftWithin(literacy, regionLiteracy);
  shiftWithin(access, regionAccess);
}

/** x ← x − mean(x). */
export function demean(x: Float64Array): void {
  let sum = 0;
  for (let k = 0; k < x.length; k++) sum += x[k];
  const mean = sum / Math.max(1, x.length);
  for (let k = 0; k < x.length; k++) x[k] -= mean;
}

/** x ← x − (x·y / y·y) y: x orthogonal to y (both demeaned, so their sample covariance is 0). */
export function removeProjection(x: Float64Array, y: Float64Array): void {
  let xy = 0;
  let yy = 0;
  for (let k = 0; k < x.length; k++) {
    xy += x[k] * y[k];
    yy += y[k] * y[k];
  }
  if (yy <= 0) return;
  const beta = xy / yy;
  for (let k = 0; k < x.length; k++) x[k] -= beta * y[k];
}

/**
 * Turns demeaned departures into values `center + s · departure`, with the largest s ≤ 1 that keeps
 * every value in [FLOOR, 1] (a region at a bound gets no spread toward it, and so none at all).
 */
export function shiftWithin(departures: Float64Array, center: number): void {
  let lowest = 0;
  let highest = 0;
  for (let k = 0; k < departures.length; k++) {
    if (departures[k] < lowest) lowest = departures[k];
    if (departures[k] > highest) highest = departures[k];
  }
  let s = 1;
  if (lowest < 0) s = Math.min(s, Math.max(0, center - FLOOR) / -lowest);
  if (highest > 0) s = Math.min(s, Math.max(0, 1 - center) / highest);
  for (let k = 0; k < departures.length; k++) departures[k] = center + s * departures[k];
}
