import { join } from 'node:path';
import { INCOME_GROUPS } from '../model/world-definition.ts';
import { SPENDING_INSTRUMENTS, INSTRUMENTS } from '../../agents/policymaker/index.ts';
import { readSweepForAnalysis } from '../sweep/runs-table.ts';
import { readManifest } from '../sweep/folder.ts';
import { readResultRuns } from '../sweep/results-reader.ts';
import type { RunSummary } from '../sweep/contracts.ts';
import { SPEND_INDICATOR, unitOf, type HeadlineIndicator } from './indicators.ts';
import { BASELINE, type Arm, type ComparePlan } from './plan.ts';
import { bootstrapRatio, discountedSum, excludesZero, mean, pairedEffect, type PairedEffect, type RatioInterval } from './stats.ts';

/** One finished arm read back: run summaries (runs.csv) and the world's weekly series (results.parquet). */
export interface ArmResults {
  name: string;
  /** One per seed, in seed order (the same order in every arm: common random numbers). */
  summaries: RunSummary[];
  /** World-scope metric → one array per seed, indexed by recorded week (NaN where not recorded). */
  series: Map<string, number[][]>;
}

/** One row of comparison.csv: a scheme, an indicator, a scope and group. */
export interface ComparisonRow {
  scheme: string;
  indicator: HeadlineIndicator;
  unit: string;
  scope: 'global' | 'incomeGroup' | 'bloc';
  group: string;
  baseline: number;
  schemeValue: number;
  effect: PairedEffect;
  /** 'pp' (percentage points of a share) or '%' (of the baseline's mean). */
  pointUnit: 'pp' | '%';
  effectPoints: number;
  significant: boolean;
  extraCost: number;
  extraCostDiscounted: number;
  costPerPoint: RatioInterval | null;
  costPerPointDiscounted: RatioInterval | null;
  /** Why there is no cost per point (empty when there is one). */
  costNote: string;
}

export interface Comparison {
  plan: ComparePlan;
  arms: ArmResults[];
  rows: ComparisonRow[];
  /** Recorded weeks (the series' length). */
  weeks: number;
}

/** Reads one finished arm folder. */
export async function readArm(directory: string, name: string, weeks: number): Promise<ArmResults> {
  const table = readSweepForAnalysis(directory);
  const manifest = readManifest(directory);
  if (!manifest) throw new Error(`${directory}: no manifest`);
  const summaries = [...table.runs].sort((a, b) => a.run - b.run);
  const series = new Map<string, number[][]>();
  const world = manifest.metrics.map((m, i) => ({ m, i })).filter(({ m }) => m.scope === 'global');
  for (const { m } of world) series.set(m.key, summaries.map(() => new Array<number>(weeks).fill(NaN)));
  const byIndex = new Map(world.map(({ m, i }) => [i, series.get(m.key) as number[][]]));
  for await (const { rows } of readResultRuns(join(directory, 'results.parquet'), [], manifest.metrics, table.seedCount)) {
    for (let k = 0; k < rows.tick.length; k++) {
      const target = byIndex.get(rows.metric[k]);
      if (target && rows.tick[k] >= 0 && rows.tick[k] < weeks) target[rows.run][rows.tick[k]] = rows.value[k];
    }
  }
  return { name, summaries, series };
}

/** Total and discounted spending of each seed's run, from the world's weekly policy spending. */
function spendingOf(arm: ArmResults, discount: number): { total: number[]; discounted: number[] } {
  const weekly = arm.series.get(SPEND_INDICATOR) ?? [];
  const total = weekly.map((values) => values.reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0));
  const discounted = weekly.map((values) => {
    const ticks = values.map((_, t) => t);
    return discountedSum(ticks, values.map((v) => (Number.isFinite(v) ? v : 0)), discount);
  });
  return { total, discounted };
}

/** Whether an arm's scheme holds an instrument that spends money (or lets adaptive rules spend). */
function spendsMoney(arm: Arm): boolean {
  if (!arm.scheme) return false;
  const spending = new Set<string>(SPENDING_INSTRUMENTS.map((k) => INSTRUMENTS[k]));
  return arm.scheme.policy.some((item) => spending.has(item.instrument) && item.level > 0) || arm.scheme.params.policyMode === 'adaptive';
}

