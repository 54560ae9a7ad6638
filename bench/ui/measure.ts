import type { CDPSession, Page } from 'playwright-core';

/**
 * Measurements made inside the page (the bench is outside the deterministic core: it reads
 * clocks). Frames are counted with requestAnimationFrame, which pixi's ticker also runs on, so a
 * slow map render shows as fewer frames.
 */

/** Frames and weeks over one measured window while the simulation plays. */
export interface Window {
  seconds: number;
  frames: number;
  fps: number;
  /** 95th percentile of the time between frames (ms). */
  frameP95Ms: number;
  weekFrom: number;
  weekTo: number;
  weeksPerSecond: number;
  /** Frames of the map itself (the app spaces them while playing; see src/app/app.ts). */
  mapFrames: number;
  mapFps: number;
}

/** Frames the (first) map has drawn since it was created. */
async function mapDraws(page: Page): Promise<number> {
  return page.evaluate(() => {
    const app = document.querySelector('glocal-app') as unknown as { maps(): { view: { draws: number } | null }[] } | null;
    return app?.maps()[0]?.view?.draws ?? NaN;
  });
}

/** Why a window's figures are not valid (empty when they are). */
export function windowProblems(w: Window, label: string): string[] {
  const problems: string[] = [];
  if (!(w.frames >= 2 && Number.isFinite(w.fps) && w.fps > 0)) problems.push(`${label}: fewer than 2 frames counted`);
  if (!(w.seconds >= 2)) problems.push(`${label}: the run ended ${w.seconds.toFixed(1)} s into the window (too short to measure)`);
  if (!(w.weekTo > w.weekFrom)) problems.push(`${label}: the week did not advance (${w.weekFrom} → ${w.weekTo}), so the worker was not running`);
  if (!Number.isFinite(w.mapFps)) problems.push(`${label}: the map's frames could not be counted`);
  return problems;
}

/** The week shown by the `week` element (through the app's shadow roots). */
export async function shownWeek(page: Page): Promise<number> {
  return Number((await page.getByTestId('week').textContent())?.trim());
}

/**
 * Counts animation frames and the weeks advanced over `seconds` of wall time, or until the run
 * ends (its last week shown), whichever comes first: a run that ended is no longer measured.
 */
export async function measureWindow(page: Page, seconds: number): Promise<Window> {
  const weekFrom = await shownWeek(page);
  const drawsFrom = await mapDraws(page);
  const frames = await page.evaluate(
    (ms) =>
      new Promise<number[]>((done) => {
        const times: number[] = [];
        const start = performance.now();
        const app = document.querySelector('glocal-app') as unknown as { main: { done: boolean } } | null;
        const tick = (now: number) => {
          times.push(now);
          if (now - start < ms && !app?.main.done) requestAnimationFrame(tick);
          else done(times);
        };
        requestAnimationFrame(tick);
      }),
    seconds * 1000,
  );
  const weekTo = await shownWeek(page);
  const mapFrames = (await mapDraws(page)) - drawsFrom;
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const elapsed = (frames[frames.length - 1] - frames[0]) / 1000;
  return {
    seconds: elapsed,
    frames: frames.length - 1,
    fps: (frames.length - 1) / elapsed,
    frameP95Ms: gaps[Math.floor(gaps.length * 0.95)] ?? NaN,
    weekFrom,
    weekTo,
    weeksPerSecond: (weekTo - weekFrom) / elapsed,
    mapFrames,
    mapFps: mapFrames / elapsed,
  };
}

/**
 * Installs a probe: from the pointerdown of a click on the play button to the first animation
 * frame after its `aria-pressed` changed (the frame that shows the response).
 */
export async function installLatencyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const deep = (root: Document | ShadowRoot, selector: string): Element | null => {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const element of Array.from(root.querySelectorAll('*'))) {
        const inner = element.shadowRoot ? deep(element.shadowRoot, selector) : null;
        if (inner) return inner;
      }
      return null;
    };
    const play = deep(document, '[data-testid="play"]');
    if (!play) throw new Error('no play button');
    const probe = { pressedAt: 0, latencies: [] as number[] };
    (window as unknown as { latencyProbe: typeof probe }).latencyProbe = probe;
    window.addEventListener('pointerdown', (event) => (probe.pressedAt = event.timeStamp), { capture: true });
    // The button may be re-rendered as a new element: watch its whole shadow root for a change of state.
    let pressed = play.getAttribute('aria-pressed');
    new MutationObserver(() => {
      const now = deep(document, '[data-testid="play"]')?.getAttribute('aria-pressed') ?? null;
      if (now === pressed) return;
      pressed = now;
      const pressedAt = probe.pressedAt;
      requestAnimationFrame(() => probe.latencies.push(performance.now() - pressedAt));
    }).observe(play.getRootNode(), { attributes: true, childList: true, subtree: true, attributeFilter: ['aria-pressed'] });
  });
}

/**
 * Clicks pause while the worker runs, `count` times (playing again in between); latencies in ms.
 * A run near its last week (`lastWeek`) is reset first, so that there is always a running worker.
 */
export async function measurePauseLatency(page: Page, count: number, lastWeek: number): Promise<number[]> {
  const play = page.getByTestId('play');
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    if ((await shownWeek(page)) > lastWeek - 104) {
      await page.getByTestId('reset').click();
      for (let tries = 0; tries < 100 && (await shownWeek(page)) > 52; tries++) await page.waitForTimeout(100);
    }
    if ((await play.getAttribute('aria-pressed')) !== 'true') await play.click();
    // Weeks flowing again (a click on a run that is not running would measure nothing).
    const before = await shownWeek(page);
    for (let tries = 0; tries < 600 && (await shownWeek(page)) === before; tries++) await page.waitForTimeout(50);
    await page.waitForTimeout(300);
    await page.evaluate(() => ((window as unknown as { latencyProbe: { latencies: number[] } }).latencyProbe.latencies.length = 0));
    await play.click();
    await page.waitForFunction(() => (window as unknown as { latencyProbe: { latencies: number[] } }).latencyProbe.latencies.length > 0);
    latencies.push(await page.evaluate(() => (window as unknown as { latencyProbe: { latencies: number[] } }).latencyProbe.latencies[0]));
    // Let the call in flight land before the next click.
    for (let tries = 0; tries < 600 && (await play.getAttribute('aria-busy')) === 'true'; tries++) await page.waitForTimeout(50);
  }
  return latencies;
}

/** The page's JavaScript heap after a full garbage collection (MB), through the DevTools protocol. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  return used / 2 ** 20;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}
