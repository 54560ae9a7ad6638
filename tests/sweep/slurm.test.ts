import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
