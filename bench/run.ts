/**
 * `npm run bench`: throughput and memory of the simulation core (see docs/PERFORMANCE.md).
 *
 * The main process runs each case in a fresh Node process (`--case NAME`, with `--expose-gc`) so
 * that memory is measured cleanly, prints a table, and writes bench/results.json and the generated
 * section of docs/PERFORMANCE.md. A two-hubs case takes two processes: `--mode plain` (scale
 * search, headline time with plain `step(world)`, memory) and `--mode phased --scales …` (the same
 * builds and weeks again, with a clock around each phase). The bench is outside the deterministic
 * core: it may read a clock.
 *
 *   npm run bench                  two-hubs at 10⁴, 10⁵, 10⁶ agents, and world-2019 (520 weeks)
 *   npm run bench -- --quick       10⁴ and 10⁵ only; prints the table, writes nothing
 *   npm run bench -- --no-write    everything, writes nothing
 *   npm run bench -- --weeks N     time N two-hubs weeks instead of 52
 *   npm run bench -- --case NAME   one case in this process (used internally), result as JSON
 */
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { PerformanceObserver, constants as perfConstants, type PerformanceEntry } from 'node:perf_hooks';
import { createWorld } from '../src/model/initialize.ts';
import { PHASES, step } from '../src/model/schedule.ts';
import { Simulation, type RunSpec } from '../src/model/simulation.ts';
import type { World } from '../src/model/world.ts';
import { lookupWorld } from '../worlds/index.ts';
import { builtInScenario } from '../src/validation/specs.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_PATH = resolve(ROOT, 'bench/results.json');
const DOC_PATH = resolve(ROOT, 'docs/PERFORMANCE.md');
const START_MARKER = '<!-- bench:start -->';
const END_MARKER = '<!-- bench:end -->';
const RESULT_PREFIX = 'BENCH_RESULT ';
const SEED = 1;
/** Timed two-hubs weeks (after the untimed warm-up). */
const DEFAULT_WEEKS = 52;
/** world-2019: recorded weeks (after the untimed-in-the-goal warm-up, reported separately). */
const WORLD_2019_WEEKS = 520;
/** Scale is searched until the agent count at week 0 is within this of the target. */
const TARGET_TOLERANCE = 0.01;
const MAX_BUILDS = 4;
/** A case that takes longer than this is stopped and reported as failed. */
const CASE_TIMEOUT_MS = 20 * 60 * 1000;

interface TwoHubsCase {
  kind: 'two-hubs';
  name: string;
  label: string;
  target: number;
}
interface World2019Case {
  kind: 'world-2019';
  name: string;
  label: string;
}
type BenchCase = TwoHubsCase | World2019Case;

const CASES: BenchCase[] = [
  { kind: 'two-hubs', name: 'two-hubs-1e4', label: '10⁴', target: 1e4 },
  { kind: 'two-hubs', name: 'two-hubs-1e5', label: '10⁵', target: 1e5 },
  { kind: 'two-hubs', name: 'two-hubs-1e6', label: '10⁶', target: 1e6 },
  { kind: 'world-2019', name: 'world-2019', label: 'world-2019' },
];
const QUICK_CASES = ['two-hubs-1e4', 'two-hubs-1e5'];

// ---------------------------------------------------------------------------------------------
// Measurement helpers (child process)
// ---------------------------------------------------------------------------------------------

interface Memory {
  heapUsed: number;
  arrayBuffers: number;
  external: number;
  rss: number;
  /** heapUsed + arrayBuffers: what bytes per agent is measured on. */
  total: number;
}

function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

function memory(): Memory {
  collectGarbage();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, external: m.external, rss: m.rss, total: m.heapUsed + m.arrayBuffers };
}

/** Garbage-collection pauses seen by a PerformanceObserver (delivered asynchronously). */
class GcLog {
  private readonly entries: { start: number; duration: number; major: boolean }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.add(entry);
  });

  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  private add(entry: PerformanceEntry): void {
    const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    this.entries.push({ start: entry.startTime, duration: entry.duration, major: kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR });
  }

  /** Lets pending entries arrive (the runs are synchronous). */
  async flush(): Promise<void> {
    await new Promise((done) => setImmediate(done));
    await new Promise((done) => setTimeout(done, 20));
  }

  /** Pauses that started in [from, to) (performance.now() time). */
  within(from: number, to: number): { ms: number; count: number; majorMs: number; majorCount: number } {
    let ms = 0;
    let count = 0;
    let majorMs = 0;
    let majorCount = 0;
    for (const e of this.entries) {
      if (e.start < from || e.start >= to) continue;
      ms += e.duration;
      count++;
      if (e.major) {
        majorMs += e.duration;
        majorCount++;
      }
    }
    return { ms, count, majorMs, majorCount };
  }

  stop(): void {
    this.observer.disconnect();
  }
}

