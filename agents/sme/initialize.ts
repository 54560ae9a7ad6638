import type { World } from '../../src/model/world.ts';
import { initStream } from '../../src/sim/rng/init-stream.ts';
import { allocateSme, createSmeStore } from './schema.ts';
import { powerLawEmployees, smeComponentPrice, smeWeeklyCost } from './costs.ts';
import { domesticRawPrice } from '../supplier/index.ts';
import { clamp01 } from '../community/index.ts';
import { customerTarget } from './local-market.ts';
import { exp } from '../../src/sim/math.ts';

/**
 * SMEs of each region: employees from a truncated power law (§7.6), capability from the
 * region's literacy, adoption with probability ∝ digital usage, about two weeks of cash.
 * Needs cells (for usage) and the reference raw price.
 */
export function initializeSmes(world: World, smesPerRegion: Uint32Array): void {
  const { regions, params, communityRegions } = world;
  let total = 0;
  for (const n of smesPerRegion) total += n;
  world.smes = createSmeStore(total, world.geo.pipelineWeeks);
  const smes = world.smes;
  const sizes = initStream(world.seed, 'sme.sizes');
  const traits = initStream(world.seed, 'sme.traits');
  const rawPrice = domesticRawPrice(world);
  for (let r = 0; r < regions.count; r++) {
    regions.smeSlots[r] = smesPerRegion[r];
    const usage = communityRegions.access[r] * communityRegions.literacy[r];
    for (let k = 0; k < smesPerRegion[r]; k++) {
      const id = allocateSme(smes);
      smes.alive[id] = 1;
      smes.region[id] = r;
      smes.bornAtTick[id] = 0;
      smes.employees[id] = powerLawEmployees(sizes.uniform(), params.smeSizeExponent, params.smeMaxEmployees);
      smes.capability[id] = initialCapability(world, r, traits.normal());
      smes.digital[id] = traits.uniform() < clamp01(params.initialAdoptionFactor * usage) ? 1 : 0;
      smes.rawCost[id] = rawPrice;
      smes.riskPerception[id] = params.riskPerceptionInitial;
      smes.observedHazard[id] = params.hubHazardPerYear / 52; // ĥ of its hub source's region
      // Cash: log-normal around the median buffer (Bartik et al. 2020).
      smes.cash[id] = params.smeCashWeeks * smeWeeklyCost(world, id) * exp(params.smeCashDispersion * traits.normal());
      smes.price[id] = smeComponentPrice(world, id);
      smes.customers[id] = customerTarget(world, id);
    }
  }
}

/** Capability of a new SME: the mean scaled by the region's literacy, plus spread. */
export function initialCapability(world: World, region: number, z: number): number {
  const { params, communityRegions } = world;
  const literacyWeight = params.capabilityLiteracyWeight;
  const base = params.initialCapability * (1 - literacyWeight + literacyWeight * communityRegions.literacy[region]);
  return Math.min(0.95, Math.max(0.05, base + params.capabilityDispersion * z));
}
