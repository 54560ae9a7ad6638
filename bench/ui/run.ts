/**
 * `npm run bench:ui`: the web app in headless Chromium with software WebGL (SwiftShader): frames
 * per second, weeks simulated per second and input latency while the worker runs, at about 10⁴
 * and 10⁵ agents (two-hubs) and world-2019 at its default scale; then a long session (frames and
 * heap in a window at the start against a window after ten simulated years). Writes
 * bench/ui-results.json and the `bench:ui` block of docs/PERFORMANCE.md.
 *
 *   npm run bench:ui                 everything
 *   npm run bench:ui -- --no-write   prints the results, writes nothing
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Simulation } from '../../src/model/simulation.ts';
import { buildRunSpec } from '../../src/worker/run-spec.ts';
import { lookupWorld } from '../../worlds/index.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../../tests/e2e/support/paths.ts';
import { buildAndServe, ensureChromium } from '../../tests/e2e/support/serve.ts';
import { heapAfterGc, installLatencyProbe, measurePauseLatency, measureWindow, median, percentile, shownWeek, windowProblems, type Window } from './measure.ts';
import { writeDocBlock } from './report.ts';

const RESULTS_PATH = resolve(REPO_ROOT, 'bench/ui-results.json');
const DIST = resolve(REPO_ROOT, 'bench/tmp/ui-dist');
/** Seconds of each measured window, and pause clicks per case. */
const WINDOW_SECONDS = 8;
const CLICKS = 8;
/** The speed control's top (weeks per second) for throughput; a classroom speed for the long session. */
const FAST_SPEED = 104;
const SESSION_SPEED = 6;
/**
 * The long session's second window starts after ten simulated years; its run is two years longer
 * (a link's `weeks`), so that at SESSION_SPEED the window ends before the run's last week.
 */
const LATE_WEEK = 520;
const SESSION_WEEKS = 624;

export interface UiCase {
  name: string;
  world: string;
  scenario: string;
  /** The scenario's weeks (the app runs that long). */
  weeks: number;
  /** Scale from `npm run bench`'s search for 10⁴ and 10⁵ agents at week 0 (bench/results.json); none: the world's default. */
  scale?: number;
}

const CASES: UiCase[] = [
  { name: '10⁴', world: 'two-hubs', scenario: 'baseline', weeks: 520, scale: 8.044 },
  { name: '10⁵', world: 'two-hubs', scenario: 'baseline', weeks: 520, scale: 82.173 },
  { name: 'world-2019', world: 'world-2019', scenario: 'baseline-2019', weeks: 520 },
];

/** The machine's load average (1, 5, 15 min) and `uptime`'s line, when a case starts. */
export interface Load {
  loadAverage: number[];
  uptime: string;
}

function load(): Load {
  let uptime = '';
  try {
    uptime = execFileSync('uptime').toString().trim();
  } catch {
    // No uptime command: the load average alone says it.
  }
  return { loadAverage: os.loadavg().map((x) => +x.toFixed(2)), uptime };
}

export interface CaseResult {
  case: UiCase;
  load: Load;
  /** Why figures of this case are not valid (empty when all are). */
  problems: string[];
  agentsAtWeek0: number;
  loadSeconds: number;
  speedSetting: number;
  window: Window;
  latencyMs: { median: number; p95: number; max: number; samples: number[] };
}

export interface SessionResult {
  case: UiCase;
  load: Load;
  problems: string[];
  speedSetting: number;
  early: Window & { heapMb: number };
  late: Window & { heapMb: number };
  fpsChange: number;
  heapChange: number;
}

/** Agents at week 0 for the case, counted in Node with the same core (as `npm run bench` counts them). */
function agentsAtWeek0(c: UiCase): number {
  const { spec } = buildRunSpec({ world: c.world, scenario: c.scenario, seed: 1, params: c.scale ? { scale: c.scale } : {} });
  const simulation = new Simulation(spec, lookupWorld(c.world));
  simulation.warmUp();
  return simulation.agentCount();
}

function stateHash(c: UiCase): string {
  const query = new URLSearchParams({ world: c.world, scenario: c.scenario, seed: '1', weeks: String(c.weeks) });
  if (c.scale !== undefined) query.set('params', JSON.stringify({ scale: c.scale }));
  return `#${query.toString()}`;
}

async function openCase(browser: Browser, url: string, c: UiCase): Promise<{ page: Page; loadSeconds: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx keeps function names with a __name helper that the page lacks: give it one.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(url + stateHash(c));
  await page.waitForFunction(() => typeof (window as unknown as { glocal?: unknown }).glocal === 'object', undefined, { timeout: 300_000 });
  await page.evaluate(() => (window as unknown as { glocal: { ready: Promise<void> } }).glocal.ready);
  return { page, loadSeconds: (Date.now() - started) / 1000 };
}

async function setSpeed(page: Page, speed: number): Promise<number> {
  await page.getByTestId('speed').fill(String(speed));
  return Number(await page.getByTestId('speed').inputValue());
}

async function setPlaying(page: Page, playing: boolean): Promise<void> {
  const play = page.getByTestId('play');
  if (((await play.getAttribute('aria-pressed')) === 'true') !== playing) await play.click();
}

