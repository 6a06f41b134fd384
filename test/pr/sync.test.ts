import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { BOT_IDENTITY, Git } from '../../src/git/git.js';
import { gitHubPullRequests, type GitHubPullRequests } from '../../src/github/pull-requests.js';
import { ForeignCommitsError } from '../../src/pr/foreign-commits.js';
import { withMarker } from '../../src/pr/marker.js';
import { syncPullRequest, type SyncPullRequestInput } from '../../src/pr/sync.js';
import { FakeGitHub } from '../fakes/github-server.js';
import { ALICE, createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const BRANCH = 'modelshift/gpt-4.1-to-gpt-5.1';
const MIGRATION = 'gpt-4.1-to-gpt-5.1';

let repo: TestRepo;
let fake: FakeGitHub;
let git: Git;
let prs: GitHubPullRequests;
let sleeps: number[];

beforeEach(async () => {
  repo = await createTestRepo({ 'agents/triage.yaml': 'model: gpt-4.1\n', 'agents/router.yaml': 'model: gpt-4.1\n' });
  fake = await FakeGitHub.start();
  git = new Git(repo.dir);
  sleeps = [];
  prs = gitHubPullRequests({ token: fake.token, owner: fake.owner, repo: fake.repo, apiUrl: fake.url }, { sleep: async (ms) => void sleeps.push(ms) });
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

/** A writeChanges that writes (string) or deletes (null) files and reports them. */
function write(files: Record<string, string | null>): SyncPullRequestInput['writeChanges'] {
  return async (dir) => {
    for (const [path, content] of Object.entries(files)) {
      if (content === null) await rm(join(dir, path));
      else {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), content);
      }
    }
    return Object.keys(files);
  };
}

function input(overrides: Partial<SyncPullRequestInput> = {}): SyncPullRequestInput {
  return {
    git,
    prs,
    base: 'main',
    branch: BRANCH,
    title: `Migrate agents from gpt-4.1 to gpt-5.1`,
    body: withMarker('1 agent migrates gpt-4.1 → gpt-5.1', { migration: MIGRATION, planHash: 'h1' }),
    commitMessage: `modelshift: ${MIGRATION}`,
    trailers: { migration: MIGRATION, from: 'openai/gpt-4.1', to: 'openai/gpt-5.1', agents: ['triage'] },
    writeChanges: write({ 'agents/triage.yaml': 'model: gpt-5.1\n' }),
    reviewers: ['@alice', '@acme/support-eng'],
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('syncPullRequest', () => {
  it('creates the branch, the commit and the PR, leaving the user working tree and index as they were', async () => {
    await writeFile(join(repo.dir, 'agents/router.yaml'), 'model: local-edit\n');
    await writeFile(join(repo.dir, 'scratch.txt'), 'staged\n');
    await repo.git(['add', 'scratch.txt']);
    const statusBefore = await repo.git(['status', '--porcelain=v2', '--branch']);
    const headBefore = await repo.git(['rev-parse', 'HEAD']);

    const result = await syncPullRequest(input());

    const remote = await repo.remoteSha(BRANCH);
    expect(result).toEqual({ operation: 'created', number: 1, url: 'https://github.com/acme/agents/pull/1', branch: BRANCH, headSha: remote, warnings: [] });
    expect(await repo.git(['status', '--porcelain=v2', '--branch'])).toBe(statusBefore);
    expect(await repo.git(['rev-parse', 'HEAD'])).toBe(headBefore);

    const [commit] = await git.commitsBetween('origin/main', remote ?? '');
    expect(commit).toMatchObject({
      authorName: BOT_IDENTITY.name,
      authorEmail: BOT_IDENTITY.email,
      subject: `modelshift: ${MIGRATION}`,
      trailers: { 'Modelshift-Migration': MIGRATION, 'Modelshift-From': 'openai/gpt-4.1', 'Modelshift-To': 'openai/gpt-5.1', 'Modelshift-Agents': 'triage' },
    });
    expect(await git.readFile(remote ?? '', 'agents/triage.yaml')).toBe('model: gpt-5.1\n');

    expect(fake.requested('POST', '/repos/acme/agents/pulls')[0]?.body).toEqual({ head: BRANCH, base: 'main', title: input().title, body: input().body });
    expect(fake.pulls[0]?.labels).toEqual(['modelshift', 'model-migration']);
    expect(fake.requested('POST', '/repos/acme/agents/pulls/1/requested_reviewers').map((r) => r.body)).toEqual([
      { reviewers: ['alice'], team_reviewers: ['support-eng'] },
    ]);
  });

  it('updates the same PR on a re-run with a new change, without asking reviewers again', async () => {
    await syncPullRequest(input());
    const first = await repo.remoteSha(BRANCH);
    const body = withMarker('2 agents migrate', { migration: MIGRATION, planHash: 'h2' });

    const result = await syncPullRequest(input({ body, writeChanges: write({ 'agents/triage.yaml': 'model: gpt-5.1\n', 'agents/router.yaml': 'model: gpt-5.1\n' }) }));

    const second = await repo.remoteSha(BRANCH);
    expect(result).toMatchObject({ operation: 'updated', number: 1, headSha: second });
    expect(second).not.toBe(first);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.requested('PATCH', '/repos/acme/agents/pulls/1').map((r) => r.body)).toEqual([{ body }]);
    expect(fake.requested('POST', /requested_reviewers$/)).toHaveLength(1);
    // Rebuilt from base: one commit, not a stack of them.
    expect(await git.commitsBetween('origin/main', second ?? '')).toHaveLength(1);
  });

  it('touches nothing on a re-run with the same change and body', async () => {
    await syncPullRequest(input());
    const sha = await repo.remoteSha(BRANCH);
    const before = fake.requests.length;

    const result = await syncPullRequest(input());

    expect(result).toEqual({ operation: 'unchanged', number: 1, url: 'https://github.com/acme/agents/pull/1', branch: BRANCH, headSha: sha, warnings: [] });
    expect(await repo.remoteSha(BRANCH)).toBe(sha);
    expect(fake.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
  });

  it('edits only the PR text when the change is the same but the body is not', async () => {
    await syncPullRequest(input());
    const sha = await repo.remoteSha(BRANCH);
    const body = withMarker('same change, new eval numbers', { migration: MIGRATION, planHash: 'h1' });

    const result = await syncPullRequest(input({ body }));

    expect(result).toMatchObject({ operation: 'updated', headSha: sha });
    expect(await repo.remoteSha(BRANCH)).toBe(sha);
    expect(fake.pulls[0]?.body).toBe(body);
  });

  it('closes the PR with a comment when nothing is left to change', async () => {
    await syncPullRequest(input());

    const result = await syncPullRequest(input({ writeChanges: async () => [] }));

    expect(result).toMatchObject({ operation: 'closed', number: 1 });
    expect(result.headSha).toBeUndefined();
    expect(fake.pulls[0]?.state).toBe('closed');
    expect(fake.commentsOn(1).map((c) => c.body)).toEqual([
      `modelshift closed this pull request: migration \`${MIGRATION}\` has nothing left to change on \`main\`.\n\n<!-- modelshift:closed -->`,
    ]);
    expect(await repo.remoteSha(BRANCH)).toBeUndefined();

    // Closed by modelshift is not declined: when there is something to change again, a new PR opens.
    const again = await syncPullRequest(input());
    expect(again).toMatchObject({ operation: 'created', number: 2 });
  });

  it('keeps the branch of the PR it closes with keepBranch', async () => {
    await syncPullRequest(input());
    const sha = await repo.remoteSha(BRANCH);
    const result = await syncPullRequest(input({ writeChanges: async () => [], keepBranch: true }));
    expect(result).toMatchObject({ operation: 'closed', number: 1, headSha: sha });
    expect(await repo.remoteSha(BRANCH)).toBe(sha);
  });

  it('leaves a declined PR closed while the plan is the same, deletes its branch, and opens a new PR when the plan changes or with force', async () => {
    await syncPullRequest(input());
    fake.closePull(1, 'declined');

    const declined = await syncPullRequest(input());
    expect(declined).toEqual({ operation: 'declined', number: 1, url: 'https://github.com/acme/agents/pull/1', branch: BRANCH, warnings: [] });
    expect(await repo.remoteSha(BRANCH)).toBeUndefined();
    expect(fake.requested('POST', '/repos/acme/agents/pulls')).toHaveLength(1);
    expect(fake.pulls[0]?.state).toBe('closed');
    expect((await syncPullRequest(input())).operation).toBe('declined');

    const forced = await syncPullRequest(input({ force: true }));
    expect(forced).toMatchObject({ operation: 'created', number: 2 });
    fake.closePull(2, 'declined');

    const changed = await syncPullRequest(
      input({ body: withMarker('2 agents migrate', { migration: MIGRATION, planHash: 'h2' }), writeChanges: write({ 'agents/triage.yaml': 'model: gpt-5.1\n', 'agents/router.yaml': 'model: gpt-5.1\n' }) }),
    );
    expect(changed).toMatchObject({ operation: 'created', number: 3 });
    expect(fake.pulls.map((p) => p.state)).toEqual(['closed', 'closed', 'open']);
  });

  it('deletes the branch of a merged PR and proposes what is left on a new one', async () => {
    await syncPullRequest(input());
    fake.closePull(1, 'merged');
    const result = await syncPullRequest(input());
    expect(result).toMatchObject({ operation: 'created', number: 2 });
    expect(fake.pulls).toHaveLength(2);
  });

  it('keeps the branch of a merged PR with keepBranch', async () => {
    await syncPullRequest(input());
    const sha = await repo.remoteSha(BRANCH);
    fake.closePull(1, 'merged');
    // Nothing left to change after the merge, so nothing is pushed over the branch either.
    const result = await syncPullRequest(input({ writeChanges: async () => [], keepBranch: true }));
    expect(result).toMatchObject({ operation: 'unchanged' });
    expect(await repo.remoteSha(BRANCH)).toBe(sha);
    await syncPullRequest(input({ writeChanges: async () => [] }));
    expect(await repo.remoteSha(BRANCH)).toBeUndefined();
  });

  it('opens nothing when there is nothing to change and no PR', async () => {
    const result = await syncPullRequest(input({ writeChanges: write({ 'agents/triage.yaml': 'model: gpt-4.1\n' }) }));
    expect(result).toEqual({ operation: 'unchanged', branch: BRANCH, warnings: [] });
    expect(await repo.remoteSha(BRANCH)).toBeUndefined();
    expect(fake.requested('POST')).toEqual([]);
  });

  it('refuses to push over a commit a person made, comments once, and takes the branch back with force', async () => {
    await syncPullRequest(input());
    const other = await repo.clone('alice');
    await repo.git(['checkout', '--quiet', BRANCH], other);
    const human = await repo.commit({ 'agents/triage.yaml': 'model: gpt-5.1\n# tuned by hand\n' }, 'tune triage', { cwd: other, author: ALICE });
    await repo.git(['push', '--quiet', 'origin', BRANCH], other);

    for (let run = 0; run < 2; run++) {
      const error = await rejection(syncPullRequest(input({ writeChanges: write({ 'agents/router.yaml': 'model: gpt-5.1\n' }) })));
      expect(error).toBeInstanceOf(ForeignCommitsError);
      expect((error as ForeignCommitsError).commits.map((c) => c.sha)).toEqual([human]);
      expect((error as ForeignCommitsError).hint).toMatch(/--force/);
    }
    expect(await repo.remoteSha(BRANCH)).toBe(human);
    const comments = fake.commentsOn(1);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain(`modelshift pr ${MIGRATION} --force`);
    expect(comments[0]?.body).toContain(human.slice(0, 12));
    expect(comments[0]?.body).toContain('`Alice Example`');

    const forced = await syncPullRequest(input({ force: true }));
    expect(forced.operation).toBe('updated');
    expect(await repo.remoteSha(BRANCH)).not.toBe(human);
  });

  it('recognises its own commits by their trailers, whoever they were made as', async () => {
    await syncPullRequest(input({ identity: { name: 'Release Bot', email: 'release-bot@example.com' } }));
    const result = await syncPullRequest(input({ writeChanges: write({ 'agents/triage.yaml': 'model: gpt-5.1\n', 'agents/router.yaml': 'model: gpt-5.1\n' }) }));
    expect(result.operation).toBe('updated');
    const [commit] = await git.commitsBetween('origin/main', (await repo.remoteSha(BRANCH)) ?? '');
    expect(commit?.authorEmail).toBe(BOT_IDENTITY.email);
  });

  it('pushes to an origin given as a relative path', async () => {
    await repo.git(['remote', 'set-url', 'origin', '../origin.git']);
    const result = await syncPullRequest(input());
    expect(result.operation).toBe('created');
    expect(result.headSha).toBe(await repo.remoteSha(BRANCH));
  });

  it('fails with an ExternalError when someone pushes to the branch while it runs', async () => {
    await syncPullRequest(input());
    const other = await repo.clone('racer');
    const racing: SyncPullRequestInput['writeChanges'] = async (dir) => {
      await repo.git(['checkout', '--quiet', BRANCH], other);
      await repo.commit({ 'racer.txt': 'x\n' }, 'racing push', { cwd: other });
      await repo.git(['push', '--quiet', 'origin', BRANCH], other);
      return write({ 'agents/router.yaml': 'model: gpt-5.1\n' })(dir);
    };

    const error = await rejection(syncPullRequest(input({ writeChanges: racing })));

    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).message).toMatch(/rejected: the branch changed on origin/);
    expect(await repo.remoteSha(BRANCH)).toBe((await repo.git(['rev-parse', 'HEAD'], other)).trim());
    expect(fake.requested('PATCH')).toEqual([]);
  });

  it('stops before pushing when the token is refused', async () => {
    const bad = gitHubPullRequests({ token: 'expired', owner: fake.owner, repo: fake.repo, apiUrl: fake.url });
    const error = await rejection(syncPullRequest(input({ prs: bad })));
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).details).toMatchObject({ status: 401, hint: expect.stringMatching(/invalid or expired/) });
    expect(await repo.remoteSha(BRANCH)).toBeUndefined();
  });

  it('names pull-requests: write on a 403, and opens the PR from the pushed branch on the next run', async () => {
    fake.fail('POST', '/repos/acme/agents/pulls', { status: 403, body: { message: 'Resource not accessible by integration' } });
    const error = await rejection(syncPullRequest(input()));
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as ExternalError).details.hint).toMatch(/`pull-requests: write`/);
    const pushed = await repo.remoteSha(BRANCH);
    expect(pushed).toBeDefined();

    const result = await syncPullRequest(input());
    expect(result).toMatchObject({ operation: 'created', number: 1, headSha: pushed });
    expect(await repo.remoteSha(BRANCH)).toBe(pushed);
  });

  it('waits out a rate limit and carries on', async () => {
    fake.fail('GET', '/repos/acme/agents/pulls', { status: 429, headers: { 'retry-after': '1' } });
    const result = await syncPullRequest(input());
    expect(result.operation).toBe('created');
    expect(sleeps).toEqual([1000]);
  });

  it('returns reviewer warnings instead of failing', async () => {
    const result = await syncPullRequest(input({ reviewers: ['@alice', '@mallory'] }));
    expect(result.operation).toBe('created');
    expect(result.warnings).toEqual([expect.stringMatching(/^owner @mallory: GitHub cannot request a review/)]);
    expect(fake.pulls[0]?.reviewers).toEqual(['alice']);
  });

  it('refuses a base that cannot be fetched', async () => {
    const error = await rejection(syncPullRequest(input({ base: 'release-9' })));
    expect(error).toBeInstanceOf(ExternalError);
    expect(fake.requests).toEqual([]);
  });
});
