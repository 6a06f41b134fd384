import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { discoverYamlFiles } from '../../src/workspace/discover.js';
import { findWorkspaceRoot } from '../../src/workspace/root.js';

let tmp: string;
let root: string;

function write(rel: string, text = 'a: 1\n', base = root): void {
  mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
  writeFileSync(path.join(base, rel), text);
}

beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'modelshift-discover-'));
  root = path.join(tmp, 'ws');
  mkdirSync(root);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('discoverYamlFiles', () => {
  it('finds .yaml and .yml files, sorted, skipping .git, node_modules, other files and ignore globs', async () => {
    for (const rel of ['b.yml', 'a/c.yaml', 'a/d.YAML', '.git/x.yaml', 'node_modules/p/x.yaml', 'notes.txt', 'drafts/old.yaml', 'a/tmp.draft.yaml']) write(rel);
    expect(await discoverYamlFiles(root, ['drafts/**', '**/*.draft.yaml'])).toEqual({ files: ['a/c.yaml', 'a/d.YAML', 'b.yml'], findings: [] });
  });

  it('follows links inside the workspace, reading each file and folder once', async () => {
    write('agents/a.yaml');
    write('shared/s.yaml');
    symlinkSync('../shared/s.yaml', path.join(root, 'agents/s.yaml'));
    symlinkSync('../agents/a.yaml', path.join(root, 'shared/alias.yaml'));
    symlinkSync('../shared', path.join(root, 'agents/shared'));
    symlinkSync('..', path.join(root, 'agents/loop'));
    expect(await discoverYamlFiles(root)).toEqual({ files: ['agents/a.yaml', 'shared/s.yaml'], findings: [] });
  });

  it('reads a file reached only through a link under the link name', async () => {
    write('vendor/s.yaml');
    symlinkSync('vendor/s.yaml', path.join(root, 'agents-s.yaml'));
    expect((await discoverYamlFiles(root, ['vendor/**'])).files).toEqual(['agents-s.yaml']);
  });

  it('reports links leaving the workspace or pointing nowhere, and ignores other links', async () => {
    write('outside.yaml', 'x: 1\n', tmp);
    mkdirSync(path.join(tmp, 'outside-dir'));
    write('notes.txt', 'x', tmp);
    mkdirSync(path.join(root, 'agents'));
    symlinkSync(path.join(tmp, 'outside.yaml'), path.join(root, 'agents/out.yaml'));
    symlinkSync(path.join(tmp, 'outside-dir'), path.join(root, 'agents/dir'));
    symlinkSync(path.join(tmp, 'notes.txt'), path.join(root, 'notes.txt'));
    symlinkSync('missing.yaml', path.join(root, 'agents/gone.yaml'));
    const { files, findings } = await discoverYamlFiles(root);
    expect(files).toEqual([]);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`).sort()).toEqual([
      'agents/dir:1:1 symlink-escape symbolic link leads outside the workspace; copy the file into the workspace or remove the link',
      'agents/gone.yaml:1:1 symlink-escape symbolic link points nowhere; remove it or fix its target',
      'agents/out.yaml:1:1 symlink-escape symbolic link leads outside the workspace; copy the file into the workspace or remove the link',
    ]);
  });

  it('refuses a workspace folder that cannot be read (exit 2, not a finding)', async () => {
    await expect(discoverYamlFiles(path.join(tmp, 'nope'))).rejects.toBeInstanceOf(ExternalError);
  });
});

describe('findWorkspaceRoot', () => {
  it('is the nearest folder up holding modelshift.yaml, else the folder itself', async () => {
    write('modelshift.yaml');
    mkdirSync(path.join(root, 'agents/deep'), { recursive: true });
    expect(await findWorkspaceRoot(path.join(root, 'agents/deep'))).toBe(root);
    const bare = path.join(tmp, 'bare');
    mkdirSync(bare);
    expect(await findWorkspaceRoot(bare)).toBe(bare);
  });
});
