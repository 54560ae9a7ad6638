/**
 * `node bin/run-ts.mjs bench/ui/profile.ts [case] [seconds]`: a developer's tool, not a benchmark.
 * Builds the app unminified, opens a bench:ui case (10k, 100k or world-2019) in headless Chromium
 * with software WebGL, plays at the top speed and records the UI thread's CPU profile (DevTools
 * protocol) and main-thread busy time. Prints the functions with the most self time and writes the
 * profile to bench/tmp/ui-profile.cpuprofile (open it in Chrome DevTools → Performance).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../../tests/e2e/support/paths.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const HASHES: Record<string, string> = {
  '10k': '#world=two-hubs&scenario=baseline&seed=1&params=%7B%22scale%22%3A8.044%7D',
  '100k': '#world=two-hubs&scenario=baseline&seed=1&params=%7B%22scale%22%3A82.173%7D',
  'world-2019': '#world=world-2019&scenario=baseline-2019&seed=1',
};

async function serve(outDir: string): Promise<{ url: string; close(): Promise<void> }> {
  mkdirSync(outDir, { recursive: true });
  const config = { root: REPO_ROOT, configFile: resolve(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' as const };
  await build({ ...config, build: { outDir, emptyOutDir: true, minify: false } });
  const server = await preview({ ...config, build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  return { url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`, close: () => server.close() };
}

function topSelfTime(nodes: ProfileNode[], samples: number, seconds: number): string[] {
  const byName = new Map<string, number>();
  for (const node of nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  return [...byName.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([name, hits]) => `${((hits / samples) * seconds * 1000).toFixed(0).padStart(6)} ms  ${name}`);
}

/** CPU seconds (user + system) of the browser's child processes by type (gpu-process, renderer, …). */
function childCpu(browserPid: number): Record<string, number> {
  const out: Record<string, number> = {};
  const tick = 100; // USER_HZ on Linux
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args=']).toString().split('\n').map((line) => line.trim().split(/\s+/));
  const family = new Set([browserPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) if (family.has(Number(ppid)) && !family.has(Number(pid))) (family.add(Number(pid)), (grew = true));
  }
  for (const [pid, , ...args] of rows) {
    if (!family.has(Number(pid))) continue;
    const type = args.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out[type] = (out[type] ?? 0) + (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

async function main(): Promise<void> {
  const which = process.argv[2] ?? '10k';
  const seconds = Number(process.argv[3] ?? 6);
  const app = await serve(resolve(REPO_ROOT, 'bench/tmp/ui-profile-dist'));
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const browserPid = server.process().pid ?? 0;
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // tsx keeps function names with a __name helper that the page lacks: give it one.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    page.on('console', (m) => console.error(`console.${m.type()}: ${m.text().slice(0, 200)}`));
    await page.goto(app.url + HASHES[which]);
    await page.waitForFunction(() => typeof (window as unknown as { glocal?: unknown }).glocal === 'object', undefined, { timeout: 300_000 });
    await page.evaluate(() => (window as unknown as { glocal: { ready: Promise<void> } }).glocal.ready);
    await page.getByTestId('speed').fill('104');
    await page.waitForTimeout(2000);
    if (process.env.RENDER_COST) {
      // The cost of one map frame (drawn and waited for), in all and by layer.
      await page.getByTestId('play').click();
      await page.waitForTimeout(1000);
      const cost = await page.evaluate(() => {
        type Layer = { visible: boolean };
        type V = { render(t: number, animate: boolean, allow: boolean): void; viewport: { children: Layer[] }; app: { renderer: { gl: WebGL2RenderingContext } } };
        const app = document.querySelector('glocal-app') as unknown as { maps(): { view: V }[] };
        const view = app.maps()[0].view;
        const gl = view.app.renderer.gl;
        const px = new Uint8Array(4);
        const time = (n: number) => {
          const t0 = performance.now();
          for (let i = 0; i < n; i++) (view.render(performance.now(), true, true), gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px));
          return (performance.now() - t0) / n;
        };
        const out: Record<string, number> = { warm: time(3), frame: time(10) };
        const names = ['regions', 'overlays', 'selection', 'agents', 'arcs', 'dots', 'markers'];
        const layers = view.viewport.children;
        layers.forEach((_, only) => {
          layers.forEach((c, k) => (c.visible = k === only));
          out[names[only] ?? String(only)] = time(10);
        });
        // The regions layer without its outlines (its last child), and the outlines alone.
        const regions = layers[0] as unknown as { children: Layer[] };
        const outlines = regions.children[regions.children.length - 1];
        layers.forEach((c, k) => (c.visible = k === 0));
        outlines.visible = false;
        out['regions:fills'] = time(10);
        regions.children.forEach((c) => (c.visible = c === outlines));
        out['regions:outlines'] = time(10);
        regions.children.forEach((c) => (c.visible = true));
        layers.forEach((c) => (c.visible = true));
        out.width = gl.drawingBufferWidth;
        out.height = gl.drawingBufferHeight;
        return out;
      });
      console.log('render cost (ms per render):', JSON.stringify(cost));
      return;
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await metric();
    const cpuBefore = childCpu(browserPid);
    const mapDraws = () => page.evaluate(() => (document.querySelector('glocal-app') as unknown as { maps(): { view: { draws: number } }[] }).maps()[0].view.draws);
    const draws0 = await mapDraws();
    await cdp.send('Profiler.start');
    const frames = await page.evaluate(
      (ms) => new Promise<number>((done) => {
        let n = 0;
        const start = performance.now();
        const tick = (now: number) => (now - start < ms ? (n++, requestAnimationFrame(tick)) : done(n));
        requestAnimationFrame(tick);
      }),
      seconds * 1000,
    );
    const { profile } = await cdp.send('Profiler.stop');
    const after = await metric();
    const cpuAfter = childCpu(browserPid);
    const cpu = Object.keys(cpuAfter).map((k) => `${k} ${(((cpuAfter[k] - (cpuBefore[k] ?? 0)) / seconds) * 100).toFixed(0)} %`);
    console.log(`CPU of the browser's processes over the window (100 % = one core): ${cpu.join(', ')}; load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
    const draws = (await mapDraws()) - draws0;
    const busy = (k: string) => `${k} ${((after[k] - before[k]) * 1000).toFixed(0)} ms`;
    console.log(`${which}: ${frames} frames in ${seconds} s (${(frames / seconds).toFixed(1)} fps), ${draws} map frames (${(draws / seconds).toFixed(1)} per s); main thread: ${['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'].map(busy).join(', ')}`);
    const software = await page.evaluate(() => (document.querySelector('glocal-app') as unknown as { maps(): { view: { software: boolean } }[] }).maps()[0].view.software);
    console.log(`software WebGL detected: ${software}; week ${await page.getByTestId('week').textContent()}; heap ${(after.JSHeapUsedSize / 2 ** 20).toFixed(1)} MB`);
    const nodes = profile.nodes as ProfileNode[];
    console.log(topSelfTime(nodes, profile.samples?.length ?? 1, seconds).join('\n'));
    mkdirSync(resolve(REPO_ROOT, 'bench/tmp'), { recursive: true });
    writeFileSync(resolve(REPO_ROOT, 'bench/tmp/ui-profile.cpuprofile'), JSON.stringify(profile));
  } finally {
    await browser.close();
    await server.close();
    await app.close();
  }
}

await main();
