import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceRevision } from '../../src/sync/revision.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

const env = { PATH: process.env.PATH, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

describe('workspaceRevision', () => {
  it('is HEAD and clean, and stays clean when files that are not the workspace\'s change', async () => {
    repo = await createTestRepo({ 'ws/agents/a.yaml': 'a: 1\n', 'ws/other.txt': 'x\n' });
    const root = path.join(repo.dir, 'ws');
    const head = (await repo.git(['rev-parse', 'HEAD'])).trim();
    expect(await workspaceRevision({ root, env, files: ['agents/a.yaml'] })).toEqual({ commit: head, dirty: false });
    await writeFile(path.join(root, 'other.txt'), 'changed\n');
    await writeFile(path.join(root, 'build.json'), '{}');
    expect(await workspaceRevision({ root, env, files: ['agents/a.yaml'] })).toEqual({ commit: head, dirty: false });
  });

  it('is dirty when a workspace file is edited, added or deleted', async () => {
    repo = await createTestRepo({ 'agents/a.yaml': 'a: 1\n', 'agents/b.yaml': 'b: 1\n' });
    const root = repo.dir;
    await writeFile(path.join(root, 'agents/a.yaml'), 'a: 2\n');
    expect((await workspaceRevision({ root, env, files: ['agents/a.yaml', 'agents/b.yaml'] })).dirty).toBe(true);
    await repo.git(['checkout', '--', 'agents/a.yaml']);
    await writeFile(path.join(root, 'agents/new.yaml'), 'n: 1\n');
    expect((await workspaceRevision({ root, env, files: ['agents/a.yaml', 'agents/b.yaml', 'agents/new.yaml'] })).dirty).toBe(true);
    await rm(path.join(root, 'agents/new.yaml'));
    await rm(path.join(root, 'agents/b.yaml'));
    expect((await workspaceRevision({ root, env, files: ['agents/a.yaml'] })).dirty).toBe(true);
  });

  it('is "uncommitted" outside git', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'modelshift-nogit-'));
    try {
      expect(await workspaceRevision({ root: dir, env: { ...env, GIT_CEILING_DIRECTORIES: path.dirname(dir) }, files: [] })).toEqual({ commit: 'uncommitted', dirty: true });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
