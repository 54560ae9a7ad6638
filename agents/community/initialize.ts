import type { World } from '../../src/model/world.ts';
import { initStream } from '../../src/sim/rng/init-stream.ts';
import { createCellStore } from './schema.ts';
import { exp } from '../../src/sim/math.ts';
import { spreadStartValues } from './start-spread.ts';

/** Most cross-region links a cell keeps (one cell of each bordering or nearest region). */
export const MAX_CELL_LINKS = 4;

/**
 * Cells of each region: population split evenly; access and literacy from the data so that
 * a · l equals observed internet use (§5), each cell drawn around its region's values with the
 * region's means kept (§9.6, start-spread.ts); trust varied by region and cell.
 */
export function initializeCells(world: World, cellsPerRegion: Uint32Array): void {
  const { regions, params, definition, communityRegions } = world;
  let total = 0;
  for (const c of cellsPerRegion) total += c;
  const cells = createCellStore(total, MAX_CELL_LINKS);
  const firstCell = new Uint32Array(regions.count + 1);
  const trustStream = initStream(world.seed, 'cells.trust');
  const incomeStream = initStream(world.seed, 'cells.income');
  const linkStream = initStream(world.seed, 'cells.links');
  const digitalStream = initStream(world.seed, 'cells.digital');

  let id = 0;
  for (let r = 0; r < regions.count; r++) {
    firstCell[r] = id;
    const n = cellsPerRegion[r];
    const { access, literacy } = startingAccessLiteracy(
      definition.regions[r].internetUse,
      definition.regions[r].adultLiteracy,
      params.digitalLiteracyFactor,
    );
    const regionTrust = clamp01(params.trustInitial + params.trustInitialSpread * trustStream.normal());
    const regionTrustGov = clamp01(params.governmentTrustInitial + params.trustInitialSpread * trustStream.normal());
    const skill = clamp01(params.skillInitialBase + regions.industryWorkersShare[r]);
    const cellAccess = cells.access.subarray(id, id + n);
    const cellLiteracy = cells.literacy.subarray(id, id + n);
    spreadStartValues(access, literacy, params.cellDigitalSpread, digitalStream, cellAccess, cellLiteracy);
    for (let k = 0; k < n; k++, id++) {
      cells.region[id] = r;
      cells.population[id] = regions.population[r] / n;
      cells.skill[id] = skill;
      // Log-normal with mean 1 across cells: exp(σz − σ²/2).
      const sigma = params.incomeDispersion;
      cells.incomeFactor[id] = exp(sigma * incomeStream.normal() - (sigma * sigma) / 2);
      cells.trustFirms[id] = clamp01(regionTrust + params.trustInitialCellSpread * trustStream.normal());
      cells.trustGovernment[id] = clamp01(regionTrustGov + params.trustInitialCellSpread * trustStream.normal());
    }
    communityRegions.cellCount[r] = n;
  }
  firstCell[regions.count] = id;

  for (let c = 0; c < cells.count; c++) {
    const neighbours = definition.regionNeighbours[cells.region[c]] ?? [];
    for (let k = 0; k < Math.min(MAX_CELL_LINKS, neighbours.length); k++) {
      const other = neighbours[k];
      const n = cellsPerRegion[other];
      if (n === 0) continue;
      cells.links[c * MAX_CELL_LINKS + k] = firstCell[other] + Math.floor(linkStream.uniform() * n);
    }
  }
  world.cells = cells;
}

/**
 * Internet use = a · l (§5): literacy starts at adult literacy × the digital factor; access is
 * use / literacy, capped at 1, and then literacy is raised to match.
 */
export function startingAccessLiteracy(
  internetUse: number,
  adultLiteracy: number,
  digitalLiteracyFactor: number,
): { access: number; literacy: number } {
  const use = clamp01(internetUse);
  let literacy = clamp01(adultLiteracy * digitalLiteracyFactor);
  if (literacy <= 1e-6) literacy = 1e-6;
  let access = use / literacy;
  if (access > 1) {
    access = 1;
    literacy = use;
  }
  return { access, literacy: Math.max(literacy, 1e-6) };
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
