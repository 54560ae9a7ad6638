import type { Params } from './params/registry.ts';
import type { RegionStore } from './regions.ts';
import { asin, cos, sin } from '../sim/math.ts';
import { LeadTimeLimitError, MAX_LEAD_TIME_WEEKS, baseLeadTime, pipelineWeeksFor, shockedLeadTime } from './lead-times.ts';

const EARTH_RADIUS_KM = 6371;
/**
 * The smallest pipeline ring (weeks). A world's rings (`Geography.pipelineWeeks`) are sized from
 * the longest lead time its scenario can produce, never less than this (src/model/lead-times.ts).
 */
export const PIPELINE_WEEKS = 8;

/** Pairwise distances and base costs between regions (R × R, row = origin). */
export interface Geography {
  regionCount: number;
  distanceKm: Float64Array;
  /** Base lead time in weeks, before logistics shocks. */
  leadTimeWeeks: Uint8Array;
  /** Freight per unit, $, before logistics shocks. */
  freightPerUnit: Float64Array;
  /** Weekly slots of every pipeline ring: more than the longest lead time the scenario can produce. */
  pipelineWeeks: number;
}

export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const sinLat = sin(dLat / 2);
  const sinLon = sin(dLon / 2);
  const h = sinLat * sinLat + cos(lat1 * toRad) * cos(lat2 * toRad) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_KM * asin(Math.min(1, Math.sqrt(h)));
}

/** Lead time L = handlingWeeks + ceil(km / shipKmPerWeek), at least 1 week (never clipped). */
export function leadTimeFor(km: number, params: Pick<Params, 'handlingWeeks' | 'shipKmPerWeek'>): number {
  return baseLeadTime(km, params);
}

/**
 * Distances, base lead times and freight; the pipeline rings hold the longest lead time that
 * `leadTimeMultiplier` (the scenario's largest) can produce, or the world is refused.
 */
export function buildGeography(regions: RegionStore, params: Params, leadTimeMultiplier = 1): Geography {
  const n = regions.count;
  const distanceKm = new Float64Array(n * n);
  const leadTimeWeeks = new Uint8Array(n * n);
  const freightPerUnit = new Float64Array(n * n);
  let longest = { weeks: 1, from: 0, to: 0 };
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const km =
        a === b ? 0 : greatCircleKm(regions.latitude[a], regions.longitude[a], regions.latitude[b], regions.longitude[b]);
      distanceKm[a * n + b] = km;
      leadTimeWeeks[a * n + b] = leadTimeFor(km, params);
      if (leadTimeWeeks[a * n + b] > longest.weeks) longest = { weeks: leadTimeWeeks[a * n + b], from: a, to: b };
      const landlocked = regions.landlocked[a] || regions.landlocked[b] ? params.landlockedFreightFactor : 1;
      freightPerUnit[a * n + b] = a === b ? 0 : params.freightPerUnitKm * km * landlocked;
    }
  }
  const weeks = shockedLeadTime(longest.weeks, leadTimeMultiplier);
  if (weeks > MAX_LEAD_TIME_WEEKS) {
    throw new LeadTimeLimitError({ weeks: longest.weeks, from: regions.codes[longest.from], to: regions.codes[longest.to] }, weeks);
  }
  return { regionCount: n, distanceKm, leadTimeWeeks, freightPerUnit, pipelineWeeks: pipelineWeeksFor(weeks) };
}

/** Current lead time from origin to destination, with both ends' logistics multipliers. */
export function currentLeadTime(geo: Geography, regions: RegionStore, origin: number, destination: number): number {
  const base = geo.leadTimeWeeks[origin * geo.regionCount + destination];
  const multiplier = Math.max(regions.leadTimeMultiplier[origin], regions.leadTimeMultiplier[destination]);
  return shockedLeadTime(base, multiplier);
}

/** Current freight per unit from origin to destination. */
export function currentFreight(geo: Geography, regions: RegionStore, origin: number, destination: number): number {
  const base = geo.freightPerUnit[origin * geo.regionCount + destination];
  if (base === 0) return 0;
  return base * Math.max(regions.freightMultiplier[origin], regions.freightMultiplier[destination]);
}

/** Whether goods can move from origin to destination this week (a closed border blocks both ways). */
export function canShip(regions: RegionStore, origin: number, destination: number): boolean {
  return origin === destination || (regions.borderOpen[origin] === 1 && regions.borderOpen[destination] === 1);
}

/** Import tariff rate the destination charges on goods from the origin (other blocs only). */
export function tariffRate(regions: RegionStore, origin: number, destination: number): number {
  return regions.bloc[origin] === regions.bloc[destination] ? 0 : regions.tariff[destination];
}

/** For each region, the indices of its `k` nearest other regions by great-circle distance. */
export function nearestRegions(points: readonly { latitude: number; longitude: number }[], k: number): number[][] {
  return points.map((a, i) => {
    const others = points
      .map((b, j) => ({ j, km: i === j ? Infinity : greatCircleKm(a.latitude, a.longitude, b.latitude, b.longitude) }))
      .filter((x) => x.j !== i)
      .sort((x, y) => x.km - y.km || x.j - y.j);
    return others.slice(0, k).map((x) => x.j);
  });
}
