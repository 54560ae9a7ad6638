import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/app/lessons/index.ts';
import type { Language } from '../../src/app/lessons/types.ts';
import { appState, byTestId, disconnectBrowser, download, openApp, pause, shownWeek, waitForState, waitForWeek, type AppPage } from './support/app.ts';

/** The visible UI strings: labels, buttons, headings, options and aria-labels, through every open shadow root. */
function uiStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    const selector = 'button, label, legend, h1, h2, h3, h4, option, summary, th, [aria-label], [title]';
    const visit = (root: Document | ShadowRoot) => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (!element.matches(selector)) continue;
        for (const text of [element.getAttribute('aria-label'), element.getAttribute('title'), element.children.length === 0 ? element.textContent : null]) {
          const trimmed = text?.replace(/\s+/g, ' ').trim();
          if (trimmed) found.add(trimmed);
        }
      }
    };
    visit(document);
    return Array.from(found);
  });
}

/**
 * Strings that read the same in every language: numbers, codes, acronyms, proper names, and
 * identifiers (parameter, scenario and option names such as `freightPerUnitKm`, `hub-lockdown`).
 * Parameter tooltips quote the one parameter schema (English, with their sources) and are model
 * documentation rather than UI messages: they are left out too.
 */
function neutral(text: string): boolean {
  if (!/\p{L}{4,}/u.test(text)) return true;
  if (/^[a-z][A-Za-z0-9]*(-[a-z0-9]+)*( \(.*\))?$/.test(text)) return true; // an identifier, maybe with its unit and range
  if (/\bSource: /.test(text)) return true;
  if (/^[\p{Lu}\d\s\-–_./·:%()+×]+$/u.test(text)) return true; // GLOBAL, CSV, PNG, NOR, 2019
  if (/^(English|Français|Español|two-hubs|world-2019|Glocal|Gapminder|Natural Earth)$/i.test(text)) return true;
  return /^(Norland|Lakeshore|Mezquita|Solano|Valderra|Corvina|Sahelia|Kalinda|Hanzhou|Kirana|Tamara|Shoreni|Atlantica|Meridia|Orienta)\b/.test(text);
}

