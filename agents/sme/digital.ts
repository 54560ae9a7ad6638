import type { World } from '../../src/model/world.ts';
import { NO_BUYER } from './schema.ts';
import { exp } from '../../src/sim/math.ts';

/**
 * Phase 10 — SMEs (§7.6). Digital adoption: hazard h = (p + q · adoptedShare) · a · l ·
 * (1 + g · grant) / 52, with the region's adopted share taken before anyone adopts this week
 * (so the order of SMEs cannot matter). Capability rises toward 1 at rate
 * κ(1 + ψ · inChain + σ · localPlant + γ · grant) (saturating) and erodes slowly.
 */
export function adoptAndLearn(world: World): void {
  const { smes, regions, plants, params, tick, scratch, communityRegions, smeRegions } = world;
  const R = regions.count;
  const hazardByRegion = scratch.regionAdoptedShare;
  const localPlant = scratch.regionHasPlant;
  localPlant.fill(0);
  for (let p = 0; p < plants.count; p++) if (plants.active[p]) localPlant[plants.region[p]] = 1;
  // Per region: the adoption hazard and the capability retention factors e^{−rate} (outside and inside a chain).
  smeRegions.smeAdoptions.fill(0);
  const keepOutside = scratch.regionCapabilityKeep;
  const keepInside = scratch.regionCapabilityKeepInChain;
  for (let r = 0; r < R; r++) {
    const share = smeRegions.smeCount[r] > 0 ? smeRegions.smeAdopted[r] / smeRegions.smeCount[r] : 0;
    const grant = smeRegions.smeGrantIntensity[r];
    hazardByRegion[r] =
      ((params.bassInnovation + params.bassImitation * share) *
        communityRegions.access[r] *
        communityRegions.literacy[r] *
        (1 + params.techGrantEffect * grant)) /
      52;
    const base = 1 + params.localPlantLearning * localPlant[r] + params.grantLearning * grant;
    keepOutside[r] = exp(-(params.capabilityRate * base) / 52);
    keepInside[r] = exp(-(params.capabilityRate * (base + params.chainLearning)) / 52);
  }
  const draws = world.draws.for('sme.adopt');
  const retain = exp(-params.capabilityDepreciation / 52);
  const alive = smes.alive;
  const digital = smes.digital;
  const region = smes.region;
  const capability = smes.capability;
  const buyer = smes.buyerPlant;
  for (let i = 0; i < smes.count; i++) {
    if (!alive[i]) continue;
    const r = region[i];
    if (!digital[i]) {
      const hazard = hazardByRegion[r];
      if (hazard > 0 && draws.uniformPacked(i, tick) < hazard) {
        digital[i] = 1;
        smeRegions.smeAdopted[r]++;
        smeRegions.smeAdoptions[r]++;
      }
    }
    const keep = buyer[i] !== NO_BUYER ? keepInside[r] : keepOutside[r];
    const q0 = capability[i];
    capability[i] = (1 - (1 - q0) * keep) * retain;
  }
}
