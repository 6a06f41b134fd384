import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import type { RetryOptions } from '../../src/github/client.js';
import { gitHubPullRequests, type GitHubPullRequests } from '../../src/github/pull-requests.js';
import { FakeGitHub } from '../fakes/github-server.js';

let fake: FakeGitHub;
let sleeps: number[];

function adapter(token = fake.token, retry: RetryOptions = {}): GitHubPullRequests {
  return gitHubPullRequests(
    { token, owner: fake.owner, repo: fake.repo, apiUrl: fake.url },
    { sleep: async (ms) => void sleeps.push(ms), now: () => 1_700_000_000_000, ...retry },
  );
}

async function failure(promise: Promise<unknown>): Promise<ExternalError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExternalError);
  return error as ExternalError;
}

beforeEach(async () => {
  fake = await FakeGitHub.start();
  sleeps = [];
});
afterEach(() => fake.close());

describe('GitHubPullRequests', () => {
  it('creates, finds and updates a pull request', async () => {
    const prs = adapter();
    expect(await prs.findOpen('modelshift/m')).toBeUndefined();
    const { pullRequest, existed } = await prs.create({ head: 'modelshift/m', base: 'main', title: 'T', body: 'B' });
    expect(existed).toBe(false);
    expect(pullRequest).toEqual({ number: 1, url: 'https://github.com/acme/agents/pull/1', state: 'open', title: 'T', body: 'B', head: 'modelshift/m', base: 'main', labels: [], merged: false });
    expect(await prs.findOpen('modelshift/m')).toEqual(pullRequest);
    expect(fake.requested('GET', '/repos/acme/agents/pulls').at(-1)?.query).toMatchObject({ head: 'acme:modelshift/m', state: 'open' });
    expect(fake.requests[0]?.headers.authorization).toBe('token test-token');

    expect(await prs.update(1, { body: 'B2' })).toMatchObject({ title: 'T', body: 'B2' });
    expect(fake.requested('PATCH', '/repos/acme/agents/pulls/1')[0]?.body).toEqual({ body: 'B2' });
  });

  it('finds the newest closed pull request of a branch, and tells merged from declined', async () => {
    const prs = adapter();
    fake.addPull({ head: 'modelshift/m' });
    fake.addPull({ head: 'modelshift/m' });
    fake.addPull({ head: 'modelshift/other' });
    fake.closePull(1, 'merged');
    expect(await prs.findClosed('modelshift/m')).toMatchObject({ number: 1, state: 'closed', merged: true });
    fake.closePull(2, 'declined');
    expect(await prs.findClosed('modelshift/m')).toMatchObject({ number: 2, state: 'closed', merged: false });
    expect(await prs.findClosed('modelshift/none')).toBeUndefined();
  });

  it('lists every open pull request under a branch prefix, across pages', async () => {
    const prs = adapter();
    for (let i = 0; i < 130; i++) fake.addPull({ head: i % 2 ? `modelshift/m/group-${i}` : `feature-${i}` });
    fake.closePull(2, 'merged');
    const found = await prs.listOpen('modelshift/m/');
    expect(found.map((p) => p.number)).toEqual(Array.from({ length: 65 }, (_, i) => 2 * i + 2).filter((n) => n !== 2));
    expect(fake.requested('GET', '/repos/acme/agents/pulls').length).toBeGreaterThan(1);
  });

  it('updates the existing pull request when GitHub says one already exists', async () => {
    fake.addPull({ head: 'modelshift/m', title: 'old', body: 'old' });
    const prs = adapter();
    const { pullRequest, existed } = await prs.create({ head: 'modelshift/m', base: 'main', title: 'new', body: 'new body' });
    expect(existed).toBe(true);
    expect(pullRequest).toMatchObject({ number: 1, title: 'new', body: 'new body' });
    expect(fake.pulls).toHaveLength(1);
  });

  it('creates missing labels with their colour before labelling', async () => {
    fake.labels.set('modelshift', { name: 'modelshift', color: '000000', description: '' });
    const pull = fake.addPull({ head: 'modelshift/m' });
    await adapter().addLabels(pull.number, ['modelshift', 'model-migration']);
    expect(fake.requested('POST', '/repos/acme/agents/labels').map((r) => r.body)).toEqual([
      { name: 'model-migration', color: '1d76db', description: 'Moves agents to another LLM model' },
    ]);
    expect(fake.requested('POST', '/repos/acme/agents/issues/1/labels')[0]?.body).toEqual({ labels: ['modelshift', 'model-migration'] });
    expect(pull.labels).toEqual(['modelshift', 'model-migration']);
  });

  it('requests users and teams, and warns about owners GitHub refuses', async () => {
    const pull = fake.addPull({ head: 'modelshift/m' });
    const warnings = await adapter().requestReviewers(pull.number, ['@alice', '@acme/support-eng', '@mallory', '@other/team']);
    const bodies = fake.requested('POST', '/repos/acme/agents/pulls/1/requested_reviewers').map((r) => r.body);
    expect(bodies).toEqual([
      { reviewers: ['alice', 'mallory'], team_reviewers: ['support-eng'] },
      { reviewers: ['alice'], team_reviewers: [] },
      { reviewers: ['mallory'], team_reviewers: [] },
      { reviewers: [], team_reviewers: ['support-eng'] },
    ]);
    expect(pull.reviewers).toEqual(['alice']);
    expect(pull.teams).toEqual(['support-eng']);
    expect(warnings).toEqual([
      'owner @other/team: a team of other cannot review a pull request in a repository of acme',
      expect.stringMatching(/^owner @mallory: GitHub cannot request a review \(HTTP 422: Reviews may only be requested from collaborators/),
    ]);
  });

  it('comments, lists every page of comments, updates one and closes', async () => {
    const pull = fake.addPull({ head: 'modelshift/m' });
    const prs = adapter();
    for (let i = 0; i < 120; i++) fake.comments.push({ id: i + 1, issue: pull.number, body: `c${i}`, author: 'alice' });
    const mine = await prs.comment(pull.number, 'hello');
    expect(mine).toEqual({ id: 1000, body: 'hello', author: 'modelshift-bot' });
    const all = await prs.listComments(pull.number);
    expect(all).toHaveLength(121);
    expect(all.at(-1)).toEqual(mine);
    await prs.updateComment(mine.id, 'edited');
    expect(fake.comments.at(-1)?.body).toBe('edited');

    await prs.close(pull.number, 'nothing left');
    expect(pull.state).toBe('closed');
    expect(fake.commentsOn(pull.number).at(-1)?.body).toBe('nothing left');
    expect(fake.requested('PATCH', '/repos/acme/agents/pulls/1')[0]?.body).toEqual({ state: 'closed' });
  });

  it("reads the token's login from GraphQL viewer, once per adapter", async () => {
    const prs = adapter();
    expect(await prs.currentUser()).toBe('modelshift-bot');
    expect(await prs.currentUser()).toBe('modelshift-bot');
    expect(fake.requested('POST', '/graphql').map((r) => r.body)).toEqual([{ query: 'query { viewer { login } }' }]);
    expect(fake.requested('GET', '/user')).toHaveLength(0);
  });

  it("reads an App installation token's login, which GET /user refuses", async () => {
    await fake.close();
    fake = await FakeGitHub.start({ login: 'my-app[bot]' });
    expect(await adapter().currentUser()).toBe('my-app[bot]');
  });
});

describe('GitHubPullRequests: errors', () => {
  it('401: the token is invalid', async () => {
    const error = await failure(adapter('wrong').findOpen('modelshift/m'));
    expect(error.details.status).toBe(401);
    expect(error.message).toMatch(/Bad credentials/);
    expect(error.details.hint).toMatch(/GITHUB_TOKEN\/GH_TOKEN is invalid or expired/);
  });

  it('403 on create: names pull-requests: write', async () => {
    fake.fail('POST', '/repos/acme/agents/pulls', { status: 403, body: { message: 'Resource not accessible by integration' } });
    const error = await failure(adapter().create({ head: 'modelshift/m', base: 'main', title: 'T', body: 'B' }));
    expect(error.details.status).toBe(403);
    expect(error.message).toMatch(/create a pull request from modelshift\/m failed \(HTTP 403\): Resource not accessible by integration/);
    expect(error.details.hint).toMatch(/`pull-requests: write`/);
  });

  it('404: the repository or access', async () => {
    const error = await failure(gitHubPullRequests({ token: fake.token, owner: 'acme', repo: 'nope', apiUrl: fake.url }).findOpen('b'));
    expect(error.details.status).toBe(404);
    expect(error.details.hint).toMatch(/GITHUB_REPOSITORY or the origin remote/);
  });

  it('422 that is not "already exists": GitHub field errors in the message', async () => {
    fake.fail('POST', '/repos/acme/agents/pulls', { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'base', code: 'invalid' }] } });
    const error = await failure(adapter().create({ head: 'modelshift/m', base: 'nope', title: 'T', body: 'B' }));
    expect(error.message).toMatch(/HTTP 422\): Validation Failed; base invalid/);
  });

  it('waits for the primary rate limit reset, then succeeds', async () => {
    fake.fail('GET', '/repos/acme/agents/pulls', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000002' }, body: { message: 'API rate limit exceeded' } });
    expect(await adapter().findOpen('modelshift/m')).toBeUndefined();
    expect(sleeps).toEqual([2000]);
    expect(fake.requested('GET', '/repos/acme/agents/pulls')).toHaveLength(2);
  });

  it('waits retry-after on a secondary limit (429), up to the attempt limit', async () => {
    fake.fail('POST', '/repos/acme/agents/issues/1/comments', { status: 429, headers: { 'retry-after': '3' }, times: 5 });
    fake.addPull({ head: 'modelshift/m' });
    const error = await failure(adapter().comment(1, 'hi'));
    expect(sleeps).toEqual([3000, 3000]);
    expect(error.details.status).toBe(429);
    expect(error.message).toMatch(/rate limit exceeded/);
    expect(error.details.hint).toMatch(/GitHub asks to wait 3s/);
    expect(fake.requested('POST', '/repos/acme/agents/issues/1/comments')).toHaveLength(3);
  });

  it('fails at once when the reset is further away than the longest wait', async () => {
    fake.fail('POST', '/graphql', { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700003600' } });
    const error = await failure(adapter(fake.token, { maxWaitMs: 60_000 }).currentUser());
    expect(sleeps).toEqual([]);
    expect(error.details.hint).toMatch(/the limit resets at 2023-11-14T23:13:20.000Z/);
  });

  it('cannot reach the API', async () => {
    const url = fake.url;
    await fake.close();
    const error = await failure(gitHubPullRequests({ token: 't', owner: 'acme', repo: 'agents', apiUrl: url }).findOpen('b'));
    expect(error.message).toMatch(/could not reach the API/);
    fake = await FakeGitHub.start();
  });
});
