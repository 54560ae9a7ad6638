import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesIn, glocal, ROOT, tempDir, writeFile } from '../cli/cli-helpers.ts';
import { sbatchScript, slurmMemoryProblem, slurmTimeProblem, type SlurmJobOptions } from '../../src/sweep/slurm.ts';

const base: SlurmJobOptions = {
  specPath: '/home/ana/glocal/worlds/two-hubs/sweeps/digital grid.json',
  outDir: '/scratch/ana/grid',
  glocalBin: '/home/ana/glocal/bin/glocal.mjs',
  projectRoot: '/home/ana/glocal',
  tasks: 16,
  time: '02:30:00',
  mem: '6G',
  cpusPerTask: 8,
  jobName: 'grid',
  modules: ['nodejs/20'],
  sweepArgs: ['--csv', '--set', 'scale=20'],
  generator: 'glocal slurm (test)',
};

function directives(script: string): Record<string, string> {
  return Object.fromEntries(
    script
      .split('\n')
      .filter((line) => line.startsWith('#SBATCH '))
      .map((line) => {
        const [key, value] = line.slice('#SBATCH --'.length).split('=');
        return [key, value];
      }),
  );
}

describe('the sbatch job-array script', () => {
  const script = sbatchScript(base);

  it('asks for an array of N tasks (0 … N−1) with the time, memory, CPUs and log files given', () => {
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    expect(directives(script)).toEqual({
      'job-name': 'grid',
      array: '0-15',
      time: '02:30:00',
      mem: '6G',
      'cpus-per-task': '8',
      ntasks: '1',
      output: '/scratch/ana/grid/logs/%x-%A_%a.out',
    });
  });

  it('puts every #SBATCH line before the first command (sbatch ignores later ones)', () => {
    const lines = script.split('\n');
    const lastDirective = lines.map((line) => line.startsWith('#SBATCH')).lastIndexOf(true);
    const firstCommand = lines.findIndex((line) => line !== '' && !line.startsWith('#'));
    expect(lastDirective).toBeLessThan(firstCommand);
  });

  it('runs the shard of the task index through srun with one worker per CPU, arguments quoted', () => {
    const line = script.split('\n').find((l) => l.startsWith('srun '));
    expect(line).toBeDefined();
    // bash itself expands the line, with srun replaced by a function that prints its arguments.
    const program = `srun() { printf '%s\\n' "$@"; }\nSLURM_CPUS_PER_TASK=8\nSLURM_ARRAY_TASK_ID=3\n${line!}\n`;
    const words = execFileSync('bash', ['-c', program], { encoding: 'utf8' }).trimEnd().split('\n');
    words.unshift('srun');
    expect(words).toEqual([
      'srun',
      '--cpus-per-task=8',
      'node',
      '/home/ana/glocal/bin/glocal.mjs',
      'sweep',
      '/home/ana/glocal/worlds/two-hubs/sweeps/digital grid.json',
      '--out',
      '/scratch/ana/grid',
      '--csv',
      '--set',
      'scale=20',
      '--quiet',
      '--workers',
      '8',
      '--shard',
      '3/16',
    ]);
  });

  it('loads modules and changes to the project before running', () => {
    expect(script).toContain('\nmodule load nodejs/20\ncd /home/ana/glocal\n');
    expect(script).toContain('set -euo pipefail');
  });

  it('adds throttling, partition and account only when asked', () => {
    expect(script).not.toMatch(/#SBATCH --(partition|account)/);
    expect(directives(script).array).not.toContain('%');
    const full = directives(sbatchScript({ ...base, maxRunning: 4, partition: 'short', account: 'econ' }));
    expect(full.array).toBe('0-15%4');
    expect(full.partition).toBe('short');
    expect(full.account).toBe('econ');
  });

  it('is valid bash (bash -n)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'glocal-slurm-'));
    const path = join(folder, 'sweep.sbatch');
    writeFileSync(path, script);
    expect(() => execFileSync('bash', ['-n', path])).not.toThrow();
  });
});

describe('checks of Slurm option values', () => {
  it('accepts the time forms sbatch does and refuses others', () => {
    for (const ok of ['90', '30:00', '04:00:00', '1-12', '1-12:00', '2-00:00:00']) expect(slurmTimeProblem(ok)).toBeNull();
    for (const bad of ['4h', '', '1:2:3:4', 'ten']) expect(slurmTimeProblem(bad)).toMatch(/expected a Slurm time/);
  });

  it('accepts memory sizes with K, M, G, T and refuses others', () => {
    for (const ok of ['4G', '500M', '1024', '2t']) expect(slurmMemoryProblem(ok)).toBeNull();
    for (const bad of ['4 GB', '-1G', 'lots']) expect(slurmMemoryProblem(bad)).toMatch(/expected a memory size/);
  });
});

describe('glocal slurm (CLI)', () => {
  const spec = join(ROOT, 'tests', 'cluster', 'small-sweep.json'); // 12 runs

  it('--dry-run prints the script for the spec and writes nothing', async () => {
    const out = join(tempDir(), 'grid');
    const result = await glocal(['slurm', spec, '--tasks', '4', '--out', out, '--dry-run', '--max-running', '2', '--module', 'nodejs/20']);
    expect(result.code, result.stderr).toBe(0);
    expect(directives(result.stdout)).toMatchObject({ array: '0-3%2', time: '04:00:00', mem: '4G', 'cpus-per-task': '4' });
    expect(result.stdout).toContain(`--out ${out} --quiet`);
    expect(result.stdout).toContain('\nmodule load nodejs/20\n');
    expect(existsSync(out)).toBe(false);
  });

  it('writes DIR/sweep.sbatch and the log folder Slurm needs, and says how to submit and merge', async () => {
    const out = join(tempDir(), 'grid');
    const result = await glocal(['slurm', spec, '--tasks', '5', '--out', out, '--time', '1:00:00', '--mem', '2G', '--cpus-per-task', '2']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('a job array of 5 tasks, 12 runs (2–3 per task)');
    expect(result.stdout).toContain(`sbatch ${out}/sweep.sbatch`);
    expect(result.stdout).toContain(`glocal merge ${out}`);
    expect(directives(readFileSync(join(out, 'sweep.sbatch'), 'utf8'))).toMatchObject({ array: '0-4', time: '1:00:00', mem: '2G', 'cpus-per-task': '2' });
    expect(filesIn(out)).toEqual(['logs', 'sweep.sbatch']);
  });

  it('reports every bad option at once, exits 2 and writes nothing', async () => {
    const out = join(tempDir(), 'grid');
    const result = await glocal(['slurm', spec, '--tasks', '0', '--out', out, '--time', '4h', '--mem', 'lots']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--tasks expects a whole number in [1, 1000000], got "0"');
    expect(result.stderr).toContain('--time: expected a Slurm time such as 04:00:00');
    expect(result.stderr).toContain('--mem: expected a memory size such as 4G');
    expect(result.stderr).toContain('nothing was written.');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses more tasks than runs, and a bad spec, before writing anything', async () => {
    const out = join(tempDir(), 'grid');
    const tooMany = await glocal(['slurm', spec, '--tasks', '13', '--out', out]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--tasks 13 is more than the sweep\'s 12 runs; use at most 12 tasks');
    const bad = writeFile(tempDir(), 'bad.json', JSON.stringify({ world: 'two-hubs', seeds: 2, metrics: ['smeAdoption'], weeks: -3 }, null, 2));
    const invalid = await glocal(['slurm', bad, '--tasks', '2', '--out', out]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/weeks/);
    expect(existsSync(out)).toBe(false);
  });
});