/** Resets the run, waits until the rebuilt world is shown at week 0, plays, and waits until weeks flow. */
async function resetAndPlay(page: Page): Promise<void> {
  await setPlaying(page, false);
  await page.getByTestId('reset').click();
  // The reset rebuilds the world (seconds for world-2019): wait until it is built and at week 0.
  await page.waitForFunction(() => {
    const app = document.querySelector('glocal-app') as unknown as { loading: boolean; main: { week: number } } | null;
    return app !== null && !app.loading && app.main.week === 0;
  }, undefined, { timeout: 600_000, polling: 100 });
  await setPlaying(page, true);
  await waitForWeek(page, 2);
  // Weeks flow: the next one arrives before the window opens.
  await waitForWeek(page, (await shownWeek(page)) + 1);
}

async function measureCase(browser: Browser, url: string, c: UiCase): Promise<CaseResult> {
  const agents = agentsAtWeek0(c);
  const { page, loadSeconds } = await openCase(browser, url, c);
  try {
    const speedSetting = await setSpeed(page, FAST_SPEED);
    await installLatencyProbe(page);
    // From week 0, so the run (c.weeks long) does not end inside the window.
    await resetAndPlay(page);
    const atStart = load();
    const window = await measureWindow(page, WINDOW_SECONDS);
    const problems = windowProblems(window, 'window');
    if (window.seconds < WINDOW_SECONDS - 0.5) console.error(`bench:ui: ${c.name}: the run ended ${window.seconds.toFixed(1)} s into the window; measured until then`);
    const samples = await measurePauseLatency(page, CLICKS, c.weeks);
    if (samples.length !== CLICKS || !samples.every((x) => Number.isFinite(x) && x >= 0)) problems.push(`latency: ${samples.length} valid clicks of ${CLICKS}`);
    await setPlaying(page, false);
    return {
      case: c,
      load: atStart,
      problems,
      agentsAtWeek0: agents,
      loadSeconds,
      speedSetting,
      window,
      latencyMs: { median: median(samples), p95: percentile(samples, 0.95), max: Math.max(...samples), samples },
    };
  } finally {
    await page.context().close();
  }
}

async function waitForWeek(page: Page, week: number): Promise<void> {
  await page.waitForFunction((w) => {
    const find = (root: Document | ShadowRoot): Element | null =>
      root.querySelector('[data-testid="week"]') ??
      Array.from(root.querySelectorAll('*')).reduce<Element | null>((hit, e) => hit ?? (e.shadowRoot ? find(e.shadowRoot) : null), null);
    return Number(find(document)?.textContent) >= w;
  }, week, { timeout: 600_000, polling: 100 });
}

/** The same classroom speed in a window at the start and one after ten simulated years (fast-forwarded between). */
async function measureSession(browser: Browser, url: string, c: UiCase): Promise<SessionResult> {
  const { page } = await openCase(browser, url, c);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    const speedSetting = await setSpeed(page, SESSION_SPEED);
    await resetAndPlay(page);
    const atStart = load();
    await page.waitForTimeout(1_000);
    const early = { ...(await measureWindow(page, WINDOW_SECONDS)), heapMb: await heapAfterGc(cdp) };
    await setSpeed(page, FAST_SPEED);
    await waitForWeek(page, LATE_WEEK - 60);
    await setSpeed(page, SESSION_SPEED * 4);
    await waitForWeek(page, LATE_WEEK);
    await setSpeed(page, SESSION_SPEED);
    await page.waitForTimeout(1_000);
    const late = { ...(await measureWindow(page, WINDOW_SECONDS)), heapMb: await heapAfterGc(cdp) };
    await setPlaying(page, false);
    const problems = [...windowProblems(early, 'first window'), ...windowProblems(late, 'late window')];
    if (late.weekTo >= c.weeks) problems.push(`late window: the run reached its last week (${late.weekTo}), so the map stopped moving`);
    if (!(early.heapMb > 0 && late.heapMb > 0)) problems.push('heap: not measured');
    return { case: c, load: atStart, problems, speedSetting, early, late, fpsChange: late.fps / early.fps - 1, heapChange: late.heapMb / early.heapMb - 1 };
  } finally {
    await page.context().close();
  }
}

function machine(browserVersion: string) {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  return {
    date: new Date().toISOString(),
    commit,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
    uptime: load().uptime,
    chromium: browserVersion,
    node: process.version,
    flags: CHROMIUM_ARGS,
  };
}

async function main(): Promise<void> {
  const write = !process.argv.includes('--no-write');
  ensureChromium();
  console.error('bench:ui: building the app…');
  const app = await buildAndServe(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const meta = machine(browser.version());
    const cases: CaseResult[] = [];
    for (const c of CASES) {
      console.error(`bench:ui: ${c.name} (${c.world}${c.scale ? `, scale ${c.scale}` : ''})…`);
      cases.push(await measureCase(browser, app.url, c));
      const last = cases[cases.length - 1];
      console.error(JSON.stringify(last.window), 'latency median', last.latencyMs.median, 'load', last.load.loadAverage.join(' '));
    }
    console.error('bench:ui: long session at 10⁴ agents…');
    const session = await measureSession(browser, app.url, { ...CASES[0], weeks: SESSION_WEEKS });
    const results = { machine: meta, loadAtEnd: load(), windowSeconds: WINDOW_SECONDS, cases, session };
    for (const p of [...cases.flatMap((c) => c.problems.map((x) => `${c.case.name}: ${x}`)), ...session.problems.map((x) => `long session: ${x}`)]) console.error(`bench:ui: INVALID ${p}`);
    console.log(JSON.stringify(results, null, 2));
    if (write) {
      writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
      writeDocBlock(resolve(REPO_ROOT, 'docs/PERFORMANCE.md'), results);
      console.error('bench:ui: wrote bench/ui-results.json and the bench:ui block of docs/PERFORMANCE.md');
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
