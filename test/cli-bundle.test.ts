import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from './helpers/examples.js';
import { PROVIDERS, agentYaml } from './helpers/workspace.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(repo, 'bin/modelshift.js');
const unbundled = fileURLToPath(new URL('./helpers/unbundled-cli.mjs', import.meta.url));

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the bundled CLI (dist/cli)', () => {
  it('is what bin/modelshift.js runs, with the worker scripts beside its chunks', () => {
    if (!existsSync(path.join(repo, 'dist/cli/cli.js'))) throw new Error('dist/cli is missing: run `npm run build` before this test');
    for (const worker of ['parse-worker.js', 'read-worker.js']) expect(existsSync(path.join(repo, 'dist/cli', worker)), worker).toBe(true);
  });

  // A bundle can break what the modules did not (a dynamic import of a CommonJS package gets only its
  // default export there): the demo's commands on examples/ must answer alike, byte for byte.
  it('answers as the unbundled build does', () => {
    const commands = [
      ['validate'],
      ['validate', '--format', 'json'],
      ['plan', 'gpt-4.1-to-gpt-5.1'],
      ['plan', 'gpt-4o-to-claude-sonnet-5-5', '--format', 'json'],
      ['eval', 'gpt-4.1-to-gpt-5.1', '--offline'],
      ['eval', 'gpt-4o-to-claude-sonnet-5-5', '--offline', '--format', 'markdown'],
      ['catalog', 'show', 'gpt-4.1'],
      ['watch', '--dry-run', '--references', '--dashboard'],
      ['scan'],
      ['scan', '--format', 'sarif'],
      ['plan', 'no-such-migration'],
      ['--help'],
    ];
    for (const args of commands) {
      const run = (entry: string) => spawnSync(process.execPath, [entry, ...args, '-C', EXAMPLES_DIR], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      const [bundled, modules] = [run(bin), run(unbundled)];
      expect([bundled.status, bundled.stdout, bundled.stderr], args.join(' ')).toEqual([modules.status, modules.stdout, modules.stderr]);
      expect(bundled.stderr, args.join(' ')).not.toMatch(/internal error/);
    }
  });

  // A bundle that put the workers where its chunks do not look would still answer, on one thread: only the
  // threads a run starts tell. Node writes one CPU profile per thread.
  it.skipIf(availableParallelism() < 2)('parses a large workspace on a second thread', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'modelshift-bundle-'));
    const root = path.join(dir, 'ws');
    await mkdir(path.join(root, 'agents'), { recursive: true });
    await mkdir(path.join(root, 'providers'));
    for (const [file, text] of Object.entries(PROVIDERS)) await writeFile(path.join(root, file), text);
    await Promise.all(Array.from({ length: 900 }, (_, i) => writeFile(path.join(root, `agents/a${i}.yaml`), agentYaml(`a${i}`, 'gpt-4.1', '{ temperature: 0.2 }'))));
    const profiles = path.join(dir, 'profiles');
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, bin, 'validate', '-C', root, '--format', 'json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).counts.agents).toBe(900);
    expect((await readdir(profiles)).filter((f) => f.endsWith('.cpuprofile')).length).toBeGreaterThanOrEqual(2);
  });
});
