/**
 * `explainStrategies` (agents/firm/strategy-explain.ts): what `glocal strategies` and the app show
 * of a firm's quarterly review. Its terms add up to C_k, its probabilities are the logit of the
 * draw (computed here by hand), its most likely strategy is the draw's choice without noise, and
 * asking changes nothing: a run asked at week 13 goes on exactly as one that was not asked.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/model/initialize.ts';
import { step } from '../../../src/model/schedule.ts';
import { lookupWorld } from '../../../worlds/index.ts';
import { builtInScenario } from '../../../src/validation/specs.ts';
import type { World } from '../../../src/model/world.ts';
import { explainStrategies, explainStrategiesOverFirms } from '../../../agents/firm/strategy-explain.ts';
import { CHOOSABLE, chooseStrategies, drawStrategy, estimateStrategy } from '../../../agents/firm/strategy.ts';
import { updateHubWeights } from '../../../agents/firm/sourcing.ts';
import { computeSmePools } from '../../../agents/firm/pools.ts';
import { STRATEGY_NAMES } from '../../../agents/firm/strategy-codes.ts';

function twoHubsAt(weeks: number, seed = 4): World {
  const world = createWorld(lookupWorld('two-hubs'), { seed, scenario: builtInScenario('two-hubs', 'hub-lockdown'), params: { scale: 0.2 } });
  for (let t = 0; t < weeks; t++) step(world);
  return world;
}

/** Every typed array and number of every store of the world, as one list (order fixed by the store keys). */
function stateOf(world: World): number[] {
  const out: number[] = [world.tick];
  for (const store of Object.values(world)) {
    if (store === null || typeof store !== 'object') continue;
    for (const value of Object.values(store as Record<string, unknown>)) {
      if (ArrayBuffer.isView(value)) out.push(...Array.from(value as Float64Array));
      else if (typeof value === 'number') out.push(value);
    }
  }
  return out;
}

const living = (world: World) => Array.from({ length: world.firms.count }, (_, f) => f).filter((f) => world.firms.alive[f]);

describe('explainStrategies: a firm’s review, term by term', () => {
  const world = twoHubsAt(40); // during hub-lockdown's shock, so E[loss] and π are not at rest

  it('terms add up to C_k for every living firm and strategy, and C_k is what the review prices', () => {
    const pools = computeSmePools(world);
    for (const f of living(world)) {
      const rows = explainStrategies(world, f);
      expect(rows.map((r) => r.strategy)).toEqual(CHOOSABLE.map((k) => STRATEGY_NAMES[k]));
      rows.forEach((row, index) => {
        const t = row.terms;
        const sum = t.components + t.assembly + t.overhead + t.outbound + t.coordination + t.contracts - t.subsidy + t.expectedLoss - t.localBonus;
        expect(sum).toBeCloseTo(row.cost, 9);
        expect(row.cost).toBe(estimateStrategy(world, f, CHOOSABLE[index], pools).cost);
        expect(t.components).toBeGreaterThan(0);
        expect(t.expectedLoss).toBeGreaterThanOrEqual(0);
      });
      expect(rows.filter((r) => r.current).map((r) => r.strategy)).toEqual([STRATEGY_NAMES[world.firms.strategy[f]]]);
    }
  });

  it('probabilities are the logit exp(−(C_k + switching)/T) / Σ with T = strategyTemp × mean C_k; the likeliest is the noiseless draw', () => {
    const noNoise = { gumbel: () => 0 };
    for (const f of living(world)) {
      const rows = explainStrategies(world, f);
      const B = world.plants.blocCount;
      let demand = 0;
      for (let b = 0; b < B; b++) demand += world.firms.demandByBloc[f * B + b];
      const pools = computeSmePools(world);
      const estimates = CHOOSABLE.map((k) => estimateStrategy(world, f, k, pools));
      const T = (world.params.strategyTemp * estimates.reduce((s, e) => s + e.cost, 0)) / 4;
      const weights = estimates.map((e) => Math.exp(-(e.cost + e.switchCost / (demand * world.params.amortisationWeeks)) / T));
      const total = weights.reduce((a, b) => a + b, 0);
      rows.forEach((row, k) => expect(row.probability).toBeCloseTo(weights[k] / total, 9));
      const likeliest = rows.reduce((best, row, k) => (row.probability > rows[best].probability ? k : best), 0);
      expect(likeliest).toBe(drawStrategy(world, f, estimates, noNoise, true));
    }
  });

  it('asking changes nothing: the world’s state is the same, and the run goes on as a twin never asked', () => {
    const asked = twoHubsAt(13, 9);
    const twin = twoHubsAt(13, 9);
    const before = stateOf(asked);
    for (const f of living(asked)) explainStrategies(asked, f);
    const means = explainStrategiesOverFirms(asked);
    expect(stateOf(asked)).toEqual(before);
    expect(means.firms).toBe(living(asked).length);
    expect(means.rows.reduce((n, r) => n + r.holding, 0)).toBe(means.firms);
    for (let t = 0; t < 39; t++) {
      step(asked);
      step(twin);
    }
    expect(stateOf(asked)).toEqual(stateOf(twin));
  });

  it('means over firms are the means of the living firms’ rows, field by field and term by term', () => {
    const w = twoHubsAt(40);
    w.firms.alive[1] = 0; // a dead firm counts in no mean
    const firms = living(w);
    expect(firms).not.toContain(1);
    const { rows, firms: counted } = explainStrategiesOverFirms(w);
    expect(counted).toBe(firms.length);
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    rows.forEach((row, k) => {
      const per = firms.map((f) => explainStrategies(w, f)[k]);
      for (const field of ['cost', 'switching', 'smeShare', 'probability'] as const) {
        expect(row[field], `${row.strategy} ${field}`).toBeCloseTo(mean(per.map((r) => r[field])), 9);
      }
      for (const term of Object.keys(row.terms) as (keyof typeof row.terms)[]) {
        expect(row.terms[term], `${row.strategy} ${term}`).toBeCloseTo(mean(per.map((r) => r.terms[term])), 9);
      }
      expect(row.holding).toBe(per.filter((r) => r.current).length);
    });
    expect(rows.some((row) => row.switching > 0 && row.smeShare > 0)).toBe(true); // the fields are not all zero
  });
});

