import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { JOURNAL_FILE, TEMP_DIR } from '../../src/workspace/state-dir.js';
import { journalFinding, recoverWrites } from '../../src/workspace/recover.js';
import { nodeFs, writeFilesAtomically, type WriteFs } from '../../src/workspace/write-files.js';

async function fiveFiles() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelshift-write-'));
  const names = ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml'];
  for (const name of names) await writeFile(path.join(dir, name), `old ${name}\n`);
  await chmod(path.join(dir, 'c.yaml'), 0o600);
  return { dir, names, next: Object.fromEntries(names.map((n) => [n, `new ${n}\n`])) };
}

/** Every file under `dir`, the state folder included: a stray temporary shows up here. */
async function contents(dir: string) {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
  return Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')]));
}

class Killed extends Error {}

/** An io that dies at the n-th rename: from then on every operation fails, so the state left is what SIGKILL leaves. */
function dyingAt(n: number, counted: 'rename' | 'writeFile' = 'rename'): WriteFs {
  let calls = 0;
  let dead = false;
  const guard = <A extends unknown[], R>(name: keyof WriteFs, op: (...args: A) => R) => (...args: A): R => {
    if (!dead && name === counted && ++calls === n) dead = true;
    if (dead) throw new Killed();
    return op(...args);
  };
  return Object.fromEntries(Object.entries(nodeFs).map(([name, op]) => [name, guard(name as keyof WriteFs, op as (...args: unknown[]) => unknown)])) as unknown as WriteFs;
}

function killedWrite(dir: string, files: Record<string, string>, n: number, counted: 'rename' | 'writeFile' = 'rename') {
  expect(() => writeFilesAtomically(dir, files, { command: 'apply test', io: dyingAt(n, counted) })).toThrow();
}

describe('writeFilesAtomically', () => {
  it('writes every file, keeps each file mode and leaves no journal or temporary', async () => {
    const { dir, next } = await fiveFiles();
    writeFilesAtomically(dir, next, { command: 'apply test' });
    expect(await contents(dir)).toEqual(Object.entries(next));
    expect((await stat(path.join(dir, 'c.yaml'))).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dir, '.modelshift'))).toBe(false);
  });

  it('keeps a mode the umask would cut (world-writable) and one it leaves (0o644)', async () => {
    const { dir, next } = await fiveFiles();
    await chmod(path.join(dir, 'a.yaml'), 0o666);
    await chmod(path.join(dir, 'b.yaml'), 0o644);
    // Under the usual umask (0o022) the first needs its chmod, the second does not.
    writeFilesAtomically(dir, next, { command: 'apply test' });
    expect((await stat(path.join(dir, 'a.yaml'))).mode & 0o777).toBe(0o666);
    expect((await stat(path.join(dir, 'b.yaml'))).mode & 0o777).toBe(0o644);
  });

  it('leaves all five files untouched when the 3rd write fails', async () => {
    const { dir, next } = await fiveFiles();
    const before = await contents(dir);
    let writes = 0;
    const failing: WriteFs = { ...nodeFs, writeFile: (file, text, mode) => { if (++writes === 3) throw new Error('disk full'); nodeFs.writeFile(file, text, mode); } };
    expect(() => writeFilesAtomically(dir, next, { command: 'apply test', io: failing })).toThrow(ExternalError);
    expect(await contents(dir)).toEqual(before);
  });

  it('puts back the files already replaced, from memory, when the 3rd rename fails', async () => {
    const { dir, next } = await fiveFiles();
    const before = await contents(dir);
    let renames = 0;
    const failing: WriteFs = { ...nodeFs, rename: (from, to) => { if (!from.includes('-undo-') && ++renames === 3) throw new Error('EIO'); nodeFs.rename(from, to); } };
    expect(() => writeFilesAtomically(dir, next, { command: 'apply test', io: failing })).toThrow(/nothing was changed/);
    expect(await contents(dir)).toEqual(before);
    expect((await stat(path.join(dir, 'c.yaml'))).mode & 0o777).toBe(0o600);
  });

  it('refuses to start while a journal is there, and changes nothing', async () => {
    const { dir, next } = await fiveFiles();
    await mkdir(path.join(dir, '.modelshift'));
    await writeFile(path.join(dir, JOURNAL_FILE), '{}');
    const before = await contents(dir);
    expect(() => writeFilesAtomically(dir, next, { command: 'apply test' })).toThrow(/another modelshift write is in progress.*nothing was changed/);
    expect(await contents(dir)).toEqual(before);
  });
});

