import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { BOT_IDENTITY, Git } from '../../src/git/git.js';
import { messageWithTrailers } from '../../src/git/trailers.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

let repo: TestRepo;
let git: Git;

beforeEach(async () => {
  repo = await createTestRepo({ 'agents/triage.yaml': 'model: gpt-4.1\n', 'README.md': '# agents\n' });
  git = new Git(repo.dir);
});
afterEach(() => repo.cleanup());

describe('Git: repository facts', () => {
  it('reports the root, the branch and the origin URL', async () => {
    expect(await git.root()).toBe(await realpath(repo.dir));
    expect(await git.currentBranch()).toBe('main');
    expect(await git.remoteUrl()).toBe(repo.origin);
  });

  it('has no current branch on a detached HEAD', async () => {
    await repo.git(['checkout', '--quiet', '--detach']);
    expect(await git.currentBranch()).toBeUndefined();
  });

  it('turns a failing command into an ExternalError that keeps git stderr as cause', async () => {
    const error = await new Git(repo.root).root().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).message).toMatch(/not a git repository/);
    expect(String((error as ExternalError).cause)).toMatch(/not a git repository/);
  });
});

describe('Git: fetching', () => {
  it('fetches the base and returns the remote commit', async () => {
    const other = await repo.clone('other');
    const sha = await repo.commit({ 'README.md': '# changed\n' }, 'upstream change', { cwd: other });
    await repo.git(['push', '--quiet', 'origin', 'main'], other);
    expect(await git.fetchBase('main')).toBe(sha);
  });

  it('refuses a base that cannot be fetched, with a hint', async () => {
    const error = await git.fetchBase('release-9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).details.hint).toMatch(/release-9.*exists on origin/);
  });

  it('fetches a branch only when the remote has it', async () => {
    expect(await git.fetchBranch('modelshift/x')).toBeUndefined();
    await repo.git(['push', '--quiet', 'origin', 'main:refs/heads/modelshift/x']);
    expect(await git.fetchBranch('modelshift/x')).toBe(await repo.remoteSha('main'));
  });
});

describe('Git: worktrees, commits and reads', () => {
  it('commits in a temporary worktree as the bot, with trailers, leaving the user tree alone', async () => {
    await writeFile(join(repo.dir, 'README.md'), 'local edit\n');
    const statusBefore = await repo.git(['status', '--porcelain']);
    let worktreeDir = '';
    const sha = await git.withWorktree('main', async (worktree) => {
      worktreeDir = worktree.dir;
      await writeFile(join(worktree.dir, 'agents/triage.yaml'), 'model: gpt-5.1\n');
      const message = messageWithTrailers('Migrate triage', { 'Modelshift-Migration': 'm1', 'Modelshift-Agents': 'triage' });
      return worktree.commit(['agents/triage.yaml'], message);
    });
    expect(worktreeDir.startsWith(tmpdir())).toBe(true);
    expect(existsSync(worktreeDir)).toBe(false);
    expect(await repo.git(['worktree', 'list', '--porcelain'])).not.toContain(worktreeDir);
    expect(await repo.git(['status', '--porcelain'])).toBe(statusBefore);
    expect(await readFile(join(repo.dir, 'agents/triage.yaml'), 'utf8')).toBe('model: gpt-4.1\n');

    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    const [commit] = await git.commitsBetween('main', sha ?? '');
    expect(commit).toMatchObject({
      sha,
      authorName: BOT_IDENTITY.name,
      authorEmail: BOT_IDENTITY.email,
      subject: 'Migrate triage',
      trailers: { 'Modelshift-Migration': 'm1', 'Modelshift-Agents': 'triage' },
    });
    expect(await git.readFile(sha ?? '', 'agents/triage.yaml')).toBe('model: gpt-5.1\n');
    expect(await git.readFile('main', 'agents/triage.yaml')).toBe('model: gpt-4.1\n');
    expect(await git.readFile('main', 'agents/missing.yaml')).toBeUndefined();
  });

  it('removes the worktree when the callback throws', async () => {
    let worktreeDir = '';
    await expect(
      git.withWorktree('main', async (worktree) => {
        worktreeDir = worktree.dir;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(worktreeDir)).toBe(false);
    expect((await repo.git(['worktree', 'list'])).trim().split('\n')).toHaveLength(1);
  });

  it('commits deletions and odd file names, and nothing when nothing changed', async () => {
    await git.withWorktree('main', async (worktree) => {
      expect(await worktree.commit([], 'empty')).toBeUndefined();
      await writeFile(join(worktree.dir, 'agents/triage.yaml'), 'model: gpt-4.1\n');
      expect(await worktree.commit(['agents/triage.yaml'], 'same bytes')).toBeUndefined();

      await rm(join(worktree.dir, 'README.md'));
      await writeFile(join(worktree.dir, 'agents/[draft].yaml'), 'x: 1\n');
      const sha = await worktree.commit(['README.md', 'agents/[draft].yaml'], 'odd', { name: 'Custom Bot', email: 'bot@example.com' });
      expect(await worktree.diff('main', sha ?? '')).toEqual([
        { status: 'deleted', path: 'README.md' },
        { status: 'added', path: 'agents/[draft].yaml' },
      ]);
      const [commit] = await worktree.commitsBetween('main', sha ?? '');
      expect(commit).toMatchObject({ authorName: 'Custom Bot', authorEmail: 'bot@example.com', trailers: {} });
    });
  });

  it('reports renames and modifications in a diff', async () => {
    const before = (await repo.git(['rev-parse', 'HEAD'])).trim();
    await repo.commit({ 'agents/triage.yaml': null, 'agents/router.yaml': 'model: gpt-4.1\n', 'README.md': '# new\n' }, 'rename');
    expect(await git.diff(before, 'HEAD')).toEqual([
      { status: 'modified', path: 'README.md' },
      { status: 'renamed', path: 'agents/router.yaml', previousPath: 'agents/triage.yaml' },
    ]);
  });
});

describe('Git: push with lease', () => {
  it('creates, moves and refuses to clobber a branch', async () => {
    const base = await git.fetchBase('main');
    const [first, second] = await git.withWorktree(base, async (worktree) => {
      await writeFile(join(worktree.dir, 'a.txt'), 'a\n');
      const a = (await worktree.commit(['a.txt'], 'a')) ?? '';
      await writeFile(join(worktree.dir, 'a.txt'), 'b\n');
      const b = (await worktree.commit(['a.txt'], 'b')) ?? '';
      await worktree.push(a, 'modelshift/m', undefined);
      return [a, b];
    });
    expect(await repo.remoteSha('modelshift/m')).toBe(first);

    // The branch exists now: pushing as if it did not must fail, whatever we push.
    const exists = await git.push(second ?? '', 'modelshift/m', undefined).catch((e: unknown) => e);
    expect(exists).toBeInstanceOf(ExternalError);
    expect((exists as ExternalError).details.hint).toMatch(/someone pushed/);

    await git.push(base, 'modelshift/m', first);
    expect(await repo.remoteSha('modelshift/m')).toBe(base);

    const stale = await git.push(second ?? '', 'modelshift/m', first).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ExternalError);
    expect((stale as ExternalError).message).toMatch(/changed on origin while modelshift ran/);
    expect(await repo.remoteSha('modelshift/m')).toBe(base);
  });

  it('says another run is updating the branch when the remote ref is locked, or lost a race to a concurrent push', async () => {
    const base = await git.fetchBase('main');
    const commits = await git.withWorktree(base, async (worktree) => {
      const made: string[] = [];
      for (let i = 0; i < 8; i++) {
        await writeFile(join(worktree.dir, 'a.txt'), `${i}\n`);
        made.push((await worktree.commit(['a.txt'], `c${i}`)) ?? '');
      }
      return made;
    });
    // A push holding the ref's lock on the remote, as git holds it for the length of an update.
    const lock = join(repo.origin, 'refs', 'heads', 'modelshift', 'm.lock');
    await mkdir(dirname(lock), { recursive: true });
    await writeFile(lock, '');
    const locked = await git.push(commits[0]!, 'modelshift/m', undefined).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(ExternalError);
    expect((locked as ExternalError).message).toBe('another run is updating this branch (origin/modelshift/m) right now; re-run');
    expect((locked as ExternalError).details.hint).not.toMatch(/contents: write/);
    await rm(lock);

    // Two runs creating the same branch at once, four times: one wins, the other is told to re-run, never a permission hint.
    for (let round = 0; round < 4; round++) {
      const branch = `modelshift/race-${round}`;
      const results = await Promise.allSettled([git.push(commits[2 * round]!, branch, undefined), new Git(repo.dir).push(commits[2 * round + 1]!, branch, undefined)]);
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as ExternalError] : []));
      expect(failures.length).toBeLessThanOrEqual(1);
      for (const failure of failures) expect(failure.details.hint).toMatch(/re-run|run the command again/);
      expect(await repo.remoteSha(branch)).toBeDefined();
    }
  });

  it('says another run is at work when a local ref is locked', async () => {
    // main moves on origin, so fetching it must update the local tracking ref, which another process holds.
    const other = await repo.clone('other');
    await repo.commit({ 'b.txt': 'b\n' }, 'b', { cwd: other });
    await repo.git(['push', '--quiet', 'origin', 'main'], other);
    const lock = join(repo.dir, '.git', 'refs', 'remotes', 'origin', 'main.lock');
    await mkdir(dirname(lock), { recursive: true });
    await writeFile(lock, '');
    const error = await git.fetchBase('main').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).message).toMatch(/^another run is updating this branch \(.*\) right now; re-run$/);
  });

  it('never passes a value starting with - to git as an option', async () => {
    // `--output=FILE` makes diff and log write a file: the sharpest way a ref argument could turn into an option.
    const out = (name: string) => `--output=${join(repo.root, name)}`;
    const calls = [
      () => git.revParse(out('rev-parse')),
      () => git.treeOf(out('tree')),
      () => git.mergeBase(out('merge-base'), 'HEAD'),
      () => git.diff(out('diff'), 'HEAD'),
      () => git.readFile(out('read'), 'README.md'),
      () => git.commitsBetween(out('log'), 'HEAD'),
      () => git.withWorktree(out('worktree'), async () => undefined),
    ];
    for (const call of calls) await call().catch(() => undefined);
    const written = ['rev-parse', 'tree', 'merge-base', 'diff', 'read', 'log', 'worktree'].filter((name) => existsSync(join(repo.root, name)) || existsSync(join(repo.root, `${name}..HEAD`)));
    expect(written).toEqual([]);
  });

  it('names the contents: write permission when the remote refuses the push', async () => {
    await repo.git(['remote', 'set-url', 'origin', join(repo.root, 'missing.git')]);
    const error = await git.push('HEAD', 'modelshift/m', undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).details.hint).toMatch(/contents: write/);
  });
});
