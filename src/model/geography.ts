import type { Params } from './params/registry.ts';
import type { RegionStore } from './regions.ts';

const EARTH_RADIUS_KM = 6371;
/** Pipelines are rings of this many weeks; lead times are capped one below (documented in ODD). */
export const PIPELINE_WEEKS = 8;
export const MAX_LEAD_TIME = PIPELINE_WEEKS - 1;

/** Pairwise distances and base costs between regions (R × R, row = origin). */
export interface Geography {
  regionCount: number;
  distanceKm: Float64Array;
  /** Base lead time in weeks, before logistics shocks. */
  leadTimeWeeks: Uint8Array;
  /** Freight per unit, $, before logistics shocks. */
  freightPerUnit: Float64Array;
}

export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Lead time L = handlingWeeks + ceil(km / shipKmPerWeek), at least 1 week, capped at the ring. */
export function leadTimeFor(km: number, params: Pick<Params, 'handlingWeeks' | 'shipKmPerWeek'>): number {
  const weeks = params.handlingWeeks + Math.ceil(km / params.shipKmPerWeek);
  return Math.max(1, Math.min(MAX_LEAD_TIME, weeks));
}

export function buildGeography(regions: RegionStore, params: Params): Geography {
  const n = regions.count;
  const distanceKm = new Float64Array(n * n);
  const leadTimeWeeks = new Uint8Array(n * n);
  const freightPerUnit = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const km =
        a === b ? 0 : greatCircleKm(regions.latitude[a], regions.longitude[a], regions.latitude[b], regions.longitude[b]);
      distanceKm[a * n + b] = km;
      leadTimeWeeks[a * n + b] = leadTimeFor(km, params);
      const landlocked = regions.landlocked[a] || regions.landlocked[b] ? params.landlockedFreightFactor : 1;
      freightPerUnit[a * n + b] = a === b ? 0 : params.freightPerUnitKm * km * landlocked;
    }
  }
  return { regionCount: n, distanceKm, leadTimeWeeks, freightPerUnit };
}

/** Current lead time from origin to destination, with both ends' logistics multipliers. */
export function currentLeadTime(geo: Geography, regions: RegionStore, origin: number, destination: number): number {
  const base = geo.leadTimeWeeks[origin * geo.regionCount + destination];
  const multiplier = Math.max(regions.leadTimeMultiplier[origin], regions.leadTimeMultiplier[destination]);
  if (multiplier === 1) return base;
  return Math.max(1, Math.min(MAX_LEAD_TIME, Math.round(base * multiplier)));
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