/** Agents of every kind, as `Simulation.agentCount()` counts them: living SMEs, cells, firms, hubs, policymakers. */
function agentCount(world: World): number {
  let smes = 0;
  const alive = world.smes.alive;
  for (let i = 0; i < world.smes.count; i++) smes += alive[i];
  return smes + world.cells.count + world.firms.count + world.hubs.count + world.policy.count;
}

function kinds(world: World): Record<string, number> {
  let smes = 0;
  for (let i = 0; i < world.smes.count; i++) smes += world.smes.alive[i];
  return {
    smes,
    smeSlots: world.smes.count,
    smeCapacity: world.smes.capacity,
    cells: world.cells.count,
    firms: world.firms.count,
    hubs: world.hubs.count,
    policymakers: world.policy.count,
  };
}

const now = () => performance.now();
const log = (text: string) => process.stderr.write(`  ${text}\n`);

interface WeeklyRun {
  weeks: number;
  ms: number;
  /** Σ over the weeks of the agents alive when the week started. */
  agentSteps: number;
  agentStepsPerSecond: number;
  gc: ReturnType<GcLog['within']>;
}

/** Steps `weeks` times, timing each step alone (the agent count between steps is not timed). */
async function timedWeeks(world: World, weeks: number, gcLog: GcLog, phaseMs?: Float64Array): Promise<WeeklyRun> {
  let ms = 0;
  let agentSteps = 0;
  const from = now();
  for (let w = 0; w < weeks; w++) {
    agentSteps += agentCount(world);
    const start = now();
    if (phaseMs) step(world, now, phaseMs);
    else step(world);
    ms += now() - start;
  }
  const to = now();
  await gcLog.flush();
  return { weeks, ms, agentSteps, agentStepsPerSecond: agentSteps / (ms / 1000), gc: gcLog.within(from, to) };
}

// ---------------------------------------------------------------------------------------------
// Cases (child process)
// ---------------------------------------------------------------------------------------------

/**
 * One two-hubs process. `plain` mode chooses the scale (unless given), then times `step(world)`
 * and measures memory; `phased` mode builds the same world at the given scale and times the same
 * weeks with a clock around each phase. They run in separate processes so that neither run's JIT
 * state or garbage affects the other.
 */
