import { DIGITAL_INFRASTRUCTURE, INSTRUMENTS, SMART_SOURCING_NODE, SME_TECH_GRANT, TRAINING, TRANSPARENCY } from '../../agents/policymaker/index.ts';
import { resolveParams } from '../model/params/registry.ts';
import { createRegionStore } from '../model/regions.ts';
import { incomeQuartiles, selectRegions } from '../model/selection.ts';
import type { PolicyItem, Scenario } from '../model/scenario.ts';
import type { InputProblem } from '../model/validate.ts';
import type { WorldDefinition } from '../model/world-definition.ts';

/**
 * The budget rule of schemes (MODEL.md §7.9, docs/compare.md#budgets). Money beyond the
 * policymakers' regular budget is declared per item with `budgetPerYear`. Every other
 * programme is paid from the regular budget: infrastructure, training and SME technology grants
 * take `level` as their share of it, a transparency programme `transparencyCostShare × level`, a
 * smart sourcing node (§9.5) `level × smartSourcingNodeCostPerYear` over the region's yearly budget.
 * Those shares, for one region at one time, must sum to at most 1. (Subsidies and reshoring
 * grants are rates paid from what is left of the regular budget, and stop when it is spent;
 * tariffs and border closures cost nothing.)
 */
export const BUDGET_SHARE_INSTRUMENTS = [DIGITAL_INFRASTRUCTURE, TRAINING, SME_TECH_GRANT].map((k) => INSTRUMENTS[k]);
const TRANSPARENCY_NAME = INSTRUMENTS[TRANSPARENCY];
const NODE_NAME = INSTRUMENTS[SMART_SOURCING_NODE];

/** What the share of an item in the regular budget depends on beyond the item. */
interface Costs {
  transparencyCostShare: number;
  nodeCostPerYear: number;
  /** Regular budget per year of each region (real $): policyShare × taxShare × GDP. */
  budgetPerYear: Float64Array;
}

const endOf = (item: PolicyItem) => (item.weeks === undefined ? Infinity : item.week + item.weeks);

/** Share of region r's regular budget one item commits (0 when it has its own budget or spends nothing). */
function budgetShare(item: PolicyItem, costs: Costs, r: number): number {
  if (item.budgetPerYear !== undefined && item.budgetPerYear > 0) return 0;
  if ((BUDGET_SHARE_INSTRUMENTS as string[]).includes(item.instrument)) return item.level;
  if (item.instrument === TRANSPARENCY_NAME) return costs.transparencyCostShare * item.level;
  if (item.instrument === NODE_NAME && item.level > 0) {
    const budget = costs.budgetPerYear[r];
    return budget > 0 ? (item.level * costs.nodeCostPerYear) / budget : Infinity;
  }
  return 0;
}

/** The item of each instrument that holds at `week` (the last in list order, as the model applies them). */
function activeItems(items: { item: PolicyItem; index: number }[], week: number): { item: PolicyItem; index: number }[] {
  const byInstrument = new Map<string, { item: PolicyItem; index: number }>();
  for (const entry of items) if (entry.item.week <= week && week < endOf(entry.item)) byInstrument.set(entry.item.instrument, entry);
  return [...byInstrument.values()];
}

/** A timeline item or a rule, and where a problem with it is reported (null: the scenario's own). */
interface Entry {
  item: PolicyItem;
  at: (string | number)[] | null;
}

/**
 * Problems of a merged scenario whose budget shares sum above 1 in some region at some week,
 * reported at the scheme item (index ≥ `schemeStart` in the merged list) that is active there.
 * Adaptive rules may fire at any week, so they are checked as if every rule held from week 0 on
 * (on top of the timeline, and overriding it as the model applies them), reported at the scheme
 * rule (index ≥ `schemeRuleStart` in the merged rules).
 */
export function budgetProblems(merged: Scenario, schemeStart: number, schemeRuleStart: number, world: WorldDefinition, overrides: Record<string, unknown> = {}): InputProblem[] {
  let params: ReturnType<typeof resolveParams>;
  try {
    params = resolveParams({ ...(merged.params ?? {}), ...overrides }, world.parameterDefaults ?? {}, 'parameters');
  } catch {
    return []; // parameter problems are reported by the scenario check
  }
  const regions = createRegionStore(world);
  const costs: Costs = {
    transparencyCostShare: params.transparencyCostShare,
    nodeCostPerYear: params.smartSourcingNodeCostPerYear,
    budgetPerYear: regions.population.map((population, r) => params.policyShare * params.taxShare * population * regions.gdpPerCapita[r]),
  };
  const context = { regions, blocs: world.blocs, quartiles: incomeQuartiles(regions) };
  const timeline: Entry[] = merged.policy.map((item, i) => ({ item, at: i >= schemeStart ? ['policy', i - schemeStart, 'level'] : null }));
  const rules: Entry[] = (merged.rules ?? []).map((rule, i) => ({
    item: { week: 0, target: rule.target, instrument: rule.instrument, level: rule.level, ...(rule.budgetPerYear !== undefined ? { budgetPerYear: rule.budgetPerYear } : {}) },
    at: i >= schemeRuleStart ? ['rules', i - schemeRuleStart, 'level'] : null,
  }));
  const problems = shareProblems(timeline, regions.codes, context, costs);
  if (rules.length > 0) problems.push(...shareProblems([...timeline, ...rules], regions.codes, context, costs).filter((p) => p.path[0] === 'rules'));
  return problems;
}

function shareProblems(entries: Entry[], codes: readonly string[], context: Parameters<typeof selectRegions>[1], costs: Costs): InputProblem[] {
  const selected = entries.map(({ item }) => new Set(selectRegions(item.target, context)));
  const weeks = [...new Set(entries.flatMap(({ item }) => [item.week, endOf(item)]))].filter(Number.isFinite).sort((a, b) => a - b);
  const reported = new Set<number>();
  const problems: InputProblem[] = [];
  for (let r = 0; r < codes.length; r++) {
    const items = entries.map(({ item }, index) => ({ item, index })).filter(({ index }) => selected[index].has(r));
    for (const week of weeks) {
      const active = activeItems(items, week);
      const shares = active.map(({ item }) => ({ item, share: budgetShare(item, costs, r) })).filter((s) => s.share > 0);
      const total = shares.reduce((sum, s) => sum + s.share, 0);
      const culprit = active.filter(({ index, item }) => entries[index].at !== null && budgetShare(item, costs, r) > 0).pop();
      if (total <= 1 + 1e-9 || !culprit || reported.has(culprit.index)) continue;
      reported.add(culprit.index);
      const parts = shares.map((s) => `${s.item.instrument} ${Number(s.share.toPrecision(4))}`).join(' + ');
      const when = entries[culprit.index].at?.[0] === 'rules' ? 'when the rules hold' : `from week ${week}`;
      problems.push({
        path: entries[culprit.index].at as (string | number)[],
        message: `in region ${codes[r]} ${when} the shares of the regular budget sum to ${Number(total.toPrecision(4))} (${parts}); expected at most 1: lower the levels, or declare extra money with "budgetPerYear" (docs/compare.md#budgets)`,
      });
    }
  }
  return problems;
}
