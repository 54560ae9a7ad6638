import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/app/lessons/index.ts';
import type { Lesson, Localized } from '../../src/app/lessons/types.ts';
import { checkScenario, formatPath } from '../../src/model/validate.ts';
import { checkParamValue } from '../../src/sim/params/define.ts';
import { paramSpec, resolveParams } from '../../src/model/params/registry.ts';
import { WORLDS } from '../../worlds/index.ts';

/** The choropleth layers of the app (the `choropleth` select's values). */
const LAYERS = ['access', 'literacy', 'usage', 'trustFirms', 'trustGovernment', 'smeCapability', 'smeAdoption', 'employment', 'localSourcing'];
const LANGUAGES = ['en', 'fr', 'es'] as const;

function texts(lesson: Lesson): { where: string; text: Localized }[] {
  return [
    { where: 'title', text: lesson.title },
    { where: 'summary', text: lesson.summary },
    ...lesson.steps.map((step, i) => ({ where: `steps[${i}]`, text: step.text })),
    ...lesson.questions.map((text, i) => ({ where: `questions[${i}]`, text })),
  ];
}

describe('lessons', () => {
  it('there are at least three, with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) expect(lesson.id).toMatch(/^[a-z0-9-]+$/);
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      it('has a scenario the real validator accepts for its world', () => {
        const entry = WORLDS[lesson.world];
        expect(entry, `world ${lesson.world}`).toBeDefined();
        const raw = typeof lesson.scenario === 'string' ? entry.scenarios[lesson.scenario] : lesson.scenario;
        expect(raw, `scenario ${String(lesson.scenario)}`).toBeDefined();
        const check = checkScenario(raw, entry.definition());
        const problems = check.ok ? [] : check.problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
        expect(problems).toEqual([]);
      });

      it('has parameters, seed, weeks and actions within the schema', () => {
        const params = lesson.params ?? {};
        for (const [name, value] of Object.entries(params)) {
          const spec = paramSpec(name);
          expect(spec, `parameter ${name}`).toBeDefined();
          if (spec) expect(checkParamValue(spec, value), name).toBeNull();
        }
        expect(() => resolveParams(params, WORLDS[lesson.world].definition().parameterDefaults ?? {})).not.toThrow();
        expect(Number.isInteger(lesson.seed) && lesson.seed >= 0 && lesson.seed < 2 ** 32).toBe(true);
        if (lesson.weeks !== undefined) expect(Number.isInteger(lesson.weeks) && lesson.weeks >= 1 && lesson.weeks <= 5200).toBe(true);
        if (lesson.choropleth !== undefined) expect(LAYERS).toContain(lesson.choropleth);
        for (const step of lesson.steps) {
          const action = step.action;
          if (action?.kind === 'choropleth') expect(LAYERS).toContain(action.layer);
          if (action?.kind === 'setParam') {
            const spec = paramSpec(action.name);
            expect(spec, `setParam ${action.name}`).toBeDefined();
            if (spec) expect(checkParamValue(spec, action.value), action.name).toBeNull();
          }
        }
      });

      it('has steps and questions, every text in English, French and Spanish', () => {
        expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
        expect(lesson.questions.length).toBeGreaterThanOrEqual(1);
        for (const { where, text } of texts(lesson)) {
          for (const language of LANGUAGES) expect(text[language]?.trim().length, `${where}.${language}`).toBeGreaterThan(0);
          // A translation, not the English text copied over.
          expect(text.fr, `${where}.fr`).not.toBe(text.en);
          expect(text.es, `${where}.es`).not.toBe(text.en);
        }
      });
    });
  }
});
