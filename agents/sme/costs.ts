import type { World } from '../../src/model/world.ts';
import { pow } from '../../src/sim/math.ts';

/** SME productivity multiplier from capability: 0.5 at q = 0, 1 at q = 1 (§7.6). */
export function capabilityProductivity(capability: number): number {
  return 0.5 + 0.5 * capability;
}

/** Output per worker-week, in reference labour units (region productivity × capability). */
export function smeWorkerOutput(world: World, id: number): number {
  return world.regions.productivity[world.smes.region[id]] * capabilityProductivity(world.smes.capability[id]);
}

/** Components per week the SME could make with all its employees. */
export function smeComponentCapacity(world: World, id: number): number {
  return (world.smes.employees[id] * smeWorkerOutput(world, id)) / world.params.labourPerComponent;
}

/** Price of one of its components: (labour + landed raw input) × (1 + markup). */
export function smeComponentPrice(world: World, id: number): number {
  const { smes, regions, params } = world;
  const labour = (params.labourPerComponent * regions.wage[smes.region[id]]) / smeWorkerOutput(world, id);
  return (labour + smes.rawCost[id]) * (1 + params.markup);
}

/**
 * Local sales per $ of value added (§9.2): 1 / (1 − localInputShare). The local price passes
 * inputs through at their starting cost, so at starting input prices an SME's value added per
 * worker-week, and its margin, are what they were before local output used inputs.
 */
export function grossOutputFactor(localInputShare: number): number {
  return 1 / (1 - localInputShare);
}

/**
 * Local-market sales one worker-week can make ($): value added wage × (1 + μ) × capability
 * productivity / the starting mean of it (the typical SME prices its local work at cost plus
 * markup), grossed up by the inputs the sales embody (§9.2).
 */
export function localRevenuePerWorker(world: World, id: number): number {
  const { smes, regions, params, economy } = world;
  return (
    (regions.wage[smes.region[id]] * (1 + params.markup) * capabilityProductivity(smes.capability[id]) * grossOutputFactor(params.localInputShare)) /
    economy.referenceSmeProductivity
  );
}

/** Weekly cost base used for cash buffers: the wage bill. */
export function smeWeeklyCost(world: World, id: number): number {
  return world.smes.employees[id] * world.regions.wage[world.smes.region[id]];
}

/**
 * Initial employees from a truncated power law on [1, max] with tail exponent α
 * (P(size > x) ∝ x^−α; α = 0 gives uniform sizes), by inversion of `u`.
 */
export function powerLawEmployees(u: number, exponent: number, maxEmployees: number): number {
  if (exponent <= 1e-9) return 1 + u * (maxEmployees - 1);
  const tail = pow(maxEmployees, -exponent);
  return Math.min(maxEmployees, pow(1 - u * (1 - tail), -1 / exponent));
}
