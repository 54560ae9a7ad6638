/**
 * `npm run bench:sweep`: throughput and memory of `glocal sweep` (see docs/PERFORMANCE.md).
 *
 * 1. Runs per minute of the same sweep at 1 and 2 workers (scaling efficiency = rate₂ / 2·rate₁),
 *    timed from the manifest's session start to its end (worker start-up included, process
 *    start-up not).
 * 2. Peak RSS of a sweep that writes more than 10⁷ result rows (Parquet only), sampled from
 *    /proc while it runs, against the rows finished so far: flat if the writer streams.
 *
 * Each sweep runs as `glocal sweep` in its own process. Outside the deterministic core: reads clocks.
 *
 *   npm run bench:sweep               both parts; rewrites bench/sweep/results.json and the section of docs/PERFORMANCE.md
 *   npm run bench:sweep -- --quick    smaller sweeps; prints, writes nothing
 *   npm run bench:sweep -- --no-write both parts; prints, writes nothing
 *   npm run bench:sweep -- --throughput-only   reruns part 1 and keeps part 2 from bench/sweep/results.json
 *   npm run bench:sweep -- --scaling [--workers 1,2,4,8]   part 1 only, at each worker count (default:
 *       1, 2, 4, … up to the cores) on a larger sweep; writes bench/sweep/scaling.json and its own
 *       section of docs/PERFORMANCE.md (for a machine with more cores than the reference one)
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGIONAL_INDICATORS } from '../../src/model/observe/indicators.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'glocal.mjs');
const RESULTS_PATH = join(ROOT, 'bench', 'sweep', 'results.json');
const DOC_PATH = join(ROOT, 'docs', 'PERFORMANCE.md');
const START_MARKER = '<!-- bench:sweep:start -->';
const END_MARKER = '<!-- bench:sweep:end -->';
const quick = process.argv.includes('--quick');
const write = !quick && !process.argv.includes('--no-write');
const throughputOnly = process.argv.includes('--throughput-only');
const scaling = process.argv.includes('--scaling');
const SCALING_PATH = join(ROOT, 'bench', 'sweep', 'scaling.json');
const SCALING_START = '<!-- bench:sweep:scaling:start -->';
const SCALING_END = '<!-- bench:sweep:scaling:end -->';

/** Weeks of each throughput run: ten years, as the scenarios run (short runs time start-up more than the sweep). */
const THROUGHPUT_WEEKS = 520;

/** Throughput sweep: two-hubs hub-lockdown (paired), one factor (at most 38 points) × seeds, ten years at full scale. */
function throughputSpec(points: number, seeds = 2): object {
  return {
    description: 'bench:sweep throughput',
    world: 'two-hubs',
    scenario: 'hub-lockdown',
    params: { scale: 1 },
    factors: { bassImitation: { values: Array.from({ length: points }, (_, i) => Number((0.1 + 0.05 * i).toFixed(2))) } },
    seeds,
    weeks: quick ? 104 : THROUGHPUT_WEEKS,
    metrics: ['fillRate', 'smeChainShare', 'smeAdoption', 'fillRate@bloc', 'lostFinalDeliveries'],
  };
}

/** Memory sweep: every headline indicator, globally and for each of the 12 regions, every week for ten years. */
function memorySpec(runs: number): object {
  const headline = REGIONAL_INDICATORS.filter((i) => i.headline).map((i) => i.name);
  return {
    description: 'bench:sweep memory (> 10⁷ rows)',
    world: 'two-hubs',
    scenario: 'baseline',
    params: { scale: 0.05, warmupWeeks: 8 },
    factors: { bassImitation: { values: Array.from({ length: runs / 2 }, (_, i) => Number((0.05 + 0.02 * i).toFixed(2))) } },
    seeds: 2,
    weeks: 520,
    metrics: headline.flatMap((name) => [name, `${name}@region`]),
  };
}

interface SweepRun {
  seconds: number;
  /** CPU seconds of the sweep process (every thread, V8's own included) and its wall seconds. */
  cpuSeconds: number;
  processSeconds: number;
  runs: number;
  rows: number;
  samples: { runsDone: number; rssMiB: number; seconds: number }[];
  peakRssMiB: number;
}