function scopesOf(plan: ComparePlan, indicator: HeadlineIndicator): { scope: ComparisonRow['scope']; group: string; key: string }[] {
  const world = [{ scope: 'global' as const, group: 'world', key: indicator.name }];
  if (!indicator.regional) return world;
  return [
    ...world,
    ...INCOME_GROUPS.map((group) => ({ scope: 'incomeGroup' as const, group, key: `${indicator.name}@incomeGroup:${group}` })),
    ...plan.definition.blocs.map((group) => ({ scope: 'bloc' as const, group, key: `${indicator.name}@bloc:${group}` })),
  ];
}

/** The paired comparison of every scheme arm with the baseline, for every headline indicator and scope. */
export function compareArms(plan: ComparePlan, arms: ArmResults[]): Comparison {
  const baseline = arms.find((a) => a.name === BASELINE) as ArmResults;
  const baseSpend = spendingOf(baseline, plan.discount);
  const rows: ComparisonRow[] = [];
  for (const arm of arms) {
    if (arm === baseline) continue;
    const spend = spendingOf(arm, plan.discount);
    const costs = spend.total.map((v, i) => v - baseSpend.total[i]);
    const discounted = spend.discounted.map((v, i) => v - baseSpend.discounted[i]);
    const definition = plan.arms.find((a) => a.name === arm.name) as Arm;
    const context = { scheme: arm.name, costs, discounted, spends: spendsMoney(definition) && mean(costs) > 0 };
    for (const indicator of plan.indicators) {
      for (const where of scopesOf(plan, indicator)) {
        const row = compareOne(baseline, arm, indicator, where, context);
        if (row) rows.push(row);
      }
    }
  }
  return { plan, arms, rows, weeks: plan.weeks };
}

interface CostContext {
  scheme: string;
  costs: number[];
  discounted: number[];
  spends: boolean;
}

/** One row: paired differences over the seeds where both arms recorded the metric. */
function compareOne(baseline: ArmResults, arm: ArmResults, indicator: HeadlineIndicator, where: { scope: ComparisonRow['scope']; group: string; key: string }, cost: CostContext): ComparisonRow | null {
  const value = (run: RunSummary) => run.metrics[where.key]?.[indicator.summary] ?? NaN;
  const pairs = baseline.summaries.map((run, i) => ({ i, b: value(run), s: value(arm.summaries[i]) })).filter((p) => Number.isFinite(p.b) && Number.isFinite(p.s));
  if (pairs.length < 2) return null;
  const differences = pairs.map((p) => p.s - p.b);
  const effect = pairedEffect(differences);
  const base = mean(pairs.map((p) => p.b));
  const pointUnit = indicator.points === 'absolute' ? 'pp' : '%';
  const toPoints = (d: number) => (indicator.points === 'absolute' ? 100 * d : base !== 0 ? (100 * d) / Math.abs(base) : NaN);
  const significant = excludesZero(effect);
  const costs = pairs.map((p) => cost.costs[p.i]);
  const discounted = pairs.map((p) => cost.discounted[p.i]);
  let costNote = '';
  if (indicator.name === SPEND_INDICATOR) costNote = 'this is the spending itself';
  else if (!cost.spends) costNote = 'no extra spending';
  else if (!significant) costNote = 'effect not distinguishable from 0';
  else if (!Number.isFinite(toPoints(effect.mean))) costNote = 'baseline is 0 (no relative change)';
  const points = differences.map(toPoints);
  const seed = `${cost.scheme}|${indicator.name}|${where.scope}|${where.group}`;
  return {
    scheme: cost.scheme,
    indicator,
    unit: unitOf(indicator.name),
    scope: where.scope,
    group: where.group,
    baseline: base,
    schemeValue: mean(pairs.map((p) => p.s)),
    effect,
    pointUnit,
    effectPoints: toPoints(effect.mean),
    significant,
    extraCost: mean(costs),
    extraCostDiscounted: mean(discounted),
    costPerPoint: costNote ? null : bootstrapRatio(costs, points, seed),
    costPerPointDiscounted: costNote ? null : bootstrapRatio(discounted, points, `${seed}|discounted`),
    costNote,
  };
}
