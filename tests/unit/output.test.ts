import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.ts';
import {
  acquireOutputLock,
  AtomicFile,
  canonicalJson,
  checkOutputPath,
  lockPathFor,
  openLockedFolder,
  OutputTransaction,
  sha256,
} from '../../src/output/index.ts';

/** src/output: the path check, the lock, the whole-folder transaction and the hashing helpers. */

const fresh = () => mkdtempSync(join(tmpdir(), 'glocal-output-'));
const quiet = { command: 'test', report: () => {} };

function userErrorOf(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('checkOutputPath', () => {
  it('accepts a new folder several levels below an existing one, creating nothing', () => {
    const root = fresh();
    const checked = checkOutputPath(join(root, 'a', 'b', 'c'));
    expect(checked).toMatchObject({ target: join(root, 'a', 'b', 'c'), exists: false, name: 'c' });
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses an existing file, and a folder inside a file, with exit code 2', () => {
    const root = fresh();
    writeFileSync(join(root, 'f'), 'x');
    const file = userErrorOf(() => checkOutputPath(join(root, 'f')));
    expect(file.exitCode).toBe(2);
    expect(file.message).toMatch(/is a file/);
    expect(userErrorOf(() => checkOutputPath(join(root, 'f', 'sub'))).message).toMatch(/is a file, so no folder can be created/);
  });

  it('refuses kernel file systems (/proc, /sys, /dev) but not /dev/shm', () => {
    for (const path of ['/proc/x', '/proc/self/new/deeper', '/sys/glocal', '/dev/glocal']) {
      expect(userErrorOf(() => checkOutputPath(path)).message).toMatch(/system file system/);
    }
    if (existsSync('/dev/shm')) expect(checkOutputPath('/dev/shm/glocal-check-only').exists).toBe(false);
  });

  it('refuses an existing folder unless force or allowExisting', () => {
    const root = fresh();
    expect(userErrorOf(() => checkOutputPath(root)).message).toMatch(/already exists.*--force/);
    expect(checkOutputPath(root, { force: true }).exists).toBe(true);
    expect(checkOutputPath(root, { allowExisting: true }).exists).toBe(true);
  });
});

describe('OutputTransaction', () => {
  it('shows nothing under the target until commit, then every file with its hash', () => {
    const target = join(fresh(), 'out');
    const tx = OutputTransaction.begin(target, quiet);
    const file = tx.file('data.csv');
    file.write('a,b\n');
    file.write('1,2\n');
    expect(file.close()).toEqual({ sha256: sha256('a,b\n1,2\n'), bytes: 8 });
    tx.writeFile('manifest.json', '{}\n');
    expect(existsSync(target)).toBe(false);
    expect(existsSync(lockPathFor(target))).toBe(true);
    tx.commit();
    expect(readdirSync(target).sort()).toEqual(['data.csv', 'manifest.json']);
    expect(readFileSync(join(target, 'data.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(join(target, '..'))).toEqual(['out']); // no temp folder, no lock left
  });

  it('refuses to commit while a file is still open, and abort leaves nothing', () => {
    const target = join(fresh(), 'out');
    const tx = OutputTransaction.begin(target, quiet);
    tx.file('open.csv').write('x');
    expect(() => tx.commit()).toThrow(/unclosed/);
    tx.abort();
    expect(readdirSync(join(target, '..'))).toEqual([]);
  });

  it('replaces an existing result with --force, but never a folder without a manifest', () => {
    const root = fresh();
    const target = join(root, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'manifest.json'), '{"old":true}');
    writeFileSync(join(target, 'old-only.csv'), 'x');
    const tx = OutputTransaction.begin(target, { ...quiet, force: true });
    tx.writeFile('manifest.json', '{"new":true}');
    tx.commit();
    expect(readdirSync(target)).toEqual(['manifest.json']);
    expect(readdirSync(root)).toEqual(['out']);
    const precious = join(root, 'thesis');
    mkdirSync(precious);
    writeFileSync(join(precious, 'chapter1.tex'), 'x');
    expect(userErrorOf(() => OutputTransaction.begin(precious, { ...quiet, force: true })).message).toMatch(/no manifest\.json/);
    expect(readdirSync(root).sort()).toEqual(['out', 'thesis']);
  });

  it('cleans up a killed run’s temp folder and restores a result it had set aside, reporting both', () => {
    const root = fresh();
    const deadPid = 4_000_000; // above Linux's pid_max
    mkdirSync(join(root, `.out.glocal-tmp-${deadPid}`));
    writeFileSync(join(root, `.out.glocal-tmp-${deadPid}`, 'indicators.csv'), 'partial');
    mkdirSync(join(root, `.out.glocal-old-${deadPid}`));
    writeFileSync(join(root, `.out.glocal-old-${deadPid}`, 'manifest.json'), '{"previous":true}');
    const reports: string[] = [];
    const target = join(root, 'out');
    expect(userErrorOf(() => OutputTransaction.begin(target, { command: 'test', report: (m) => reports.push(m) })).message).toMatch(/already exists/);
    expect(reports.join('\n')).toMatch(/removed .*glocal-tmp-4000000.*killed/);
    expect(reports.join('\n')).toMatch(/restored the previous result/);
    expect(readFileSync(join(target, 'manifest.json'), 'utf8')).toBe('{"previous":true}');
    expect(readdirSync(root)).toEqual(['out']);
  });
});

describe('acquireOutputLock', () => {
  it('refuses a second writer naming the holder, and breaks a lock whose process died', () => {
    const target = join(fresh(), 'out');
    const lock = acquireOutputLock(target, 'glocal run --out out');
    expect(userErrorOf(() => acquireOutputLock(target, 'again')).message).toMatch(/already being written by this process/);
    lock.release();
    writeFileSync(lockPathFor(target), JSON.stringify({ pid: 4_000_000, host: hostname(), command: 'dead', startedAt: '' }));
    const second = acquireOutputLock(target, 'second');
    expect(JSON.parse(readFileSync(lockPathFor(target), 'utf8'))).toMatchObject({ pid: process.pid, command: 'second' });
    second.release();
    expect(existsSync(lockPathFor(target))).toBe(false);
  });

  it('names a live holder on another host and does not break its lock', () => {
    const target = join(fresh(), 'out');
    writeFileSync(lockPathFor(target), JSON.stringify({ pid: 1, host: 'node17.cluster', command: 'glocal sweep s.json', startedAt: 'then' }));
    const error = userErrorOf(() => acquireOutputLock(target, 'mine'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/process 1 on node17\.cluster.*glocal sweep s\.json/);
  });
});

describe('a locked folder added to over time', () => {
  it('removes temporaries of dead writers and keeps committed files', () => {
    const folder = join(fresh(), 'sweep');
    mkdirSync(folder);
    writeFileSync(join(folder, 'run-1.csv'), 'done');
    writeFileSync(join(folder, '.run-2.csv.4000000.tmp'), 'partial');
    const opened = openLockedFolder(folder, 'sweep');
    expect(opened.removed).toEqual([join(folder, '.run-2.csv.4000000.tmp')]);
    const file = new AtomicFile(join(folder, 'run-2.csv'));
    file.write('complete');
    expect(file.commit()).toBe(sha256('complete'));
    opened.lock.release();
    expect(readdirSync(folder).sort()).toEqual(['run-1.csv', 'run-2.csv']);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps a "__proto__" key as data', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1}}');
  });
});