function procStatus(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU seconds of this process's waited-for children (cutime + cstime in /proc/self/stat). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): cutime and cstime are fields 16 and 17.
  const ticks = Number(fields[13]) + Number(fields[14]);
  return ticks / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
}

/** Runs `glocal sweep` on a spec in a child process, sampling its memory; returns the session's time. */
async function sweep(spec: object, workers: number, nodeFlags: string[] = []): Promise<SweepRun> {
  const work = mkdtempSync(join(os.tmpdir(), 'glocal-bench-sweep-'));
  const specPath = join(work, 'spec.json');
  writeFileSync(specPath, JSON.stringify(spec));
  const out = join(work, 'out');
  const cpuBefore = childrenCpuSeconds();
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [...nodeFlags, BIN, 'sweep', specPath, '--out', out, '--workers', String(workers), '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const samples: SweepRun['samples'] = [];
  const startedAt = Date.now();
  let peak = 0;
  const timer = setInterval(() => {
    const rss = procStatus(child.pid ?? 0, 'VmRSS');
    peak = Math.max(peak, procStatus(child.pid ?? 0, 'VmHWM') || 0);
    const parts = existsSync(join(out, 'parts')) ? readdirSync(join(out, 'parts')).filter((n) => n.endsWith('.bin')).length : 0;
    if (Number.isFinite(rss)) samples.push({ runsDone: parts, rssMiB: rss, seconds: (Date.now() - startedAt) / 1000 });
  }, 250);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  const processSeconds = (Date.now() - spawnedAt) / 1000;
  clearInterval(timer);
  if (code !== 0) throw new Error(`glocal sweep exited with ${code}`);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const session = manifest.provenance.sessions[0];
  rmSync(work, { recursive: true, force: true });
  return {
    seconds: (Date.parse(session.endedAt) - Date.parse(session.startedAt)) / 1000,
    cpuSeconds: childrenCpuSeconds() - cpuBefore,
    processSeconds,
    runs: manifest.runs.total,
    rows: manifest.outputs['results.parquet'].rows,
    samples,
    peakRssMiB: peak,
  };
}

/** RSS when a tenth, a quarter, half, three quarters and all of the runs were done (first sample at or past each mark). */
function rssByDecile(run: SweepRun): { share: number; runsDone: number; rssMiB: number }[] {
  // Samples after the parts folder is removed (the end) read 0 runs done: keep those before.
  const lastWithParts = run.samples.reduce((last, s, i) => (s.runsDone > 0 ? i : last), -1);
  const during = run.samples.slice(0, lastWithParts + 1);
  return [0.1, 0.25, 0.5, 0.75, 1].map((share) => {
    const mark = Math.max(1, Math.round(run.runs * share));
    const sample = during.find((s) => s.runsDone >= mark) ?? during[during.length - 1];
    return { share, runsDone: sample?.runsDone ?? 0, rssMiB: sample?.rssMiB ?? NaN };
  });
}

function commit(): string {
  // A copy of the tree without .git (another machine) names its commit in GLOCAL_COMMIT.
  if (process.env.GLOCAL_COMMIT) return process.env.GLOCAL_COMMIT;
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** What the load average at the start says about the figures (above 1 on two cores, other jobs shared them). */
function machineLoad(loadAverage: string): string {
  return Number(loadAverage) > 1
    ? `The machine was shared with other jobs (load average ${loadAverage} at the start): rates are lower, and less even, than on an idle machine.`
    : `The machine was otherwise idle (load average ${loadAverage} at the start).`;
}

function render(result: ReturnType<typeof summarize> & { memoryDate: string }): string {
  const m = result.memory;
  const lines = [
    `_Generated by \`npm run bench:sweep\` on ${result.date}, commit ${result.commit}; ${result.machine}. Raw figures: \`bench/sweep/results.json\`. ${machineLoad(result.loadAverage)}_`,
    '',
    '### Throughput: runs per minute',
    '',
    `Sweep: two-hubs hub-lockdown (paired runs), scale 1, ${THROUGHPUT_WEEKS} weeks, ${result.throughput[0].runs} runs; timed from the session start to its end in the manifest (worker start-up included).`,
    '',
    ...THROUGHPUT_HEADER,
    ...result.throughput.map(throughputLine),
    '',
    THROUGHPUT_NOTE,
    '',
    `Goal: ≥ 1.8× at 2 workers — ${result.throughput[1].speedup >= 1.8 ? 'met' : 'not met'} (${result.throughput[1].speedup.toFixed(2)}×).`,
    '',
    `One worker is not one core: V8 runs garbage collection and compilation on helper threads, and with one worker they use the second core (${result.throughput[0].coresBusy.toFixed(2)} cores busy above). On a 2-core machine 2 workers can therefore gain at most about 2 / ${result.throughput[0].coresBusy.toFixed(2)} = ${(2 / result.throughput[0].coresBusy).toFixed(2)}×. For reference, 1 worker with the helper threads off (\`node --single-threaded\`, ${result.singleThreaded.coresBusy.toFixed(2)} cores busy) managed ${result.singleThreaded.runsPerMinute.toFixed(1)} runs/min, against which 2 workers are ${result.singleThreaded.twoWorkerSpeedup.toFixed(2)}× faster. The goal is judged against the ordinary 1-worker run; a machine with 4 or more cores is needed to test it without this ceiling.`,
    '',
    '### Memory while writing more than 10⁷ rows',
    '',
    `Measured ${result.memoryDate.slice(0, 16).replace('T', ' ')} UTC. Sweep: two-hubs baseline, scale 0.05, 520 weeks, ${m.runs} runs × ${(m.rows / m.runs).toLocaleString('en')} rows (every headline indicator globally and per region, every week) = **${m.rows.toLocaleString('en')} rows** in results.parquet; 2 workers; ${m.seconds.toFixed(0)} s.`,
    '',
    '| Runs done | Rows done | RSS (MiB) |',
    '| ---: | ---: | ---: |',
    ...m.deciles.map((d) => `| ${d.runsDone} | ${(d.runsDone * (m.rows / m.runs)).toLocaleString('en')} | ${d.rssMiB.toFixed(0)} |`),
    '',
    `Peak RSS (VmHWM) of the sweep process, worker threads included: **${m.peakRssMiB.toFixed(0)} MiB**. RSS is ${m.flat ? 'flat' : 'not flat'} as rows grow (from a tenth of the runs to the end it changes by ${m.growthMiB >= 0 ? '+' : ''}${m.growthMiB.toFixed(0)} MiB).`,
  ];
  return lines.join('\n');
}

/**
 * Runs per minute once the workers are warm: from the first finished run to the last part file
 * (sampled), leaving out worker start-up (loading and compiling the model in each thread).
 */
function steadyRate(run: SweepRun): number {
  const first = run.samples.find((s) => s.runsDone >= 1);
  const last = run.samples.reduce<SweepRun['samples'][number] | undefined>((best, s) => (s.runsDone > (best?.runsDone ?? 0) ? s : best), undefined);
  if (!first || !last || last.runsDone <= first.runsDone) return NaN;
  return ((last.runsDone - first.runsDone) / (last.seconds - first.seconds)) * 60;
}

const rate = (r: SweepRun) => (r.runs / r.seconds) * 60;

/** One row of a throughput table: a sweep at `workers` workers against the 1-worker sweep `one`. */
function throughputRow(r: SweepRun, one: SweepRun, workers: number) {
  return {
    workers,
    runs: r.runs,
    seconds: r.seconds,
    runsPerMinute: rate(r),
    speedup: rate(r) / rate(one),
    efficiency: rate(r) / rate(one) / workers,
    steadyRunsPerMinute: steadyRate(r),
    steadySpeedup: steadyRate(r) / steadyRate(one),
    cpuSeconds: r.cpuSeconds,
    coresBusy: r.cpuSeconds / r.processSeconds,
  };
}
type ThroughputRow = ReturnType<typeof throughputRow>;

const THROUGHPUT_HEADER = [
  '| Workers | Runs | Seconds | Runs/min | Speed-up | Scaling efficiency | Runs/min once warm | Speed-up once warm | CPU seconds | Cores busy |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const throughputLine = (t: ThroughputRow) =>
  `| ${t.workers} | ${t.runs} | ${t.seconds.toFixed(1)} | ${t.runsPerMinute.toFixed(1)} | ${t.speedup.toFixed(2)}× | ${(t.efficiency * 100).toFixed(0)} % | ${t.steadyRunsPerMinute.toFixed(1)} | ${t.steadySpeedup.toFixed(2)}× | ${t.cpuSeconds.toFixed(1)} | ${t.coresBusy.toFixed(2)} |`;
const THROUGHPUT_NOTE =
  "*Once warm*: from the first finished run to the last, leaving out the start-up of the worker threads (each loads and compiles the model; several seconds on a loaded machine). *CPU seconds* and *cores busy*: the sweep process's CPU time over its whole life (every thread), and that divided by its wall time.";

function machineName(): string {
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
}

function summarize(one: SweepRun, two: SweepRun, oneSingleThreaded: SweepRun, memory: SweepRun) {
  const deciles = rssByDecile(memory);
  const growth = deciles[deciles.length - 1].rssMiB - deciles[0].rssMiB;
  return {
    date: new Date().toISOString(),
    commit: commit(),
    machine: machineName(),
    loadAverage: os.loadavg()[0].toFixed(1),
    throughput: [one, two].map((r, i) => throughputRow(r, one, i + 1)),
    singleThreaded: {
      runs: oneSingleThreaded.runs,
      seconds: oneSingleThreaded.seconds,
      runsPerMinute: rate(oneSingleThreaded),
      cpuSeconds: oneSingleThreaded.cpuSeconds,
      coresBusy: oneSingleThreaded.cpuSeconds / oneSingleThreaded.processSeconds,
      twoWorkerSpeedup: rate(two) / rate(oneSingleThreaded),
    },
    memory: { runs: memory.runs, rows: memory.rows, seconds: memory.seconds, peakRssMiB: memory.peakRssMiB, deciles, growthMiB: growth, flat: Math.abs(growth) < 0.15 * deciles[0].rssMiB },
  };
}

/** Worker counts of a scaling run: --workers a,b,c, else 1, 2, 4, … and the number of cores. */
function scalingWorkers(): number[] {
  const at = process.argv.indexOf('--workers');
  if (at >= 0) return (process.argv[at + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const cores = os.cpus().length;
  const counts = [1];
  while (counts[counts.length - 1] * 2 <= cores) counts.push(counts[counts.length - 1] * 2);
  if (counts[counts.length - 1] !== cores) counts.push(cores);
  return counts.length > 1 ? counts : [1, 2];
}

/** Writes `block` between `start` and `end` in docs/PERFORMANCE.md, appending a section if absent. */
function writeDocBlock(start: string, end: string, heading: string, text: string): void {
  const doc = readFileSync(DOC_PATH, 'utf8');
  const block = `${start}\n${text}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  writeFileSync(DOC_PATH, from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${heading}\n\n${block}\n`);
}

/** --scaling: the throughput sweep (twice as many runs) at several worker counts, and 1 worker single-threaded. */
async function mainScaling(): Promise<void> {
  const load = os.loadavg()[0];
  // Twice the runs of part 1 (more seeds, the same points), so that 16 workers still get several runs each.
  const points = quick ? 4 : 24;
  const seeds = 4;
  const counts = scalingWorkers();
  if (counts[0] !== 1) counts.unshift(1);
  const runs: SweepRun[] = [];
  for (const workers of counts) {
    process.stderr.write(`bench:sweep --scaling — ${points * seeds} runs at ${workers} worker(s)…\n`);
    runs.push(await sweep(throughputSpec(points, seeds), workers));
  }
  process.stderr.write('bench:sweep --scaling — 1 worker with V8\'s helper threads off (node --single-threaded)…\n');
  const single = await sweep(throughputSpec(points, seeds), 1, ['--single-threaded']);
  const rows = runs.map((r, i) => throughputRow(r, runs[0], counts[i]));
  const two = rows.find((r) => r.workers === 2);
  const result = { date: new Date().toISOString(), commit: commit(), machine: machineName(), loadAverage: load.toFixed(1), throughput: rows, singleThreaded: throughputRow(single, single, 1) };
  const text = [
    `_Generated by \`npm run bench:sweep -- --scaling\` on ${result.date}, commit ${result.commit}; ${result.machine}. Raw figures: \`bench/sweep/scaling.json\`. Load average ${result.loadAverage} at the start._`,
    '',
    `Sweep: two-hubs hub-lockdown (paired runs), scale 1, ${quick ? 104 : THROUGHPUT_WEEKS} weeks, ${rows[0].runs} runs; timed as above.`,
    '',
    ...THROUGHPUT_HEADER,
    ...rows.map(throughputLine),
    '',
    THROUGHPUT_NOTE,
    '',
    `1 worker with V8's helper threads off (\`node --single-threaded\`): ${result.singleThreaded.runsPerMinute.toFixed(1)} runs/min, ${result.singleThreaded.coresBusy.toFixed(2)} cores busy.`,
    '',
    two ? `Goal: ≥ 1.8× at 2 workers — ${two.speedup >= 1.8 ? 'met' : 'not met'} (${two.speedup.toFixed(2)}×; ${two.steadySpeedup.toFixed(2)}× once warm).` : 'Goal: ≥ 1.8× at 2 workers — not measured (no 2-worker run).',
  ].join('\n');
  process.stdout.write(text + '\n');
  if (!write) return;
  writeFileSync(SCALING_PATH, JSON.stringify({ ...result, raw: { runs, single } }, null, 2) + '\n');
  writeDocBlock(SCALING_START, SCALING_END, '## Sweeps on more cores (`npm run bench:sweep -- --scaling`)', text);
  process.stderr.write(`wrote ${SCALING_PATH} and the scaling section of ${DOC_PATH}\n`);
}

async function main(): Promise<void> {
  const load = os.loadavg()[0];
  const throughputPoints = quick ? 4 : 24;
  process.stderr.write(`bench:sweep — throughput (${throughputPoints * 2} runs at 1, then 2 workers)…\n`);
  const one = await sweep(throughputSpec(throughputPoints), 1);
  const two = await sweep(throughputSpec(throughputPoints), 2);
  process.stderr.write('bench:sweep — 1 worker again with V8\'s helper threads off (node --single-threaded)…\n');
  const oneSingleThreaded = await sweep(throughputSpec(throughputPoints), 1, ['--single-threaded']);
  const memoryRuns = quick ? 10 : 90;
  const saved = throughputOnly && existsSync(RESULTS_PATH) ? (JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as { memoryDate?: string; date: string; raw: { memory: SweepRun } }) : null;
  const previous = saved?.raw.memory ?? null;
  const memoryDate = saved ? (saved.memoryDate ?? saved.date) : new Date().toISOString();
  if (!previous) process.stderr.write(`bench:sweep — memory (${memoryRuns} runs, ${quick ? '~10⁶' : '> 10⁷'} rows, 2 workers)…\n`);
  const memory = previous ?? (await sweep(memorySpec(memoryRuns), 2));
  const result = { ...summarize(one, two, oneSingleThreaded, memory), loadAverage: load.toFixed(1), memoryDate };
  const text = render(result);
  process.stdout.write(text + '\n');
  if (!write) return;
  writeFileSync(RESULTS_PATH, JSON.stringify({ ...result, raw: { one, two, oneSingleThreaded, memory } }, null, 2) + '\n');
  writeDocBlock(START_MARKER, END_MARKER, '## Sweeps (`npm run bench:sweep`)', text);
  process.stderr.write(`wrote ${RESULTS_PATH} and the sweep section of ${DOC_PATH}\n`);
}

await (scaling ? mainScaling() : main());