async function runTwoHubs(bench: TwoHubsCase, weeks: number, mode: 'plain' | 'phased', givenScales: number[] | undefined): Promise<Record<string, unknown>> {
  const gcLog = new GcLog();
  const baseline = memory();
  const definition = lookupWorld('two-hubs');
  const scenario = builtInScenario('two-hubs', 'baseline');
  const agentsPerScale = definition.smesAtScaleOne + definition.cellsAtScaleOne;

  // Choose the scale so the agent count at week 0 (after warm-up) is the target: SMEs die during
  // warm-up, so start from a guess of what the warm-up leaves and correct by what it did leave.
  const hubRegions = definition.regions.filter((r) => r.isHub).length;
  const fixedGuess = definition.leadFirmHomes.length + definition.regions.length + hubRegions * definition.hubSuppliersPerHub;
  let scale = givenScales?.[0] ?? round3((bench.target - fixedGuess) / agentsPerScale / 0.85);
  const builds: { scale: number; agentsAtBuild: number; agentsAtWeek0: number; initMs: number; warmupMs: number }[] = [];
  let world: World | null = null;
  let agentsAtBuild = 0;
  let agentsAtWeek0 = 0;
  let initMs = 0;
  let warmupMs = 0;
  let memoryAfterBuild: Memory | null = null;
  for (let attempt = 0; attempt < (givenScales?.length ?? MAX_BUILDS); attempt++) {
    world = null;
    collectGarbage();
    let start = now();
    world = createWorld(definition, { seed: SEED, scenario, params: { scale } });
    initMs = now() - start;
    agentsAtBuild = agentCount(world);
    memoryAfterBuild = memory();
    start = now();
    while (world.tick < world.params.warmupWeeks) step(world);
    warmupMs = now() - start;
    agentsAtWeek0 = agentCount(world);
    builds.push({ scale, agentsAtBuild, agentsAtWeek0, initMs, warmupMs });
    log(`${bench.name} (${mode}): scale ${scale}: ${fmtInt(agentsAtBuild)} agents at build, ${fmtInt(agentsAtWeek0)} at week 0 (init ${fmtMs(initMs)}, warm-up ${fmtMs(warmupMs)})`);
    if (givenScales) {
      // Replays the plain process's builds, so both processes have the same history.
      if (attempt + 1 < givenScales.length) scale = givenScales[attempt + 1];
      continue;
    }
    if (Math.abs(agentsAtWeek0 / bench.target - 1) <= TARGET_TOLERANCE || attempt + 1 === MAX_BUILDS) break;
    const fixed = world.firms.count + world.hubs.count + world.policy.count;
    const next = round3((scale * (bench.target - fixed)) / Math.max(1, agentsAtWeek0 - fixed));
    if (next === scale) break;
    scale = next;
  }
  if (!world || !memoryAfterBuild) throw new Error('no world was built');
  const kindsAtWeek0 = kinds(world);
  const memoryAfterWarmup = memory();

  const phaseMs = new Float64Array(PHASES.length);
  const run = await timedWeeks(world, weeks, gcLog, mode === 'phased' ? phaseMs : undefined);
  log(`${bench.name} (${mode}): ${weeks} weeks: ${fmtMs(run.ms)}, ${fmtRate(run.agentStepsPerSecond)} agent-steps/s`);
  const agentsAtEnd = agentCount(world);
  const kindsAtEnd = kinds(world);
  const after = memory();
  gcLog.stop();
  const phaseSum = phaseMs.reduce((a, b) => a + b, 0);
  return {
    case: bench.name,
    mode,
    world: 'two-hubs',
    scenario: 'baseline',
    seed: SEED,
    target: bench.target,
    scale,
    builds,
    agentsAtBuild,
    agentsAtWeek0,
    agentsAtEnd,
    meanAgents: run.agentSteps / weeks,
    kindsAtWeek0,
    kindsAtEnd,
    initMs,
    warmupWeeks: world.params.warmupWeeks,
    warmupMs,
    weeks,
    run,
    /** Fingerprint of the simulated weeks: the plain and phased processes must agree. */
    ledgerTotal: world.ledgerTotal,
    phases:
      mode === 'phased'
        ? PHASES.map((p, k) => ({ name: p.name, ms: phaseMs[k], msPerWeek: phaseMs[k] / weeks, share: phaseSum > 0 ? phaseMs[k] / phaseSum : 0 }))
        : null,
    memory: {
      gcAvailable: collectGarbage(),
      baseline,
      afterBuild: memoryAfterBuild,
      afterWarmup: memoryAfterWarmup,
      afterRuns: after,
      bytesPerAgentRaw: after.total / agentsAtWeek0,
      bytesPerAgentNet: (after.total - baseline.total) / agentsAtWeek0,
      bytesPerAgentNetAfterBuild: (memoryAfterBuild.total - baseline.total) / agentsAtBuild,
    },
  };
}

