import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/index.js';
import type { CommandContext } from '../../src/commands/context.js';
import { initCommand, scaffold, withCacheIgnored } from '../../src/commands/init.js';
import { validateCommand } from '../../src/commands/validate.js';
import { UsageError } from '../../src/errors.js';

const repo = path.resolve(import.meta.dirname, '../..');
let dir: string;
let out: string[];

function context(cwd: string): CommandContext {
  out = [];
  return { cwd, env: {}, stdout: (t) => out.push(t), stderr: (t) => out.push(t), isTTY: false, now: new Date('2026-11-22T12:00:00Z') };
}

function tree(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(path.join(root, rel));
    entries[rel] = stat.isDirectory() ? 'dir' : `${stat.mtimeMs} ${readFileSync(path.join(root, rel), 'utf8')}`;
  }
  return entries;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'modelshift-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('init', () => {
  it('creates a workspace that validates cleanly, every file with its modeline', async () => {
    const result = await initCommand(context(dir));
    expect(result).toEqual({ exitCode: 0, data: { created: ['modelshift.yaml', 'providers/openai.yaml', 'agents/example-assistant.yaml'], gitignore: 'created' } });
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('\n.modelshift/cache/\n');
    expect(out.join('')).toContain('created agents/example-assistant.yaml');
    for (const file of result.data.created) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const kind = (parse(text) as { kind: string }).kind.toLowerCase();
      expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://raw.githubusercontent.com/modelshift/modelshift/main/schemas/${kind}.schema.json`);
    }
    const validation = await validateCommand(context(dir), { format: 'json' });
    expect(validation.exitCode).toBe(0);
    expect(validation.data).toMatchObject({ ok: true, errors: [], warnings: [], counts: { files: 3, agents: 1, providers: 1 } });
  });

  it('adds the cache to an existing .gitignore once, keeping what is there', async () => {
    writeFileSync(path.join(dir, '.gitignore'), 'node_modules/');
    expect((await initCommand(context(dir))).data.gitignore).toBe('updated');
    const text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    expect(text.startsWith('node_modules/\n')).toBe(true);
    expect(text.match(/\.modelshift\/cache\//g)).toHaveLength(1);
    expect(withCacheIgnored(text)).toBeUndefined();
    expect(withCacheIgnored('/.modelshift/\n')).toBeUndefined();
  });

  it('scaffolds a model the catalog knows and does not plan to retire', () => {
    const agent = parse(scaffold()['agents/example-assistant.yaml']!) as { spec: { model: { name: string } } };
    const entry = new Catalog().lookup(agent.spec.model.name);
    expect(entry).toBeDefined();
    expect(entry!.retires).toBeUndefined();
  });

  it('refuses a second run and writes nothing, even when only one file is there', async () => {
    await initCommand(context(dir));
    const before = tree(dir);
    await expect(initCommand(context(dir))).rejects.toThrow(UsageError);
    expect(tree(dir)).toEqual(before);

    rmSync(path.join(dir, 'modelshift.yaml'));
    rmSync(path.join(dir, 'providers'), { recursive: true });
    const partial = tree(dir);
    await expect(initCommand(context(dir))).rejects.toThrow(/agents\/example-assistant\.yaml already exists; init writes nothing over your files/);
    expect(tree(dir)).toEqual(partial);
    expect(existsSync(path.join(dir, 'modelshift.yaml'))).toBe(false);
  });

  it('exits 2 from the CLI on a second run with a hint and no stack trace', () => {
    if (!existsSync(path.join(repo, 'dist/src/cli.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
    writeFileSync(path.join(dir, 'modelshift.yaml'), '# mine\n');
    const result = spawnSync(process.execPath, [path.join(repo, 'bin/modelshift.js'), 'init', '-C', dir], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'error: modelshift.yaml already exists; init writes nothing over your files\nhint: run init in a new folder, or copy the files you need from examples/\n',
    );
    expect(readFileSync(path.join(dir, 'modelshift.yaml'), 'utf8')).toBe('# mine\n');
    expect(readdirSync(dir)).toEqual(['modelshift.yaml']);
  });
});
