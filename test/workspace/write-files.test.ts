import { mkdtemp, readFile, readdir, stat, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { nodeFs, writeFilesAtomically, type WriteFs } from '../../src/workspace/write-files.js';

async function fiveFiles() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'modelshift-write-'));
  const names = ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml'];
  for (const name of names) await writeFile(path.join(dir, name), `old ${name}\n`);
  await chmod(path.join(dir, 'c.yaml'), 0o600);
  return { dir, names, next: Object.fromEntries(names.map((n) => [n, `new ${n}\n`])) };
}

async function contents(dir: string) {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')]));
}

describe('writeFilesAtomically', () => {
  it('writes every file and keeps each file mode', async () => {
    const { dir, next } = await fiveFiles();
    await writeFilesAtomically(dir, next);
    expect(await contents(dir)).toEqual(Object.entries(next));
    expect((await stat(path.join(dir, 'c.yaml'))).mode & 0o777).toBe(0o600);
  });

  it('leaves all five files untouched when the 3rd write fails', async () => {
    const { dir, next } = await fiveFiles();
    const before = await contents(dir);
    let writes = 0;
    const failing: WriteFs = { ...nodeFs, writeFile: async (file, text, mode) => { if (++writes === 3) throw new Error('disk full'); return nodeFs.writeFile(file, text, mode); } };
    await expect(writeFilesAtomically(dir, next, failing)).rejects.toBeInstanceOf(ExternalError);
    expect(await contents(dir)).toEqual(before);
  });

  it('puts back the files already replaced when the 3rd rename fails', async () => {
    const { dir, next } = await fiveFiles();
    const before = await contents(dir);
    let renames = 0;
    const failing: WriteFs = { ...nodeFs, rename: async (from, to) => { if (!from.endsWith('.bak') && ++renames === 3) throw new Error('EIO'); return nodeFs.rename(from, to); } };
    await expect(writeFilesAtomically(dir, next, failing)).rejects.toThrow(/nothing was changed/);
    expect(await contents(dir)).toEqual(before);
  });
});