async function runWorld2019(bench: World2019Case): Promise<Record<string, unknown>> {
  const gcLog = new GcLog();
  const baseline = memory();
  const spec: RunSpec = {
    world: 'world-2019',
    scenarioName: 'baseline-2019',
    scenario: builtInScenario('world-2019', 'baseline-2019'),
    seed: SEED,
    weeks: WORLD_2019_WEEKS,
    params: {},
    paired: false,
  };
  let start = now();
  const sim = new Simulation(spec, lookupWorld('world-2019'));
  const initMs = now() - start;
  const agentsAtBuild = sim.agentCount();
  const kindsAtBuild = kinds(sim.world);
  start = now();
  sim.warmUp();
  const warmupMs = now() - start;
  const agentsAtWeek0 = sim.agentCount();
  log(`${bench.name}: scale ${sim.world.params.scale}: ${agentsAtBuild} agents at build, ${agentsAtWeek0} at week 0 (init ${fmtMs(initMs)}, warm-up ${fmtMs(warmupMs)})`);
  let runMs = 0;
  let agentSteps = 0;
  const from = now();
  for (let w = 0; w < WORLD_2019_WEEKS; w++) {
    agentSteps += sim.agentCount();
    const t = now();
    sim.advance(1);
    runMs += now() - t;
  }
  const to = now();
  await gcLog.flush();
  const agentsAtEnd = sim.agentCount();
  const after = memory();
  gcLog.stop();
  const totalMs = initMs + warmupMs + runMs;
  log(`${bench.name}: ${WORLD_2019_WEEKS} weeks: ${fmtMs(runMs)}; total with init and warm-up ${fmtMs(totalMs)}`);
  return {
    case: bench.name,
    world: 'world-2019',
    scenario: 'baseline-2019',
    seed: SEED,
    paired: false,
    scale: sim.world.params.scale,
    regions: sim.world.regions.count,
    agentsAtBuild,
    agentsAtWeek0,
    agentsAtEnd,
    kindsAtBuild,
    kindsAtEnd: kinds(sim.world),
    initMs,
    warmupWeeks: sim.world.params.warmupWeeks,
    warmupMs,
    weeks: WORLD_2019_WEEKS,
    runMs,
    totalMs,
    agentSteps,
    agentStepsPerSecond: agentSteps / (runMs / 1000),
    recordedRows: sim.recorder.view(0).week.length,
    gc: gcLog.within(from, to),
    memory: {
      baseline,
      afterRuns: after,
      bytesPerAgentRaw: after.total / agentsAtWeek0,
      bytesPerAgentNet: (after.total - baseline.total) / agentsAtWeek0,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Main process
// ---------------------------------------------------------------------------------------------

interface CaseOutcome {
  name: string;
  ok: boolean;
  result?: Record<string, unknown>;
  error?: string;
  wallMs: number;
}

function runCaseProcess(name: string, extra: string[]): Promise<CaseOutcome> {
  const started = now();
  return new Promise((done) => {
    const args = ['--expose-gc', resolve(ROOT, 'bin/run-ts.mjs'), resolve(ROOT, 'bench/run.ts'), '--case', name, ...extra];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderrTail = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CASE_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code === 0 && line) {
        done({ name, ok: true, result: JSON.parse(line.slice(RESULT_PREFIX.length)) as Record<string, unknown>, wallMs });
      } else {
        const why = signal ? `killed by ${signal}${wallMs >= CASE_TIMEOUT_MS ? ' (timeout)' : ''}` : `exit code ${code}`;
        done({ name, ok: false, error: `${why}: ${stderrTail.trim().split('\n').slice(-5).join(' | ')}`, wallMs });
      }
    });
  });
}

async function oneProcess(name: string, extra: string[]): Promise<CaseOutcome> {
  process.stderr.write(`${name} …\n`);
  const load = os.loadavg()[0];
  const outcome = await runCaseProcess(name, extra);
  process.stderr.write(`${name}: ${outcome.ok ? 'done' : 'FAILED'} in ${fmtMs(outcome.wallMs)}\n`);
  if (outcome.result) outcome.result.loadAverageAtStart = load;
  return outcome;
}

/** A two-hubs case: the plain process (scale search, headline time, memory), then the phase-timed one. */
async function twoHubsCase(bench: TwoHubsCase, weeks: number): Promise<CaseOutcome> {
  const plain = await oneProcess(bench.name, ['--weeks', String(weeks), '--mode', 'plain']);
  if (!plain.ok || !plain.result) return plain;
  const p = plain.result as Json;
  const phased = await oneProcess(bench.name, ['--weeks', String(weeks), '--mode', 'phased', '--scales', p.builds.map((b: Json) => b.scale).join(',')]);
  if (!phased.ok || !phased.result) return { ...phased, wallMs: plain.wallMs + phased.wallMs };
  const q = phased.result as Json;
  const { run: plainRun, ledgerTotal, phases: _none, mode: _mode, ...rest } = p;
  const result = {
    ...rest,
    plain: plainRun,
    phased: q.run,
    phaseTimingOverhead: q.run.ms / plainRun.ms - 1,
    sameWeeks: JSON.stringify(ledgerTotal) === JSON.stringify(q.ledgerTotal) && plainRun.agentSteps === q.run.agentSteps,
    phases: q.phases,
    phasedProcess: { initMs: q.initMs, warmupMs: q.warmupMs, memory: q.memory, loadAverageAtStart: q.loadAverageAtStart },
  };
  return { name: bench.name, ok: true, result, wallMs: plain.wallMs + phased.wallMs };
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    cpuSpeedMHz: cpus[0]?.speed ?? null,
    totalMemoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
  };
}

