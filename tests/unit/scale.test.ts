import { afterAll, describe, expect, it } from 'vitest';
import { Simulation } from '../../src/model/simulation.ts';
import { runInProcess, type RunOutput } from '../../src/sweep/runner.ts';
import { windowMean } from '../../src/validation/measures.ts';
import { builtInScenario } from '../../src/validation/specs.ts';
import { mean, standardDeviation } from '../../src/validation/stats.ts';
import { lookupWorld } from '../../worlds/index.ts';

/**
 * MODEL.md §8: "at scale 10 s there are 10× the agents, intensive indicators (shares, means)
 * agree with scale s within Monte-Carlo error, and their spread across seeds is smaller" —
 * `scale` is a sampling knob, not a cosmetic one. two-hubs baseline at s = 1 and 10 s = 10,
 * seeds 1–8 at each scale (independent samples), indicators averaged over year 2 (weeks 52–103).
 */

const WORLD = 'two-hubs';
const SMALL = 1;
const LARGE = 10;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const WEEKS = 104;
const YEAR_TWO: [number, number] = [52, WEEKS];
/**
 * Region-level draws — the background hazard and the demand noise (per region and week), like
 * the initial trust of each region — are the same whatever the scale: more agents cannot average
 * them out. The spread test switches the first two off so that what is left is the sampling of
 * agents (SME sizes, capabilities, adoption, entry and exit, supplier choice).
 */
const REGION_NOISE_OFF = { hazardEnabled: false, demandNoiseSd: 0 };

const scenario = builtInScenario(WORLD, 'baseline');

function runs(scale: number, params: Record<string, number | boolean | string>): RunOutput[] {
  return SEEDS.map((seed) =>
    runInProcess({ world: WORLD, scenarioName: 'baseline', scenario, seed, weeks: WEEKS, params: { scale, ...params }, paired: false }),
  );
}

/** Each run's year-2 mean of an indicator. */
const sample = (outputs: RunOutput[], name: string) => outputs.map((o) => windowMean(o, name, ...YEAR_TWO));

const lines: string[] = [];
afterAll(() => {
  if (lines.length > 0) console.log(`scale ${SMALL} vs ${LARGE}, ${SEEDS.length} seeds each, year-2 means:\n${lines.join('\n')}`);
});

