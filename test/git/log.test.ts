import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalError, UsageError } from '../../src/errors.js';
import { readFirstParentLog, resolveRef, type LogCommit } from '../../src/git/log.js';
import { GIT_ENV, TestRepo } from '../history/repo.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

async function log(read: (text: string) => string = (text) => text): Promise<LogCommit<string>[]> {
  const run = { cwd: repo.dir, env: GIT_ENV };
  const { commit } = await resolveRef(run, 'HEAD');
  if (commit === null) throw new Error('no HEAD');
  return readFirstParentLog({ ...run, commit, read });
}

describe('readFirstParentLog', () => {
  it('lists YAML changes of first-parent commits oldest first, with new contents read', async () => {
    repo = TestRepo.create();
    repo.write('a.yaml', 'a: 1\n');
    repo.write('notes.txt', 'not yaml\n');
    repo.write('node_modules/pkg/x.yaml', 'ignored: true\n');
    repo.write('lib/node_modules/pkg/y.yml', 'ignored: true\n');
    const first = repo.commit('first');
    repo.move('a.yaml', 'dir/b.yml');
    const second = repo.commit('rename');
    repo.write('notes.txt', 'only text changed\n');
    repo.commit('text only');
    repo.delete('dir/b.yml');
    symlinkSync('target.yaml', join(repo.dir, 'link.yaml'));
    const third = repo.commit('delete and link', { author: 'Bob' });
    expect(await log()).toEqual([
      { sha: first, parents: [], author: 'Alice', date: expect.stringMatching(/^2026-01-01T\d\d:00:00\+00:00$/), message: 'first\n', files: [{ status: 'A', path: 'a.yaml', content: 'a: 1\n' }] },
      { sha: second, parents: [first], author: 'Alice', date: expect.any(String), message: 'rename\n', files: [{ status: 'R', oldPath: 'a.yaml', path: 'dir/b.yml', content: 'a: 1\n' }] },
      {
        sha: third,
        parents: [expect.any(String)],
        author: 'Bob',
        date: expect.any(String),
        message: 'delete and link\n',
        files: [
          { status: 'D', path: 'dir/b.yml', content: null },
          { status: 'A', path: 'link.yaml', content: null },
        ],
      },
    ]);
  });

  it('shows a merge commit with its changes against the first parent only', async () => {
    repo = TestRepo.create();
    repo.write('a.yaml', 'a: 1\n');
    repo.write('b.yaml', 'b: 1\n');
    repo.commit('first');
    repo.git(['checkout', '-q', '-b', 'topic']);
    repo.write('a.yaml', 'a: 2\n');
    const onTopic = repo.commit('topic change');
    repo.git(['checkout', '-q', 'main']);
    repo.write('b.yaml', 'b: 2\n');
    repo.commit('main change');
    const merge = repo.merge('topic', 'merge topic');
    const commits = await log();
    expect(commits.map((c) => c.message.trim())).toEqual(['first', 'main change', 'merge topic']);
    expect(commits.at(-1)).toMatchObject({ sha: merge, parents: [expect.any(String), onTopic], files: [{ status: 'M', path: 'a.yaml', content: 'a: 2\n' }] });
  });

  it('reads each distinct blob once, however many commits carry it', async () => {
    repo = TestRepo.create();
    for (const text of ['v: 1\n', 'v: 2\n', 'v: 1\n', 'v: 2\n']) {
      repo.write('a.yaml', text);
      repo.commit(text);
    }
    const reads: string[] = [];
    const commits = await log((text) => {
      reads.push(text);
      return text.trim();
    });
    expect(reads.sort()).toEqual(['v: 1\n', 'v: 2\n']);
    expect(commits.map((c) => c.files[0]?.content)).toEqual(['v: 1', 'v: 2', 'v: 1', 'v: 2']);
  });

  it('fails with an ExternalError when git cannot read the commit', async () => {
    repo = TestRepo.create();
    await expect(readFirstParentLog({ cwd: repo.dir, env: GIT_ENV, commit: 'f'.repeat(40), read: String })).rejects.toThrow(ExternalError);
  });
});

describe('resolveRef', () => {
  it('resolves refs, returns null for a missing one and refuses option-like refs', async () => {
    repo = TestRepo.create();
    const run = { cwd: repo.dir, env: GIT_ENV };
    expect(await resolveRef(run, 'HEAD')).toEqual({ commit: null, shallow: false });
    repo.write('a.yaml', 'a: 1\n');
    const sha = repo.commit('first');
    expect(await resolveRef(run, 'main')).toEqual({ commit: sha, shallow: false });
    expect(await resolveRef(run, 'nope')).toEqual({ commit: null, shallow: false });
    await expect(resolveRef(run, '--all')).rejects.toThrow(UsageError);
  });
});
