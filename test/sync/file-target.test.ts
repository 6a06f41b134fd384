import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ExternalError } from '../../src/errors.js';
import { fileTarget } from '../../src/sync/file-target.js';
import { runSync } from '../../src/sync/run.js';
import { DEFAULT_HTTP } from '../../src/sync/target.js';
import { bundleFrom, sampleFiles } from './fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'modelshift-file-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const target = (p: string) => fileTarget({ name: 'bundle', type: 'file', path: p }, { root: dir, env: {}, http: DEFAULT_HTTP });
const sync = (p: string, dryRun = false) => runSync([{ config: { name: 'bundle', type: 'file', path: p }, target: target(p) }], bundleFrom(sampleFiles()), { dryRun, prune: false });

describe('file target', () => {
  it('writes the bundle as JSON into a new folder, leaving no temporary file, and nothing under --dry-run', async () => {
    const [dry] = await sync('build/agents.json', true);
    expect(dry).toMatchObject({ written: false, drift: true, counts: { created: 3 } });
    await expect(readdir(dir)).resolves.toEqual([]);

    await sync('build/agents.json');
    expect(JSON.parse(await readFile(path.join(dir, 'build/agents.json'), 'utf8'))).toEqual(bundleFrom(sampleFiles()));
    expect(await readdir(path.join(dir, 'build'))).toEqual(['agents.json']);
  });

  it('writes YAML for a .yaml path and reads it back as unchanged', async () => {
    await sync('agents.yaml');
    expect(parse(await readFile(path.join(dir, 'agents.yaml'), 'utf8'))).toEqual(bundleFrom(sampleFiles()));
    const [again] = await sync('agents.yaml');
    expect(again).toMatchObject({ written: false, drift: false, counts: { unchanged: 3 } });
  });

  it('refuses to overwrite a file that is not a bundle', async () => {
    await writeFile(path.join(dir, 'agents.json'), '{"name": "my package"}');
    await expect(sync('agents.json')).rejects.toThrow(/agents.json does not hold a modelshift bundle/);
    await writeFile(path.join(dir, 'agents.json'), '{ not json');
    await expect(sync('agents.json')).rejects.toThrow(ExternalError);
    expect(await readFile(path.join(dir, 'agents.json'), 'utf8')).toBe('{ not json');
  });
});
