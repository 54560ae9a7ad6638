import type { World } from '../../src/sim/world.ts';
import { NO_BUYER } from './schema.ts';

/**
 * Phase 10 — SMEs (§7.6). Digital adoption: hazard h = (p + q · adoptedShare) · a · l ·
 * (1 + g · grant) / 52, with the region's adopted share taken before anyone adopts this week
 * (so the order of SMEs cannot matter). Capability rises toward 1 at rate
 * κ(1 + ψ · inChain + σ · localPlant + γ · grant) and erodes slowly.
 */
export function adoptAndLearn(world: World): void {
  const { smes, regions, plants, params, tick } = world;
  const R = regions.count;
  const adoptedShare = world.scratch.regionAdoptedShare;
  const localPlant = world.scratch.regionHasPlant;
  localPlant.fill(0);
  for (let p = 0; p < plants.count; p++) if (plants.active[p]) localPlant[plants.region[p]] = 1;
  for (let r = 0; r < R; r++) adoptedShare[r] = regions.smeCount[r] > 0 ? regions.smeAdopted[r] / regions.smeCount[r] : 0;
  const draws = world.draws.for('sme.adopt');
  const p = params.bassInnovation;
  const q = params.bassImitation;
  const depreciation = 1 - Math.exp(-params.capabilityDepreciation / 52);
  for (let i = 0; i < smes.count; i++) {
    if (!smes.alive[i]) continue;
    const r = smes.region[i];
    const grant = regions.smeGrantIntensity[r];
    if (!smes.digital[i]) {
      const hazard =
        ((p + q * adoptedShare[r]) * regions.access[r] * regions.literacy[r] * (1 + params.techGrantEffect * grant)) / 52;
      if (hazard > 0 && draws.uniform(i, tick) < hazard) {
        smes.digital[i] = 1;
        regions.smeAdopted[r]++;
      }
    }
    const inChain = smes.buyerPlant[i] !== NO_BUYER ? 1 : 0;
    const rate =
      (params.capabilityRate *
        (1 + params.chainLearning * inChain + params.localPlantLearning * localPlant[r] + params.grantLearning * grant)) /
      52;
    const q0 = smes.capability[i];
    const learned = q0 + (1 - q0) * (1 - Math.exp(-rate));
    smes.capability[i] = learned - learned * depreciation;
  }
}
