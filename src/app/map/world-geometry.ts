import { geoBounds, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { WORLDS } from '../../../worlds/index.ts';
// Already in the bundle (the world definitions need it): ISO numeric codes match the atlas ids.
import world2019Data from '../../../worlds/world-2019/data/world-2019.generated.json' with { type: 'json' };
import { hexGeometry } from './hex-shapes.ts';
import { project, UNITS_PER_DEGREE, type MapGeometry, type RegionShape } from './geometry.ts';

/**
 * Region shapes of a world: Natural Earth countries (1:110m, light enough to redraw live in
 * software WebGL) for world-2019, generated hexes otherwise.
 */
export async function worldGeometry(world: string): Promise<MapGeometry> {
  const definition = WORLDS[world].definition(undefined);
  if (world !== 'world-2019') return hexGeometry(definition.regions);
  const atlas = await import('world-atlas/countries-110m.json');
  const topology = atlas.default as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  const byNumeric = new Map<number, Feature<Geometry>>();
  for (const f of countries.features) if (f.id !== undefined) byNumeric.set(Number(f.id), f);
  const numericOf = new Map(world2019Data.countries.map((c) => [c.iso3, c.iso_numeric]));
  const regions = definition.regions.map((region): RegionShape => {
    const anchor = project(region.longitude, region.latitude);
    const found = byNumeric.get(Number(numericOf.get(region.code)));
    if (!found) return dotShape(region.code, region.name, anchor);
    return { code: region.code, name: region.name, rings: ringsOf(found.geometry), anchor, points: samplePoints(found, anchor) };
  });
  return { width: 360 * UNITS_PER_DEGREE, height: 180 * UNITS_PER_DEGREE, regions };
}

function ringsOf(geometry: Geometry): number[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  // Outer rings only: holes (lakes, enclaves) are covered by the neighbours drawn on top.
  return polygons.map((polygon) => unwrapped(polygon[0]).flatMap(([lon, lat]) => project(lon, lat)));
}

/** A ring that crosses the antimeridian (Russia, Fiji) continues past 180° instead of streaking across the map. */
function unwrapped(ring: number[][]): number[][] {
  const crosses = ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

/** A small hexagon for territories too small for the 1:110m atlas. */
function dotShape(code: string, name: string, anchor: [number, number]): RegionShape {
  const ring: number[] = [];
  for (let k = 0; k < 6; k++) ring.push(anchor[0] + 4 * Math.cos((k * Math.PI) / 3), anchor[1] + 4 * Math.sin((k * Math.PI) / 3));
  return { code, name, rings: [ring], anchor, points: Float32Array.from(anchor) };
}

/** Up to ~120 grid points inside the country, for its particles. */
function samplePoints(country: Feature<Geometry>, anchor: [number, number]): Float32Array {
  const [[west, south], [east, north]] = geoBounds(country);
  const width = east >= west ? east - west : east + 360 - west;
  const step = Math.max(0.15, Math.sqrt((width * (north - south)) / 120));
  const points: number[] = [];
  for (let lat = south + step / 2; lat < north; lat += step) {
    for (let dx = step / 2; dx < width; dx += step) {
      const lon = ((west + dx + 540) % 360) - 180;
      if (geoContains(country, [lon, lat])) points.push(...project(lon, lat));
    }
  }
  return points.length > 0 ? Float32Array.from(points) : Float32Array.from(anchor);
}
