import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { E2E_ROOT } from './paths.ts';

/** A page of the app with what it logged and fetched since it opened. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Every console message (any type), as `type: text`. */
  messages: string[];
  /** Every URL the page (and its workers) asked for. */
  requests: string[];
  close(): Promise<void>;
}

let browser: Browser | null = null;

/** The one Chromium started by global-setup (connected once per test file). */
export async function connectBrowser(): Promise<Browser> {
  browser ??= await chromium.connect(inject('browserEndpoint'));
  return browser;
}

export async function disconnectBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/** The app's URL with a state suffix (`#world=…` as the share link writes it, or `?…`). */
export function appUrl(suffix = ''): string {
  return inject('appUrl') + (suffix && !/^[?#]/.test(suffix) ? `#${suffix}` : suffix);
}

/**
 * Opens the built app (with an optional state suffix of the URL) in a fresh context, records
 * console errors and requests, and waits for `window.glocal.ready`.
 */
export async function openApp(query = '', options: { viewport?: { width: number; height: number } } = {}): Promise<AppPage> {
  const b = await connectBrowser();
  const context = await b.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const messages: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    messages.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  context.on('request', (request) => requests.push(request.url()));
  await page.goto(appUrl(query));
  await waitReady(page);
  return { page, context, errors, messages, requests, close: () => context.close() };
}

/** Waits until the app says it is ready (world built in the worker, first frame drawn). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => typeof (window as unknown as { glocal?: unknown }).glocal === 'object', undefined, {
    timeout: 60_000,
  });
  await page.evaluate(() => (window as unknown as { glocal: { ready: Promise<void> } }).glocal.ready);
}

/** The app's state as `window.glocal.state()` reports it. */
export interface AppState {
  world: string;
  scenario: string;
  seed: number;
  params: Record<string, number | boolean | string>;
  policy: unknown[];
  /** Compare mode's library scheme ('' when none). */
  scheme: string;
  week: number;
  exploratory: boolean;
  /** A world or run is being built: the week shown may still be the previous run's. */
  loading: boolean;
}

export function appState(page: Page): Promise<AppState> {
  return page.evaluate(() => (window as unknown as { glocal: { state(): AppState } }).glocal.state());
}

export const byTestId = (page: Page, id: string): Locator => page.getByTestId(id);

/** The week shown in the `week` element. */
export async function shownWeek(page: Page): Promise<number> {
  const text = (await byTestId(page, 'week').textContent())?.trim() ?? '';
  const week = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(week)) throw new Error(`week element shows "${text}", expected a week number`);
  return week;
}

/** Waits until the shown week reaches at least `week`. */
export async function waitForWeek(page: Page, week: number, timeout = 120_000): Promise<number> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await shownWeek(page);
    if (shown >= week) return shown;
    if (Date.now() > deadline) throw new Error(`the week stayed at ${shown}, expected it to reach ${week}`);
    await page.waitForTimeout(100);
  }
}

/** Makes sure the simulation is paused (the play button's aria-pressed is false). */
export async function pause(page: Page): Promise<void> {
  const play = byTestId(page, 'play');
  if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
  // A pause shows at once, with no wait for the worker.
  await expectAttribute(play, 'aria-pressed', 'false', 5_000);
  await settled(page);
}

/**
 * Waits until a pause has settled: the worker call in flight when it was pressed has landed
 * (`aria-busy` on the play button), so the week on screen no longer changes. On a big world and
 * a busy machine that call can take seconds (speed is the benchmark's business, not a test's).
 */
export async function settled(page: Page): Promise<void> {
  await expectAttribute(byTestId(page, 'play'), 'aria-busy', 'false', 90_000);
}

/** Makes sure the simulation is playing. */
export async function play(page: Page): Promise<void> {
  const button = byTestId(page, 'play');
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await expectAttribute(button, 'aria-pressed', 'true', 30_000);
}

