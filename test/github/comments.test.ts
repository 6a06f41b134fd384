import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertCheckComment } from '../../src/github/comments.js';
import { gitHubPullRequests } from '../../src/github/pull-requests.js';
import { parseCheckMarker, renderCheckMarker } from '../../src/render/comment-marker.js';
import { FakeGitHub } from '../fakes/github-server.js';

let fake: FakeGitHub;
beforeEach(async () => {
  // A personal token: comments are the user's (no Bot type).
  fake = await FakeGitHub.start({ login: 'release-bot' });
  fake.addPull({ head: 'feature' });
});
afterEach(() => fake.close());

/** Another token: a workflow's (`github-actions[bot]`) or an App installation's (`<slug>[bot]`). */
async function restart(login: string): Promise<void> {
  await fake.close();
  fake = await FakeGitHub.start({ login });
  fake.addPull({ head: 'feature' });
}

const prs = () => gitHubPullRequests({ token: fake.token, owner: fake.owner, repo: fake.repo, apiUrl: fake.url });
const marker = (head: string, at: string) => ({ head, at });
const body = (head: string, at: string, text: string) => `${renderCheckMarker(marker(head, at))}\n${text}\n`;

describe('upsertCheckComment', () => {
  it("with a user's token, recognises its own marked comment by the login and leaves other people's alone", async () => {
    fake.comments.push({ id: 1, issue: 1, author: 'mallory', body: body('aaa', '2026-11-22T09:00:00Z', 'pasted') });
    fake.comments.push({ id: 2, issue: 1, author: 'release-bot', body: body('aaa', '2026-11-22T09:00:00Z', 'old') });

    const next = body('bbb', '2026-11-22T10:00:00Z', 'new');
    expect(await upsertCheckComment(prs(), 1, next, marker('bbb', '2026-11-22T10:00:00Z'))).toEqual({ operation: 'updated', id: 2 });
    expect(fake.comments.map((c) => [c.id, c.body])).toEqual([[1, body('aaa', '2026-11-22T09:00:00Z', 'pasted')], [2, next]]);
    expect(fake.requested('POST', '/graphql').map((r) => r.body)).toEqual([{ query: 'query { viewer { login } }' }]);
    expect(fake.requested('GET', '/user')).toHaveLength(0);
  });

  it("asks nothing of GraphQL when no comment is marked", async () => {
    fake.comments.push({ id: 1, issue: 1, author: 'alice', body: 'LGTM' });
    expect((await upsertCheckComment(prs(), 1, body('aaa', '2026-11-22T09:00:00Z', 'x'), marker('aaa', '2026-11-22T09:00:00Z'))).operation).toBe('created');
    expect(fake.requested('POST', '/graphql')).toHaveLength(0);
  });

  it("with a workflow token, leaves another App's marked comment alone: its own is posted, then updated in place", async () => {
    await restart('github-actions[bot]');
    // Another GitHub App on the repository is a Bot too; its marker could forge a passing verdict.
    const forged = body('aaa', '2026-11-22T09:00:00Z', 'gate passed');
    fake.comments.push({ id: 1, issue: 1, author: 'evil-app[bot]', authorType: 'Bot', body: forged });

    const first = await upsertCheckComment(prs(), 1, body('aaa', '2026-11-22T10:00:00Z', 'ours'), marker('aaa', '2026-11-22T10:00:00Z'));
    expect(first.operation).toBe('created');
    expect(fake.comments.find((c) => c.id === first.id)).toMatchObject({ author: 'github-actions[bot]', authorType: 'Bot' });
    const next = body('bbb', '2026-11-22T11:00:00Z', 'ours again');
    expect(await upsertCheckComment(prs(), 1, next, marker('bbb', '2026-11-22T11:00:00Z'))).toEqual({ operation: 'updated', id: first.id });
    expect(fake.comments.map((c) => [c.id, c.body])).toEqual([[1, forged], [first.id, next]]);
    expect(fake.requested('PATCH', '/repos/acme/agents/issues/comments/1')).toHaveLength(0);
  });

  it("with an App installation token, finds the App's own earlier comment and updates it: no duplicate", async () => {
    await restart('my-app[bot]');
    fake.comments.push({ id: 1, issue: 1, author: 'evil-app[bot]', authorType: 'Bot', body: body('aaa', '2026-11-22T09:00:00Z', 'theirs') });
    fake.comments.push({ id: 2, issue: 1, author: 'my-app[bot]', authorType: 'Bot', body: body('aaa', '2026-11-22T09:00:00Z', 'ours') });

    const next = body('bbb', '2026-11-22T10:00:00Z', 'new');
    expect(await upsertCheckComment(prs(), 1, next, marker('bbb', '2026-11-22T10:00:00Z'))).toEqual({ operation: 'updated', id: 2 });
    expect(fake.commentsOn(1).map((c) => c.id)).toEqual([1, 2]);
    expect(fake.comments[0]!.body).toBe(body('aaa', '2026-11-22T09:00:00Z', 'theirs'));
  });

  it("takes nothing for ours when the token's login cannot be read, and says so", async () => {
    await restart('github-actions[bot]');
    fake.fail('POST', '/graphql', { status: 502, body: { message: 'Bad Gateway' } });
    fake.comments.push({ id: 1, issue: 1, author: 'evil-app[bot]', authorType: 'Bot', body: body('aaa', '2026-11-22T09:00:00Z', 'theirs') });
    fake.comments.push({ id: 2, issue: 1, author: 'github-actions[bot]', authorType: 'Bot', body: body('aaa', '2026-11-22T09:00:00Z', 'cannot tell it is ours') });

    const result = await upsertCheckComment(prs(), 1, body('bbb', '2026-11-22T10:00:00Z', 'x'), marker('bbb', '2026-11-22T10:00:00Z'));
    expect(result).toEqual({ operation: 'created', id: expect.any(Number), warning: expect.stringMatching(/^the token's login could not be read, so no earlier check comment was taken for ours and a new one was posted: GitHub: read the token's login failed \(HTTP 502\): Bad Gateway/) });
    expect(fake.commentsOn(1)).toHaveLength(3);
    expect(fake.requested('PATCH')).toHaveLength(0);
  });

  it('keeps a comment written for another head by a later event, and updates one written by an earlier event', async () => {
    fake.comments.push({ id: 7, issue: 1, author: 'release-bot', body: body('new', '2026-11-22T11:00:00Z', 'newer') });
    expect(await upsertCheckComment(prs(), 1, body('old', '2026-11-22T10:00:00Z', 'older'), marker('old', '2026-11-22T10:00:00Z'))).toEqual({ operation: 'kept-newer', id: 7 });
    expect(await upsertCheckComment(prs(), 1, body('newest', '2026-11-22T12:00:00Z', 'newest'), marker('newest', '2026-11-22T12:00:00Z'))).toEqual({ operation: 'updated', id: 7 });
  });

  it('carries the gate verdict and when it was computed; the same verdict found again leaves the comment and its time alone', async () => {
    const verdict = (gate: string, evaluatedAt: string) => ({ head: 'aaa', at: '2026-11-22T09:00:00Z', gate, evaluatedAt });
    const text = (m: ReturnType<typeof verdict>) => `${renderCheckMarker(m)}\n### modelshift check\n`;
    const first = verdict('passed', '2026-11-22T09:05:00Z');
    expect((await upsertCheckComment(prs(), 1, text(first), first)).operation).toBe('created');
    expect(parseCheckMarker(fake.commentsOn(1)[0]!.body)).toEqual({ tool: 'modelshift', kind: 'check', v: 1, ...first });

    const rerun = verdict('passed', '2026-11-22T09:30:00Z');
    expect((await upsertCheckComment(prs(), 1, text(rerun), rerun)).operation).toBe('unchanged');
    expect(parseCheckMarker(fake.commentsOn(1)[0]!.body)?.evaluatedAt).toBe('2026-11-22T09:05:00Z');

    const failed = verdict('failed', '2026-11-22T09:40:00Z');
    expect((await upsertCheckComment(prs(), 1, text(failed), failed)).operation).toBe('updated');
    expect(parseCheckMarker(fake.commentsOn(1)[0]!.body)).toMatchObject({ gate: 'failed', evaluatedAt: '2026-11-22T09:40:00Z' });
  });

  it('still reads a marker written before the verdict was recorded, and one with a verdict this version does not know', () => {
    const old = '<!-- modelshift {"tool":"modelshift","kind":"check","v":1,"head":"aaa","at":"2026-11-22T09:00:00Z"} -->';
    expect(parseCheckMarker(old)).toEqual({ tool: 'modelshift', kind: 'check', v: 1, head: 'aaa', at: '2026-11-22T09:00:00Z' });
    const later = '<!-- modelshift {"tool":"modelshift","kind":"check","v":2,"head":"aaa","at":"x","gate":"quarantined","extra":1} -->';
    expect(parseCheckMarker(later)).toMatchObject({ v: 2, gate: 'quarantined' });
  });
});
