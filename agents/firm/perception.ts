import type { World } from '../../src/model/world.ts';
import { hazardPerYear } from '../../src/model/shocks.ts';
import { pow } from '../../src/sim/math.ts';

/** Weekly retention of an observed onset's weight: it halves every `hazardMemoryYears` (§9.1). */
export function hazardRetention(memoryYears: number): number {
  return pow(0.5, 1 / (52 * memoryYears));
}

/**
 * Marks, for every bloc b, the regions that some living lead firm with an active plant in b is
 * exposed to this week (through its plants, hubs or SMEs): news of an onset there reaches every
 * firm of the bloc (§9.1). Reads only the exposure the shipping phase wrote.
 */
export function markBlocWatchedRegions(world: World): void {
  const { firms, plants, regions, scratch } = world;
  const R = regions.count;
  const B = plants.blocCount;
  const watched = scratch.blocWatchedRegion;
  const smeExposure = world.smeSupplyExposure.byFirmRegion;
  watched.fill(0, 0, B * R);
  for (let f = 0; f < firms.count; f++) {
    if (!firms.alive[f]) continue;
    for (let b = 0; b < B; b++) {
      if (!plants.active[f * B + b]) continue;
      for (let r = 0; r < R; r++) {
        const cell = f * R + r;
        if (firms.exposure[cell] | smeExposure[cell]) watched[b * R + r] = 1;
      }
    }
  }
}

/**
 * π ← (1 − δ)π + δ · shortfall (§7.1). ĥ_r ← λ ĥ_r + (1 − λ) x_r with λ = 0.5^{1/(52 · hazardMemoryYears)},
 * where x_r is this week's onset in r when the firm is exposed to r or another firm with a plant in
 * its home bloc is (shared news), else r's own hazard rate per week (the prior). With
 * `riskLearning` off both stay at their starting values (P12's ablation). Writes only firm f's state.
 */
export function updatePerception(world: World, f: number): void {
  const { firms, regions, params, scratch } = world;
  if (!params.riskLearning) return;
  const R = regions.count;
  firms.riskPerception[f] += params.riskMemoryRate * (firms.shortfall[f] - firms.riskPerception[f]);
  const keep = hazardRetention(params.hazardMemoryYears);
  const smeExposure = world.smeSupplyExposure.byFirmRegion;
  const bloc = firms.homeBloc[f] * R;
  for (let r = 0; r < R; r++) {
    const cell = f * R + r;
    const observed = firms.exposure[cell] | smeExposure[cell] | scratch.blocWatchedRegion[bloc + r];
    const seen = observed ? regions.disruptionOnset[r] : hazardPerYear(world, r) / 52;
    firms.observedHazard[cell] = keep * firms.observedHazard[cell] + (1 - keep) * seen;
  }
}