describe('the review a firm keeps for the indicators (reviewedCost, reviewedExpectedLoss)', () => {
  it('holds each firm’s C_k and E[loss] term as its quarterly review priced them, in CHOOSABLE order', () => {
    const world = twoHubsAt(13, 3);
    const pools = computeSmePools(world);
    for (let p = 0; p < world.plants.count; p++) updateHubWeights(world, p);
    const before = living(world).map((f) => CHOOSABLE.map((k) => estimateStrategy(world, f, k, pools)));
    chooseStrategies(world, pools);
    living(world).forEach((f, index) => {
      const kept = Array.from(world.firms.reviewedCost.subarray(f * 4, f * 4 + 4));
      const loss = Array.from(world.firms.reviewedExpectedLoss.subarray(f * 4, f * 4 + 4));
      // Firm 0 prices before any firm acts; later firms' plans do not touch other firms' plants or the pools.
      expect(kept).toEqual(before[index].map((e) => e.cost));
      expect(loss).toEqual(before[index].map((e) => e.terms.expectedLoss));
    });
  });

  it('is never set while strategyOverride forces every firm (no review prices anything); set from the starting draw otherwise', () => {
    const definition = lookupWorld('two-hubs');
    const baseline = builtInScenario('two-hubs', 'baseline');
    const forced = createWorld(definition, { seed: 1, scenario: baseline, params: { scale: 0.2, strategyOverride: 'DUAL' } });
    for (let t = 0; t < 14; t++) step(forced);
    expect(Array.from(forced.firms.reviewedAtTick).every((t) => t === -1)).toBe(true);
    expect(Array.from(forced.firms.reviewedCost).every((c) => c === 0)).toBe(true);
    const free = createWorld(definition, { seed: 1, scenario: baseline, params: { scale: 0.2 } });
    expect(Array.from(free.firms.reviewedAtTick).every((t) => t === 0)).toBe(true);
    expect(Array.from(free.firms.reviewedCost).every((c) => c > 0)).toBe(true);
    for (let t = 0; t < 14; t++) step(free);
    expect(Array.from(free.firms.reviewedAtTick).every((t) => t === 13)).toBe(true); // reviews every 13 weeks
  });
});