describe('recoverWrites after a write killed in its rename phase', () => {
  it('finishes the write when every target holds its original or its new text', async () => {
    const { dir, next } = await fiveFiles();
    killedWrite(dir, next, 3);
    expect(existsSync(path.join(dir, JOURNAL_FILE))).toBe(true);
    expect(journalFinding(dir)).toMatchObject({ file: JOURNAL_FILE, rule: 'interrupted-write', severity: 'error' });
    const result = recoverWrites(dir);
    expect(result.unresolved).toBeUndefined();
    expect(result.notes[0]).toMatch(/^finished an interrupted `apply test` .*: 2 of 5 files had been written, wrote the other 3$/);
    expect(await contents(dir)).toEqual(Object.entries(next));
    expect((await stat(path.join(dir, 'c.yaml'))).mode & 0o777).toBe(0o600);
    expect(journalFinding(dir)).toBeUndefined();
  });

  it('undoes the write when a target changed since, keeping that change', async () => {
    const { dir, next } = await fiveFiles();
    killedWrite(dir, next, 4);
    await writeFile(path.join(dir, 'e.yaml'), 'edited by a person\n');
    const result = recoverWrites(dir);
    expect(result.notes[0]).toMatch(/^undid an interrupted `apply test` .*: put 3 of 5 files back as they were; 1 changed since and kept as they are: e\.yaml$/);
    expect(await contents(dir)).toEqual([
      ['a.yaml', 'old a.yaml\n'], ['b.yaml', 'old b.yaml\n'], ['c.yaml', 'old c.yaml\n'], ['d.yaml', 'old d.yaml\n'], ['e.yaml', 'edited by a person\n'],
    ]);
    expect((await stat(path.join(dir, 'c.yaml'))).mode & 0o777).toBe(0o600);
  });

  it('undoes the write when a temporary is lost', async () => {
    const { dir, next } = await fiveFiles();
    const before = await contents(dir);
    killedWrite(dir, next, 2);
    const temps = await readdir(path.join(dir, TEMP_DIR));
    await writeFile(path.join(dir, TEMP_DIR, temps.sort().at(-1)!), 'truncated');
    const result = recoverWrites(dir);
    expect(result.unresolved).toBeUndefined();
    expect(result.notes[0]).toMatch(/^undid .*: put 1 of 5 files back as they were$/);
    expect(await contents(dir)).toEqual(before);
  });

  it('leaves a journal of a writer that still runs alone, and validate says so', async () => {
    const { dir, next } = await fiveFiles();
    killedWrite(dir, next, 2);
    const journal = JSON.parse(await readFile(path.join(dir, JOURNAL_FILE), 'utf8'));
    await writeFile(path.join(dir, JOURNAL_FILE), JSON.stringify({ ...journal, pid: process.ppid }));
    const result = recoverWrites(dir);
    expect(result.unresolved).toMatch(/is writing this workspace now/);
    expect(journalFinding(dir)?.message).toMatch(/is writing this workspace now/);
    expect(await readFile(path.join(dir, 'd.yaml'), 'utf8')).toBe('old d.yaml\n');
  });

  it('reports a journal it cannot read instead of guessing', async () => {
    const { dir } = await fiveFiles();
    await mkdir(path.join(dir, '.modelshift'));
    await writeFile(path.join(dir, JOURNAL_FILE), '{"version": 1, "entr');
    expect(recoverWrites(dir).unresolved).toMatch(/is not a journal modelshift wrote/);
    expect(journalFinding(dir)?.message).toMatch(/check the files it names by hand/);
  });

  it('removes temporaries of a writer killed before its journal, and says so', async () => {
    const { dir, next } = await fiveFiles();
    const before = await contents(dir);
    killedWrite(dir, next, 4, 'writeFile');
    expect((await readdir(path.join(dir, TEMP_DIR))).length).toBe(3);
    // Named with this process's pid, which no other writer can have: to a later command they are a dead writer's.
    expect(recoverWrites(dir).notes).toEqual(['removed 3 temporary file(s) left by an interrupted write']);
    expect(await contents(dir)).toEqual(before);
  });
});