/** Polls an attribute until it has the value (playwright-core has no web-first assertions). */
export async function expectAttribute(locator: Locator, name: string, value: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const current = await locator.getAttribute(name);
    if (current === value) return;
    if (Date.now() > deadline) throw new Error(`${name} is ${JSON.stringify(current)}, expected ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Saves a screenshot of the page as a test artifact under test-results/e2e/. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(E2E_ROOT, { recursive: true });
  const path = resolve(E2E_ROOT, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Requests that left the app's own origin. */
export function foreignRequests(requests: readonly string[]): string[] {
  const origin = new URL(inject('appUrl')).origin;
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
}

/** What a test sets up through the controls before a run (each optional). */
export interface RunSetup {
  world?: string;
  scenario?: string;
  seed?: number;
  params?: Record<string, number | string>;
}

/** Polls `state()` until `accept` holds. */
export async function waitForState(page: Page, accept: (state: AppState) => boolean, what: string, timeout = 60_000): Promise<AppState> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await appState(page);
    if (accept(state)) return state;
    if (Date.now() > deadline) throw new Error(`state never showed ${what}: ${JSON.stringify(state)}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Sets world, scenario, seed and parameters through the controls (as a user would), then
 * applies them: `apply-params` applies and resets; without parameters, `reset` resets.
 * Waits until the app's state holds them at week 0.
 */
export async function configure(page: Page, setup: RunSetup): Promise<AppState> {
  await pause(page);
  if (setup.world !== undefined) {
    await byTestId(page, 'world').selectOption(setup.world);
    await waitForState(page, (s) => s.world === setup.world, `world ${setup.world}`);
  }
  if (setup.scenario !== undefined) {
    await byTestId(page, 'scenario').selectOption(setup.scenario);
    await waitForState(page, (s) => s.scenario === setup.scenario, `scenario ${setup.scenario}`);
  }
  if (setup.seed !== undefined) {
    await byTestId(page, 'seed').fill(String(setup.seed));
    await byTestId(page, 'seed').press('Enter');
  }
  const params = Object.entries(setup.params ?? {});
  for (const [name, value] of params) {
    const input = byTestId(page, `param-${name}`);
    if ((await input.evaluate((e) => e.tagName)) === 'SELECT') await input.selectOption(String(value));
    else await input.fill(String(value));
  }
  await pause(page);
  await byTestId(page, params.length > 0 ? 'apply-params' : 'reset').click();
  return waitForState(
    page,
    (s) =>
      s.week === 0 &&
      (setup.seed === undefined || s.seed === setup.seed) &&
      params.every(([name, value]) => s.params[name] === value),
    `the setup ${JSON.stringify(setup)} at week 0`,
  );
}

/** Plays at `speed` weeks per second until the shown week reaches `weeks`, then pauses. */
export async function playTo(page: Page, weeks: number, speed = 26): Promise<number> {
  await byTestId(page, 'speed').fill(String(speed));
  await play(page);
  await waitForWeek(page, weeks);
  await pause(page);
  // The request in flight when paused may still add weeks: wait until the week holds still.
  let week = await shownWeek(page);
  for (;;) {
    await page.waitForTimeout(300);
    const now = await shownWeek(page);
    if (now === week) return week;
    week = now;
  }
}

/** Clicks a control that downloads a file and returns the file's name and bytes. */
export async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), byTestId(page, testId).click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/**
 * Clicks lead-firm plant `plant`'s marker on the main map (where the map last drew it), as a user
 * would to open it in the inspector.
 */
export async function clickPlant(page: Page, plant: number): Promise<void> {
  const at = await page.evaluate((id) => {
    type Map = { testid: string; view: { markerOnScreen(kind: 'plant', id: number): { x: number; y: number } | null } | null };
    const find = (root: Document | ShadowRoot): Map | null => {
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (element.tagName === 'GLOCAL-MAP' && (element as unknown as Map).testid === 'map') return element as unknown as Map;
        const inside = element.shadowRoot ? find(element.shadowRoot) : null;
        if (inside) return inside;
      }
      return null;
    };
    return find(document)?.view?.markerOnScreen('plant', id) ?? null;
  }, plant);
  if (!at) throw new Error(`plant ${plant} has no marker on the map`);
  await byTestId(page, 'map').click({ position: at });
}

/** Calls a method of the worker API from the page (`window.glocal.api`) and returns its result. */
export function callApi<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ([name, list]) => {
      const api = (window as unknown as { glocal: { api: Record<string, (...a: unknown[]) => Promise<unknown>> } }).glocal.api;
      return api[name as string](...(list as unknown[]));
    },
    [method, args] as const,
  ) as Promise<T>;
}