function gitCommit(): { commit: string | null; dirty: boolean | null } {
  const git = (args: string[]) => execFileSync('git', ['--no-optional-locks', ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let commit: string | null = null;
  let dirty: boolean | null = null;
  try {
    commit = git(['rev-parse', '--short', 'HEAD']);
  } catch {
    /* not a git checkout */
  }
  try {
    dirty = git(['status', '--porcelain', '--untracked-files=no']).length > 0;
  } catch {
    /* ignore */
  }
  return { commit, dirty };
}

// --- formatting ---

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
function fmtRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M` : `${(perSecond / 1e3).toFixed(0)} k`;
}
function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
function fmtPhaseMs(ms: number): string {
  return ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

function textTable(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function mdTable(rows: string[][], align: ('l' | 'r')[]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(rows[0]), line(align.map((a) => (a === 'r' ? '---:' : ':---'))), ...rows.slice(1).map(line)].join('\n');
}

function twoHubsRows(results: Json[]): string[][] {
  const rows = [['Case', 'Scale', 'Agents at build', 'Agents at week 0', 'Mean agents (timed)', 'Init (s)', 'Warm-up (s)', 'Timed weeks', 'Seconds', 'Agent-steps/s', 'With phase timing', 'Bytes/agent (net)', 'Bytes/agent (raw)', 'GC in timed run']];
  for (const r of results) {
    rows.push([
      r.label,
      String(r.scale),
      fmtInt(r.agentsAtBuild),
      fmtInt(r.agentsAtWeek0),
      fmtInt(r.meanAgents),
      (r.initMs / 1000).toFixed(2),
      (r.warmupMs / 1000).toFixed(2),
      String(r.weeks),
      (r.plain.ms / 1000).toFixed(2),
      fmtRate(r.plain.agentStepsPerSecond),
      fmtRate(r.phased.agentStepsPerSecond),
      r.memory.bytesPerAgentNet.toFixed(0),
      r.memory.bytesPerAgentRaw.toFixed(0),
      `${fmtMs(r.plain.gc.ms)} (${(100 * r.plain.gc.ms / r.plain.ms).toFixed(1)} %)`,
    ]);
  }
  return rows;
}

function phaseRows(results: Json[]): string[][] {
  const rows = [['Phase', ...results.map((r) => `${r.label}: ms/week`), ...results.map((r) => `${r.label}: share`)]];
  const n = results[0]?.phases.length ?? 0;
  for (let k = 0; k < n; k++) {
    rows.push([
      results[0].phases[k].name,
      ...results.map((r) => fmtPhaseMs(r.phases[k].msPerWeek)),
      ...results.map((r) => `${(100 * r.phases[k].share).toFixed(1)} %`),
    ]);
  }
  rows.push([
    'step (sum of phases)',
    ...results.map((r) => fmtPhaseMs(r.phases.reduce((a: number, p: Json) => a + p.msPerWeek, 0))),
    ...results.map(() => '100 %'),
  ]);
  return rows;
}

function worldRows(w: Json): string[][] {
  return [
    ['Scale', 'Agents at build', 'Agents at week 0', 'Agents at week 520', 'Init (s)', 'Warm-up 52 wk (s)', '520 weeks (s)', 'Total (s)', 'Agent-steps/s', 'Bytes/agent (net)'],
    [
      String(w.scale),
      fmtInt(w.agentsAtBuild),
      fmtInt(w.agentsAtWeek0),
      fmtInt(w.agentsAtEnd),
      (w.initMs / 1000).toFixed(2),
      (w.warmupMs / 1000).toFixed(2),
      (w.runMs / 1000).toFixed(2),
      (w.totalMs / 1000).toFixed(2),
      fmtRate(w.agentStepsPerSecond),
      w.memory.bytesPerAgentNet.toFixed(0),
    ],
  ];
}

function goals(results: Json): { goal: string; measured: string; met: string }[] {
  const big = results.cases.find((r: Json) => r.case === 'two-hubs-1e6');
  const w = results.cases.find((r: Json) => r.case === 'world-2019');
  const out: { goal: string; measured: string; met: string }[] = [];
  if (big) {
    out.push({
      goal: '≥ 10 M agent-steps/s at 10⁶ agents, one core',
      measured: `${fmtRate(big.plain.agentStepsPerSecond)} agent-steps/s`,
      met: big.plain.agentStepsPerSecond >= 10e6 ? 'yes' : 'no',
    });
    out.push({
      goal: '≤ 200 bytes per agent (heap + arrayBuffers, net, at 10⁶)',
      measured: `${big.memory.bytesPerAgentNet.toFixed(0)} bytes (raw ${big.memory.bytesPerAgentRaw.toFixed(0)})`,
      met: big.memory.bytesPerAgentNet <= 200 ? 'yes' : 'no',
    });
  }
  if (w) {
    out.push({
      goal: 'world-2019, 520 weeks ≤ 30 s',
      measured: `${(w.runMs / 1000).toFixed(1)} s for 520 weeks; ${(w.totalMs / 1000).toFixed(1)} s with init and warm-up`,
      met: w.totalMs <= 30000 ? 'yes (total)' : w.runMs <= 30000 ? '520 weeks only, not with init and warm-up' : 'no',
    });
  }
  return out;
}

function printSummary(results: Json): void {
  const two = results.cases.filter((r: Json) => r.world === 'two-hubs');
  const w = results.cases.find((r: Json) => r.world === 'world-2019');
  console.log('');
  if (two.length > 0) {
    console.log(`two-hubs, baseline: ${two[0].weeks} timed weeks after ${two[0].warmupWeeks} untimed warm-up weeks`);
    console.log(textTable(twoHubsRows(two)));
    console.log('');
    console.log('Time per phase (phase-timed run)');
    console.log(textTable(phaseRows(two)));
    console.log('');
  }
  if (w) {
    console.log(`world-2019, baseline-2019, default scale, unpaired, ${w.weeks} recorded weeks`);
    console.log(textTable(worldRows(w)));
    console.log('');
  }
  for (const f of results.failures) console.log(`FAILED ${f.name}: ${f.error}`);
  for (const g of goals(results)) console.log(`goal: ${g.goal}: ${g.measured}: ${g.met}`);
}

function generatedSection(results: Json): string {
  const m = results.machine;
  const two = results.cases.filter((r: Json) => r.world === 'two-hubs');
  const w = results.cases.find((r: Json) => r.world === 'world-2019');
  const lines: string[] = [];
  lines.push(
    `_Generated by \`npm run bench\` on ${results.date.slice(0, 10)} (${results.date}), commit ${results.git.commit ?? 'unknown'}` +
      `${results.git.dirty ? ' with uncommitted changes' : ''}; ${m.cpuCount} × ${m.cpuModel}, ${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB RAM, ` +
      `${m.platform}, Node ${m.node}. Raw figures: \`bench/results.json\`._`,
  );
  lines.push('');
  const goalRows = goals(results);
  if (goalRows.length > 0) {
    lines.push('### Goals');
    lines.push('');
    lines.push(mdTable([['Goal', 'Measured', 'Met'], ...goalRows.map((g) => [g.goal, g.measured, g.met])], ['l', 'l', 'l']));
    lines.push('');
  }
  if (two.length > 0) {
    lines.push(`### two-hubs (baseline, seed ${two[0].seed}): ${two[0].weeks} timed weeks after ${two[0].warmupWeeks} untimed warm-up weeks`);
    lines.push('');
    lines.push(
      mdTable(
        twoHubsRows(two),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
    lines.push('');
    lines.push(
      '*Seconds* and *Agent-steps/s* are from the run with plain `step(world)` (no phase timing); agent-steps are ' +
        'the living agents summed over the timed weeks. *With phase timing* is the same world and weeks, built again ' +
        'in a second process, with a clock around each phase. *Bytes/agent (net)* = (heapUsed + arrayBuffers after the runs ' +
        '− the same right after the modules were imported) / agents at week 0, after `gc()`; *raw* leaves out the baseline.',
    );
    lines.push('');
    lines.push('#### Time per phase (phase-timed run; ms per week and share of the step)');
    lines.push('');
    const phases = phaseRows(two);
    lines.push(mdTable(phases, phases[0].map((_, c) => (c === 0 ? 'l' : 'r'))));
    lines.push('');
  }
  if (w) {
    lines.push(`### world-2019 (baseline-2019, default scale, unpaired, seed ${w.seed}): ${w.weeks} recorded weeks`);
    lines.push('');
    lines.push(mdTable(worldRows(w), worldRows(w)[0].map(() => 'r')));
    lines.push('');
    lines.push(
      `A full \`Simulation\` run as the CLI makes it (indicators recorded every week): build, ${w.warmupWeeks} warm-up weeks, then ${w.weeks} weeks. ` +
        `*Total* is all three.`,
    );
    lines.push('');
  }
  for (const f of results.failures) {
    lines.push(`**${f.name} failed**: ${f.error}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

function updateDoc(results: Json): void {
  const section = `${START_MARKER}\n${generatedSection(results)}\n${END_MARKER}`;
  let text = existsSync(DOC_PATH) ? readFileSync(DOC_PATH, 'utf8') : '# Performance\n';
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start >= 0 && end > start) text = text.slice(0, start) + section + text.slice(end + END_MARKER.length);
  else text = `${text.trimEnd()}\n\n## Latest results\n\n${section}\n`;
  writeFileSync(DOC_PATH, text);
}

function argValue(args: string[], flag: string): string | undefined {
  const k = args.indexOf(flag);
  return k >= 0 ? args[k + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const weeksArg = argValue(args, '--weeks');
  const weeks = weeksArg === undefined ? DEFAULT_WEEKS : Number(weeksArg);
  if (!Number.isInteger(weeks) || weeks < 1) {
    console.error(`--weeks expects a whole number ≥ 1, got ${weeksArg}`);
    process.exit(2);
  }
  const caseName = argValue(args, '--case');
  if (caseName !== undefined) {
    const bench = CASES.find((c) => c.name === caseName);
    if (!bench) {
      console.error(`unknown case "${caseName}"; expected one of ${CASES.map((c) => c.name).join(', ')}`);
      process.exit(2);
    }
    const mode = argValue(args, '--mode') === 'phased' ? 'phased' : 'plain';
    const scalesArg = argValue(args, '--scales');
    const scales = scalesArg === undefined ? undefined : scalesArg.split(',').map(Number);
    const result = bench.kind === 'two-hubs' ? await runTwoHubs(bench, weeks, mode, scales) : await runWorld2019(bench);
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ...result, label: bench.label })}\n`);
    return;
  }

  const quick = args.includes('--quick');
  const write = !quick && !args.includes('--no-write');
  const selected = CASES.filter((c) => !quick || QUICK_CASES.includes(c.name));
  const outcomes: CaseOutcome[] = [];
  for (const bench of selected) {
    outcomes.push(bench.kind === 'two-hubs' ? await twoHubsCase(bench, weeks) : await oneProcess(bench.name, []));
  }
  const results = {
    date: new Date().toISOString(),
    git: gitCommit(),
    machine: machine(),
    settings: {
      seed: SEED,
      twoHubsScenario: 'baseline',
      twoHubsTimedWeeks: weeks,
      world2019Scenario: 'baseline-2019',
      world2019Weeks: WORLD_2019_WEEKS,
      quick,
      targetTolerance: TARGET_TOLERANCE,
      notes: [
        'Each case runs in a fresh Node process started with --expose-gc; memory is read after gc().',
        'two-hubs: scale is chosen so the agent count at week 0 (after the untimed warm-up) is within 1 % of the target.',
        'agentStepsPerSecond = Σ over timed weeks of living agents (SMEs alive + cells + firms + hubs + policymakers) / seconds of stepping.',
        'plain: step(world) without phase timing (headline); phased: the same world and weeks, built again in a second process, with a clock around each phase.',
        'bytesPerAgentNet = (heapUsed + arrayBuffers after the runs − the same right after importing the modules) / agents at week 0.',
      ],
    },
    cases: outcomes.filter((o) => o.ok).map((o) => ({ ...o.result, processWallMs: o.wallMs })),
    failures: outcomes.filter((o) => !o.ok).map((o) => ({ name: o.name, error: o.error, processWallMs: o.wallMs })),
  };
  printSummary(results);
  if (write) {
    writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
    updateDoc(results);
    console.log(`\nwrote ${RESULTS_PATH} and ${DOC_PATH}`);
  } else {
    console.log(`\n(nothing written${quick ? ': --quick' : ''})`);
  }
  if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
}

await main();
