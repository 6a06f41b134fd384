import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = path.join(ROOT, 'action/dist');

async function listing(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(path.join(dir, name), 'utf8');
  return files;
}

describe('action/dist', () => {
  it('is what `npm run build:action` makes from the current sources (run it and commit action/dist)', async () => {
    const script = (JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:action']!;
    const args = script.split(/\s+/);
    expect(args.slice(0, 2)).toEqual(['ncc', 'build']);
    const out = await mkdtemp(path.join(tmpdir(), 'modelshift-dist-'));
    try {
      // The same command with another output folder; the build must not depend on where it writes.
      const outAt = args.indexOf('-o');
      args[outAt + 1] = out;
      await exec(path.join(ROOT, 'node_modules/.bin/ncc'), args.slice(1), { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
      const [built, committed] = await Promise.all([listing(out), listing(DIST)]);
      expect(Object.keys(committed)).toEqual(Object.keys(built));
      for (const [name, text] of Object.entries(built)) expect(committed[name] === text, `action/dist/${name} is stale`).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 300_000);

  it('runs as an ES module under node: a package.json marks the folder', async () => {
    expect(JSON.parse(await readFile(path.join(DIST, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
  });
});