describe('lessons and languages', () => {
  let app: AppPage;

  beforeAll(async () => {
    app = await openApp('', { viewport: { width: 1400, height: 900 } });
  });

  afterAll(async () => {
    await app?.close();
    await disconnectBrowser();
  });

  for (const lesson of LESSONS) {
    it(`lesson "${lesson.id}" loads its world and scenario, shows its text and runs`, async () => {
      const { page } = app;
      await pause(page);
      await byTestId(page, 'lesson').selectOption(lesson.id);
      // The lesson's panel shows its title and first step (the picker's option is not enough).
      await expectVisibleText(page, lesson.title.en);
      await expectVisibleText(page, lesson.steps[0].text.en);
      const state = await waitForState(
        page,
        (s) => s.world === lesson.world && s.seed === lesson.seed && Object.entries(lesson.params ?? {}).every(([k, v]) => s.params[k] === v),
        `lesson ${lesson.id}`,
      );
      // Until the lesson's run is built, the week shown is the previous run's (it may be past 3).
      await waitForLessonRun(page, lesson);
      if (typeof lesson.scenario === 'string') expect(state.scenario).toBe(lesson.scenario);
      else await expectLessonScenarioExported(page, lesson.scenario);
      if (lesson.choropleth) expect(await byTestId(page, 'choropleth').inputValue()).toBe(lesson.choropleth);
      // It runs: a lesson whose first step plays starts by itself (give its action time to land
      // before touching Play, or the two race); any other lesson is started with Play.
      const startsItself = lesson.steps[0].action?.kind === 'play';
      if (startsItself) await waitForWeek(page, 1);
      else await byTestId(page, 'play').click();
      await waitForWeek(page, 3);
      await pause(page);
      expect(await shownWeek(page)).toBeGreaterThanOrEqual(3);
      expect(app.errors).toEqual([]);
    });
  }

  it('renders every language with its own messages (no missing translation, no message id)', async () => {
    const { page } = app;
    await byTestId(page, 'lesson').selectOption(LESSONS[0].id);
    await waitForState(page, (s) => s.world === LESSONS[0].world, 'the first lesson');
    await byTestId(page, 'language').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const english = new Set(await uiStrings(page));
    const stepName = await byTestId(page, 'step').textContent();
    expect(english.size).toBeGreaterThan(20);
    for (const language of ['fr', 'es'] as Language[]) {
      await byTestId(page, 'language').selectOption(language);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      // The step button's label is a UI message ("Step one week"): it changes with the language.
      const deadline = Date.now() + 10_000;
      while ((await byTestId(page, 'step').textContent()) === stepName && Date.now() < deadline) await page.waitForTimeout(100);
      expect(await byTestId(page, 'step').textContent()).not.toBe(stepName);
      await page.waitForTimeout(300);
      const strings = await uiStrings(page);
      const untranslated = strings.filter((s) => english.has(s) && !neutral(s));
      // A few words are spelled the same in two languages; a missing catalogue would show dozens.
      expect(untranslated.length, `${language}: still in English: ${untranslated.join(' | ')}`).toBeLessThanOrEqual(Math.max(2, strings.length * 0.05));
      expect(strings.filter((s) => /\bs[0-9a-f]{16}\b|\$\{|\{\d\}|undefined|NaN/.test(s)), `${language}: raw message ids or placeholders`).toEqual([]);
      await expectVisibleText(page, LESSONS[0].title[language]);
      await expectVisibleText(page, LESSONS[0].steps[0].text[language]);
    }
    await byTestId(page, 'language').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect((await appState(page)).world).toBe(LESSONS[0].world);
    expect(app.errors).toEqual([]);
  });
});

/** The scenario the app exports holds the lesson's own shocks and policy. */
async function expectLessonScenarioExported(page: Page, scenario: Record<string, unknown>): Promise<void> {
  const file = await download(page, 'export-scenario');
  const exported = JSON.parse(file.bytes.toString('utf8')) as Record<string, unknown>;
  const pick = (items: unknown, keys: string[]) =>
    ((items as Record<string, unknown>[] | undefined) ?? []).map((item) => Object.fromEntries(keys.map((k) => [k, item[k]])));
  expect(pick(exported.shocks, ['kind', 'target', 'start', 'weeks'])).toEqual(pick(scenario.shocks, ['kind', 'target', 'start', 'weeks']));
  expect(pick(exported.policy, ['instrument', 'target', 'level', 'week'])).toEqual(pick(scenario.policy, ['instrument', 'target', 'level', 'week']));
}

async function expectVisibleText(page: Page, text: string): Promise<void> {
  const locator = page.getByText(text, { exact: false }).filter({ visible: true }).first();
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
}

/** Waits until the app's main run is the lesson's (its world, seed and scenario) and is built. */
async function waitForLessonRun(page: Page, lesson: (typeof LESSONS)[number]): Promise<void> {
  const scenario = typeof lesson.scenario === 'string' ? lesson.scenario : `lesson-${lesson.id}`;
  await page.waitForFunction(
    ({ world, seed, scenario }) => {
      const glocal = (window as unknown as { glocal: { runs(): { main: { world: string; seed: number; scenario: unknown } | null }; state(): { loading: boolean } } }).glocal;
      const main = glocal.runs().main;
      if (!main || main.world !== world || main.seed !== seed) return false;
      const name = typeof main.scenario === 'string' ? main.scenario : (main.scenario as { name?: string } | null)?.name;
      return name === scenario && !glocal.state().loading;
    },
    { world: lesson.world, seed: lesson.seed, scenario },
    { timeout: 120_000, polling: 100 },
  );
}