describe(`scale is a sampling knob (MODEL.md §8): two-hubs at scale ${SMALL} and ${LARGE}`, () => {
  it('10× the scale gives exactly 10× the SMEs and community cells, apportioned by largest remainder; firms, hubs and policymakers stay', () => {
    const definition = lookupWorld(WORLD);
    const build = (scale: number) =>
      new Simulation({ world: WORLD, scenarioName: 'baseline', scenario, seed: 1, weeks: 1, params: { scale }, paired: false }, definition).world;
    const small = build(SMALL);
    const large = build(LARGE);
    const R = definition.regions.length;
    const countBy = (region: Uint16Array | Uint8Array | Uint32Array | Int32Array, n: number) => {
      const out = new Array<number>(R).fill(0);
      for (let i = 0; i < n; i++) out[region[i]]++;
      return out;
    };
    const smeWeights = definition.regions.map((r) => r.population * Math.max(0.01, r.industryWorkersShare));
    const smeWeightSum = smeWeights.reduce((a, b) => a + b, 0);
    const populationSum = definition.regions.reduce((a, r) => a + r.population, 0);
    for (const [scale, world] of [[SMALL, small], [LARGE, large]] as const) {
      const smes = world.smes.alive.subarray(0, world.smes.count).reduce((a, b) => a + b, 0);
      expect(smes).toBe(Math.round(scale * definition.smesAtScaleOne));
      expect(world.cells.count).toBe(Math.round(scale * definition.cellsAtScaleOne));
      // Largest remainder: every region holds its exact quota rounded down or up.
      const smeQuota = smeWeights.map((w) => (smes * w) / smeWeightSum);
      countBy(world.smes.region, world.smes.count).forEach((n, r) => expect(Math.abs(n - smeQuota[r])).toBeLessThan(1));
      // Cells: one per region first, the rest by population.
      const cellQuota = definition.regions.map((d) => 1 + ((world.cells.count - R) * d.population) / populationSum);
      countBy(world.cells.region, world.cells.count).forEach((n, r) => expect(Math.abs(n - cellQuota[r])).toBeLessThan(1));
    }
    const smeRatio = countBy(large.smes.region, large.smes.count).map((n, r) => n / countBy(small.smes.region, small.smes.count)[r]);
    const cellRatio = countBy(large.cells.region, large.cells.count).map((n, r) => n / countBy(small.cells.region, small.cells.count)[r]);
    for (const ratio of smeRatio) expect(ratio).toBeGreaterThan(9);
    for (const ratio of smeRatio) expect(ratio).toBeLessThan(11);
    // Cells only approximately: the minimum of one per region weighs more at the small scale.
    for (const ratio of cellRatio) expect(ratio).toBeGreaterThan(8);
    for (const ratio of cellRatio) expect(ratio).toBeLessThan(11);
    expect(large.firms.count).toBe(small.firms.count);
    expect(large.hubs.count).toBe(small.hubs.count);
    expect(large.policy.count).toBe(small.policy.count);
    lines.push(`SMEs per region, ×${LARGE / SMALL}: ${smeRatio.map((x) => x.toFixed(2)).join(' ')}; cells: ${cellRatio.map((x) => x.toFixed(2)).join(' ')}`);
  });

  describe('intensive indicators agree within Monte-Carlo error', () => {
    /**
     * |mean(10 s) − mean(s)| < 3 × √(se_s² + se_10s²) + allowance. The only allowance is for
     * digital usage, which has no random draws at all (every cell of a region starts alike and
     * follows the same rules): it differs between scales only because a cell's peer-literacy
     * neighbourhood is the other cells of its region plus one cell of each neighbouring region,
     * so the weight of the neighbours abroad falls as cells per region grow (measured: 2 × 10⁻⁴
     * at 1 vs 10, 5 × 10⁻⁴ at 0.3 vs 3). 0.002 is 0.3% of its level.
     */
    /**
     * Known finite-size biases, beyond Monte-Carlo error. smeChainShare: contracts are recruited
     * one SME at a time, so at scale 1 the last contract overshoots the need more than at 10 (see
     * the DUAL case below: 0.111 at scale 1 vs 0.093 at 10 without region noise, converged from
     * 10 to 20). Measured at the restored frozen defaults: 0.1010 at 1 vs 0.0853 at 10 (DUAL),
     * |diff| 0.0157 against 3 SE = 0.0146. The allowance is that documented bias, not a fit.
     */
    const ALLOWANCE: Record<string, number> = { digitalUsage: 0.002, smeChainShare: 0.018 };

    function expectAgreement(label: string, small: number[], large: number[], name: string): void {
      const se = Math.sqrt(standardDeviation(small) ** 2 / small.length + standardDeviation(large) ** 2 / large.length);
      const difference = mean(large) - mean(small);
      const tolerance = 3 * se + (ALLOWANCE[name] ?? 0);
      lines.push(
        `${label.padEnd(26)} s: ${mean(small).toPrecision(5)} (sd ${standardDeviation(small).toPrecision(2)})  10s: ${mean(large).toPrecision(5)} (sd ${standardDeviation(large).toPrecision(2)})  diff ${difference.toPrecision(2)}  tolerance ${tolerance.toPrecision(2)}  sd ratio ${(standardDeviation(large) / standardDeviation(small)).toFixed(2)}`,
      );
      expect(Math.abs(difference), `${label}: ${mean(small)} at scale ${SMALL} vs ${mean(large)} at ${LARGE}`).toBeLessThan(tolerance);
    }

    it('firms choosing their strategies: fill rate, SME adoption, digital usage, trust in firms, unit cost', () => {
      const small = runs(SMALL, {});
      const large = runs(LARGE, {});
      for (const name of ['fillRate', 'smeAdoption', 'digitalUsage', 'trustFirms', 'unitCost']) {
        expectAgreement(name, sample(small, name), sample(large, name), name);
      }
      // SME adoption and capability come from SME-level draws alone: their spread shrinks even
      // with the region-level noise on.
      for (const name of ['smeAdoption', 'smeCapability']) {
        const [a, b] = [sample(small, name), sample(large, name)];
        expect(standardDeviation(b), `${name} spread`).toBeLessThan(standardDeviation(a));
      }
      // Digital usage varies across seeds only through the drawn start values of cells (MODEL.md
      // §9.6), which keep every region's mean access, literacy and use: the spread is small (sd about
      // 1.5e-4 at both scales; the peer term makes the region means drift a little differently) but
      // no longer zero, so seed intervals of community indicators measure something.
      for (const runsAt of [small, large]) {
        expect(standardDeviation(sample(runsAt, 'digitalUsage'))).toBeGreaterThan(0);
        expect(standardDeviation(sample(runsAt, 'digitalUsage'))).toBeLessThan(1e-3);
      }
    });

    /**
     * SME chain participation has a finite-size bias at small scales, which this comparison at the
     * default noise does not resolve (|difference| ≈ 2 standard errors): without region-level
     * noise, 8 seeds, the year-2 share is 0.130 at scale 0.5, 0.111 at 1, 0.109 at 2, 0.095 at 5,
     * 0.093 at 10 and 0.0925 at 20 (0.17 at 0.3, which is why s is 1 here). Plants recruit SMEs
     * by landed cost with the fixed cost per contract spread over the offer, so a larger pool
     * yields larger suppliers (30 employees on average in chains at scale 1, 36 at 10) and the
     * last contract overshoots the need less (contracted capacity 1.20 × the need at 1, 1.12 at
     * 10): fewer SMEs cover the same need.
     */
    it('every firm DUAL: SME chain participation and unit cost', () => {
      const small = runs(SMALL, { strategyOverride: 'DUAL' });
      const large = runs(LARGE, { strategyOverride: 'DUAL' });
      for (const name of ['smeChainShare', 'unitCost', 'fillRate']) {
        expectAgreement(`${name} (DUAL)`, sample(small, name), sample(large, name), name);
      }
    });
  });

  it('the spread across seeds of the agent-sampled indicators is smaller at 10× the scale', () => {
    // Left out, with the reason: digital usage (no random draws: checked above) and the fill rate
    // (set by the region-level disruptions alone: without them it is 1 in every run, checked
    // here); trust in firms (each region's initial trust is a region-level draw) and the unit
    // cost when firms choose (set by 6 lead firms and 8 hub suppliers, numbers that do not scale).
    const params = { strategyOverride: 'DUAL', ...REGION_NOISE_OFF };
    const small = runs(SMALL, params);
    const large = runs(LARGE, params);
    for (const name of ['smeChainShare', 'smeAdoption', 'smeCapability', 'unitCost']) {
      const [a, b] = [sample(small, name), sample(large, name)];
      lines.push(
        `spread, DUAL, no region noise: ${name.padEnd(14)} sd ${standardDeviation(a).toPrecision(3)} → ${standardDeviation(b).toPrecision(3)} (ratio ${(standardDeviation(b) / standardDeviation(a)).toFixed(2)})`,
      );
      expect(standardDeviation(b), `${name}: sd at scale ${LARGE} vs ${SMALL}`).toBeLessThan(standardDeviation(a));
    }
    for (const outputs of [small, large]) expect(Math.max(...sample(outputs, 'fillRate').map((v) => Math.abs(v - 1)))).toBeLessThan(1e-12);
  });
});
