import type { World } from '../../src/model/world.ts';
import { exp } from '../../src/sim/math.ts';
import { computeSmePools, type SmePools } from './pools.ts';
import { amortisationUnits, CHOOSABLE, estimateStrategy, logitTemperature, zeroTerms, type StrategyTerms } from './strategy.ts';
import { STRATEGY_NAMES } from './strategy-codes.ts';

/** One strategy as a firm prices it at its quarterly review (§7.1, §9.1), with what the price is made of. */
export interface StrategyExplanation {
  /** GLOBAL, DUAL, NEARSHORE or MULTILOCAL. */
  strategy: string;
  /** The firm's strategy now. */
  current: boolean;
  /** C_k, $ per unit. */
  cost: number;
  /** The one-off switching cost spread over the firm's demand × `amortisationWeeks`, $ per unit (nothing to switch for the current strategy). */
  switching: number;
  /** Share of components from SMEs the strategy would get. */
  smeShare: number;
  /** Chance the logit gives it at a review now: exp(−(C_k + switching)/T) over the four. */
  probability: number;
  terms: StrategyTerms;
}

/**
 * How firm `firm` prices the four strategies now, as its quarterly review would: C_k term by term,
 * the amortised switching cost, and each strategy's logit probability. It reads the world and
 * changes nothing (the hub mix is the one the last review left), so it can run at any week.
 */
export function explainStrategies(world: World, firm: number, pools: SmePools = computeSmePools(world)): StrategyExplanation[] {
  const current = world.firms.strategy[firm];
  const estimates = CHOOSABLE.map((k) => estimateStrategy(world, firm, k, pools));
  const units = amortisationUnits(world, firm);
  const temperature = logitTemperature(world, estimates);
  // As in the draw: each strategy's switching cost (0 for the one the firm runs, whose plants are open).
  const switching = estimates.map((e) => e.switchCost / units);
  const utility = estimates.map((e, index) => -(e.cost + switching[index]) / temperature);
  const best = Math.max(...utility);
  const weights = utility.map((u) => exp(u - best));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return estimates.map((e, index) => ({
    strategy: STRATEGY_NAMES[CHOOSABLE[index]],
    current: CHOOSABLE[index] === current,
    cost: e.cost,
    switching: switching[index],
    smeShare: e.smeShare,
    probability: weights[index] / total,
    terms: e.terms,
  }));
}

/** Means over the living firms of `explainStrategies`, strategy by strategy, and how many firms hold each now. */
export function explainStrategiesOverFirms(world: World): { firms: number; rows: (Omit<StrategyExplanation, 'current'> & { holding: number })[] } {
  const pools = computeSmePools(world);
  const sums = CHOOSABLE.map((k) => ({
    strategy: STRATEGY_NAMES[k], holding: 0, cost: 0, switching: 0, smeShare: 0, probability: 0,
    terms: zeroTerms(),
  }));
  let firms = 0;
  for (let f = 0; f < world.firms.count; f++) {
    if (!world.firms.alive[f]) continue;
    firms++;
    explainStrategies(world, f, pools).forEach((row, index) => {
      const sum = sums[index];
      if (row.current) sum.holding++;
      sum.cost += row.cost;
      sum.switching += row.switching;
      sum.smeShare += row.smeShare;
      sum.probability += row.probability;
      for (const key of Object.keys(sum.terms) as (keyof StrategyTerms)[]) sum.terms[key] += row.terms[key];
    });
  }
  const n = Math.max(firms, 1);
  const rows = sums.map((sum) => ({
    ...sum,
    cost: sum.cost / n,
    switching: sum.switching / n,
    smeShare: sum.smeShare / n,
    probability: sum.probability / n,
    terms: Object.fromEntries(Object.entries(sum.terms).map(([key, value]) => [key, value / n])) as unknown as StrategyTerms,
  }));
  return { firms, rows };
}
