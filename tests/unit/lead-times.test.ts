import { describe, expect, it } from 'vitest';
import { currentLeadTime, PIPELINE_WEEKS } from '../../src/model/geography.ts';
import { MAX_LEAD_TIME_WEEKS, LeadTimeLimitError, leadTimeLimitMessage, longestRoute } from '../../src/model/lead-times.ts';
import { checkScenario } from '../../src/model/validate.ts';
import { defaultParams } from '../../src/model/params/registry.ts';
import { createWorld } from '../../src/model/initialize.ts';
import { lookupWorld, WORLDS } from '../../worlds/index.ts';
import { HOM, HUB, threeRegions, tinyWorld } from './submodels/tiny-world.ts';

/**
 * No silent clipping (issue 11): pipelines hold the longest lead time a scenario can produce, and
 * a logistics shock beyond the model's limit is refused at its path, never clipped.
 */
const logistics = (leadTimeMultiplier: number) => ({
  shocks: [{ kind: 'logistics' as const, target: 'all' as const, start: 0, weeks: 4, leadTimeMultiplier }],
});

describe('lead times and pipeline rings', () => {
  it('keeps the 8-week ring when no shock needs more, and grows it for a long logistics shock', () => {
    expect(tinyWorld().geo.pipelineWeeks).toBe(PIPELINE_WEEKS);
    // HOM–HUB is the longest route: 4 weeks; × 2.5 = 10 weeks, so the ring needs 11 slots.
    const world = tinyWorld(threeRegions(), {}, logistics(2.5));
    expect(world.geo.pipelineWeeks).toBe(11);
    expect(world.plants.pipeline.length).toBe(world.plants.count * 11);
    expect(world.smes.rawPipeline.length).toBe(world.smes.capacity * 11);
    world.regions.leadTimeMultiplier[HUB] = 2.5;
    expect(currentLeadTime(world.geo, world.regions, HUB, HOM)).toBe(10);
  });

  it('covid-2020 (lead times × 1.5) gets rings long enough for its longest route', () => {
    const definition = lookupWorld('world-2019');
    const route = longestRoute(definition, defaultParams());
    expect(route.weeks).toBe(6);
    const checked = checkScenario(WORLDS['world-2019'].scenarios['covid-2020'], definition);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const world = createWorld(definition, { seed: 1, params: { scale: 0.2 }, scenario: checked.scenario });
    // round(6 × 1.5) = 9 weeks: beyond the old 7-week cap; the ring holds it.
    expect(world.geo.pipelineWeeks).toBe(10);
  });

  it('refuses a logistics shock beyond the model’s limit, at the shock’s path', () => {
    const definition = lookupWorld('two-hubs');
    const checked = checkScenario({ ...logistics(5), params: { shipKmPerWeek: 1000 } }, definition);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0].path).toEqual(['shocks', 0, 'leadTimeMultiplier']);
    expect(checked.problems[0].message).toMatch(new RegExp(`at most ${MAX_LEAD_TIME_WEEKS} weeks`));
    expect(checkScenario(logistics(5), definition).ok).toBe(true); // 6 × 5 = 30 weeks fits
  });

  it('a world built past the limit without validation throws a named error rather than clipping', () => {
    expect(() => tinyWorld(threeRegions(), { shipKmPerWeek: 1000, handlingWeeks: 4 }, logistics(5))).toThrow(LeadTimeLimitError);
  });

  it('refuses run parameters set outside the scenario (CLI flags) that push a shock past the limit', () => {
    const definition = lookupWorld('two-hubs');
    const checked = checkScenario(logistics(5), definition);
    if (!checked.ok) throw new Error('expected a valid scenario');
    expect(leadTimeLimitMessage(definition, defaultParams(), checked.scenario)).toBeNull();
    expect(leadTimeLimitMessage(definition, { ...defaultParams(), shipKmPerWeek: 1000 }, checked.scenario)).toMatch(/at most 52/);
  });
});
