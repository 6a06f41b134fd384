import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/commands/check.js';
import type { EvalReport, Stats } from '../../src/eval/types.js';
import { gitHubPullRequests } from '../../src/github/pull-requests.js';
import { renderCheckMarker } from '../../src/render/comment-marker.js';
import { FakeGitHub } from '../fakes/github-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { BRANCH, FILES, NOW } from './watch-workspace.js';

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string>;

beforeEach(async () => {
  repo = await createTestRepo(FILES);
  // With the bare origin, the fake reports each PR's real head commit, as GitHub does.
  fake = await FakeGitHub.start({ login: 'github-actions[bot]', collaborators: ['alice'], origin: repo.origin });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

interface WatchJson {
  migrations: { name: string; agents: string[]; pullRequest?: { operation: string; number: number; evaluation?: Record<string, unknown> } }[];
  models: { model: string; excluded: { agent: string; migration: string }[]; uncovered: string[] }[];
  warnings: string[];
}

const watch = async (extra: string[] = [], now = NOW) => {
  const run = await runCli(['watch', '--format', 'json', ...extra], repo.dir, env, now);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as WatchJson;
};

const stats = (passRate: number): Stats => ({
  passRate, cases: 10, passed: passRate * 10, failed: 10 - passRate * 10, errors: 0, errorRate: 0, notRun: 0, costUsd: 0.01, unpriced: [],
  latencyP50Ms: 500, latencyP95Ms: 900, inputTokens: 1000, outputTokens: 200, judge: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
});

/**
 * The Action's check on PR #1 at its current head: the real check command
 * posting its sticky comment through the fake. Only the LLM calls are
 * replaced by a report whose gate passes or fails.
 */
async function checkPr(passed: boolean, at: Date): Promise<string> {
  await repo.git(['fetch', '--quiet', 'origin', 'main', BRANCH]);
  const head = (await repo.remoteSha(BRANCH))!;
  const report: EvalReport = {
    agents: [], skipped: [], summary: { base: stats(1), head: stats(passed ? 1 : 0.5) }, gate: { passed, reasons: passed ? [] : ['pass rate fell'] },
    calls: 2, cached: 0, interrupted: false, costUsd: { models: 0, judge: 0, total: 0 },
  };
  const result = await checkCommand(
    { cwd: repo.dir, env: { OPENAI_API_KEY: 'sk-test' }, stdout: () => undefined, stderr: () => undefined, isTTY: false, now: at },
    {
      base: (await repo.remoteSha('main'))!, head, evalMode: 'auto', comment: true, format: 'json', evaluate: async () => report,
      pullRequest: { number: 1, fork: false, updatedAt: at.toISOString() }, prs: gitHubPullRequests({ token: fake.token, owner: fake.owner, repo: fake.repo, apiUrl: fake.url }),
    },
  );
  expect(result.data.gate).toBe(passed ? 'passed' : 'failed');
  return head;
}

const dashboard = () => fake.issues[0]!.body;

describe('watch --dashboard: the open PR\'s eval verdict', () => {
  it('shows the verdict the check comment recorded, for which commit and when, and says when a newer push made it stale', async () => {
    await watch(['--dashboard']);
    expect(dashboard()).toContain('[#1](https://github.com/acme/agents/pull/1) — eval: ⏳ no check yet |');

    // A busy conversation: the check comment lands on the second page of comments.
    for (let i = 0; i < 120; i++) fake.comments.push({ id: 100 + i, issue: 1, body: `LGTM ${i}`, author: 'alice', authorType: 'User' });
    const checked = await checkPr(true, new Date('2026-12-15T09:30:00Z'));
    const out = await watch(['--dashboard']);
    expect(out.migrations[0]!.pullRequest!.evaluation).toEqual({ verdict: 'passed', head: checked, evaluatedAt: '2026-12-15T09:30:00.000Z', stale: false });
    expect(dashboard()).toContain(`[#1](https://github.com/acme/agents/pull/1) — eval: ✅ gate passed on ${checked.slice(0, 7)} (2026-12-15 09:30 UTC) |`);
    const text = await runCli(['watch', '--dashboard'], repo.dir, env, NOW);
    expect(text.stdout).toContain(`  pull request #1 https://github.com/acme/agents/pull/1: unchanged — eval: ✅ gate passed on ${checked.slice(0, 7)} (2026-12-15 09:30 UTC)\n`);

    // A stricter gate rewrites the rule: a new commit on the PR, which no check has seen yet.
    const config = path.join(repo.dir, 'modelshift.yaml');
    await repo.commit({ 'modelshift.yaml': `${await readFile(config, 'utf8')}    gate: { minPassRate: 0.95 }\n` }, 'stricter gate');
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const pushed = await watch(['--dashboard']);
    expect(pushed.migrations[0]!.pullRequest).toMatchObject({ operation: 'updated', number: 1, evaluation: { verdict: 'passed', head: checked, stale: true } });
    const head = (await repo.remoteSha(BRANCH))!;
    expect(head).not.toBe(checked);
    expect(dashboard()).toContain(`eval: stale: ✅ gate passed on ${checked.slice(0, 7)} (2026-12-15 09:30 UTC); head is now ${head.slice(0, 7)} |`);

    // The check of the new head fails the gate; the dashboard follows.
    await checkPr(false, new Date('2026-12-15T10:00:00Z'));
    await watch(['--dashboard']);
    expect(dashboard()).toContain(`eval: ❌ gate failed on ${head.slice(0, 7)} (2026-12-15 10:00 UTC) |`);
    expect(fake.commentsOn(1).filter((c) => c.author === 'github-actions[bot]')).toHaveLength(1);
    expect(fake.requested('GET', /\/issues\/1\/comments$/).some((r) => r.query.page === '2')).toBe(true);
  });

  it('keeps the dashboard going, with a warning, when the comments cannot be read', async () => {
    await watch(['--dashboard']);
    await checkPr(true, new Date('2026-12-15T09:30:00Z'));
    fake.fail('GET', /\/issues\/1\/comments$/, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const out = await watch(['--dashboard'], new Date('2026-12-16T08:00:00Z'));
    expect(out.warnings).toEqual([expect.stringMatching(/^the eval verdict of #1 could not be read: /)]);
    expect(out.migrations[0]!.pullRequest!.evaluation).toBeUndefined();
    expect(dashboard()).toContain('(29 days)');
    expect(dashboard()).toContain('[#1](https://github.com/acme/agents/pull/1) |');
  });
});

describe('watch --dashboard: whose check comment counts', () => {
  const forge = (head: string) => `${renderCheckMarker({ head, at: '2026-12-15T09:00:00Z', gate: 'passed', evaluatedAt: '2026-12-15T09:00:00Z' })}\n### modelshift check\n✅ Gate passed\n`;

  it("reads no verdict from a marked comment another GitHub App wrote", async () => {
    await watch(['--dashboard']);
    await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
    // Another App on the repository is a Bot as well, and can write our marker with a passing gate for the PR's head.
    fake.comments.push({ id: 1, issue: 1, author: 'evil-app[bot]', authorType: 'Bot', body: forge((await repo.remoteSha(BRANCH))!) });
    const out = await watch(['--dashboard'], new Date('2026-12-16T08:00:00Z'));
    expect(out.migrations[0]!.pullRequest!.evaluation).toEqual({ verdict: 'no check yet', stale: false });
    expect(dashboard()).toContain('[#1](https://github.com/acme/agents/pull/1) — eval: ⏳ no check yet |');
    expect(out.warnings).toEqual([]);
  });

  it("shows no verdict, with a warning, when the token's login cannot be read", async () => {
    await watch(['--dashboard']);
    const checked = await checkPr(true, new Date('2026-12-15T09:30:00Z'));
    fake.comments.push({ id: 1, issue: 1, author: 'evil-app[bot]', authorType: 'Bot', body: forge(checked) });
    // Asked once per run for the PRs and once for the dashboard issue: both fail.
    fake.fail('POST', '/graphql', { status: 502, body: { message: 'Bad Gateway' }, times: 2 });
    const out = await watch(['--dashboard'], new Date('2026-12-16T08:00:00Z'));
    expect(out.migrations[0]!.pullRequest!.evaluation).toBeUndefined();
    expect(out.warnings).toEqual([
      expect.stringMatching(/^the eval verdict of #1 could not be read: GitHub: read the token's login failed \(HTTP 502\): Bad Gateway/),
      expect.stringMatching(/^the token's login could not be read, so no earlier dashboard issue was taken for ours and a new one was opened: GitHub: read the token's login failed \(HTTP 502\)/),
    ]);
    expect(fake.requested('POST', '/graphql').filter((r) => JSON.stringify(r.body).includes('viewer'))).toHaveLength(2);
    expect(fake.issues.map((i) => i.number)).toEqual([9001, 9002]);
    expect(fake.issues[1]!.body).toContain('[#1](https://github.com/acme/agents/pull/1) |');
    expect(fake.issues[1]!.body).not.toContain('gate passed');
  });
});

describe('watch and agents a person excluded', () => {
  it('leaves them out of the generated PR with the reason, and the dashboard lists them', async () => {
    // support-legacy waits for a widget's shutdown: a migration off gpt-4.1 excludes it on purpose.
    await repo.commit({
      'agents/support-legacy.yaml': FILES['agents/support-refunds.yaml']!.replace('support-refunds', 'support-legacy'),
      'migrations/gpt-4.1-to-gpt-5.1-first.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: gpt-4.1-first }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  select: { names: [support-triage], exclude: [support-legacy] }
  params: { rename: { max_tokens: max_completion_tokens }, drop: [temperature] }
`,
    }, 'support-legacy stays');
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const out = await watch(['--dashboard']);
    expect(out.models.find((m) => m.model === 'gpt-4.1')).toMatchObject({ excluded: [{ agent: 'support-legacy', migration: 'gpt-4.1-first' }], uncovered: ['support-refunds'] });
    expect(out.migrations[0]!.agents).toEqual(['support-refunds']);

    await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
    const rule = await repo.git(['show', `FETCH_HEAD:migrations/gpt-4.1-to-gpt-5.1.yaml`]);
    expect(rule).toContain('  # Left out as a person decided: support-legacy (spec.select.exclude of gpt-4.1-first).\n  select: { names: [support-refunds], exclude: [support-legacy] }\n');
    expect(await repo.git(['show', 'FETCH_HEAD:agents/support-legacy.yaml'])).toContain('name: gpt-4.1');
    // The PR body's skipped list names the exclusion, not a mismatch of names.
    expect(fake.pulls[0]!.body).toMatch(/excluded by spec\.select\.exclude[^\n]*support-legacy/);
    expect(dashboard()).toMatch(/\| gpt-4\.1 \| openai \| 3 \| [^\n]* gpt-4\.1-first, \[#1\][^\n]*, left out: support-legacy \(excluded by gpt-4\.1-first\) \|/);

    const text = await runCli(['watch', '--dry-run'], repo.dir, env, NOW);
    expect(text.stdout).toContain('  1 agent left out as a person decided: support-legacy (spec.select.exclude of gpt-4.1-first)');
  });
});

describe('watch --dashboard: a pinned issue', () => {
  it('pins the dashboard when it creates it, and leaves the pin alone afterwards', async () => {
    const out = await watch(['--dashboard']) as WatchJson & { dashboard: Record<string, unknown> };
    expect(out.dashboard).toEqual({ operation: 'created', number: 9001, url: 'https://github.com/acme/agents/issues/9001', pinned: true });
    expect(fake.issues[0]!.pinned).toBe(true);
    const pins = () => fake.requested('POST', '/graphql').filter((r) => JSON.stringify(r.body).includes('pinIssue'));
    const [pin] = pins();
    expect(pin!.body).toEqual({ query: expect.stringContaining('pinIssue(input: { issueId: $id })'), variables: { id: 'I_9001' } });

    // A person unpinned it: updating the body does not pin it again.
    fake.issues[0]!.pinned = false;
    expect((await watch(['--dashboard'], new Date('2026-12-16T08:00:00Z')) as WatchJson & { dashboard: Record<string, unknown> }).dashboard).toMatchObject({ operation: 'updated' });
    expect(fake.issues[0]!.pinned).toBe(false);
    expect(pins()).toHaveLength(1);
  });

  it('writes the dashboard and warns when GitHub refuses the pin (three issues pinned already)', async () => {
    for (const title of ['roadmap', 'faq', 'release']) fake.addIssue({ title, author: 'alice', authorType: 'User', pinned: true });
    const out = await watch(['--dashboard']) as WatchJson & { dashboard: Record<string, unknown> };
    expect(out.dashboard).toMatchObject({ operation: 'created', number: 9004, pinned: false });
    expect(out.warnings).toEqual([expect.stringMatching(/^the dashboard issue #9004 was written but not pinned: GitHub: pin issue #9004 failed: .*Pinned issues limit reached/)]);
    expect(fake.issues[3]!.body).toContain('| gpt-4.1 | openai | 2 |');
    expect(fake.issues[3]!.pinned).toBeUndefined();

  });
});

describe('watch --dashboard: canaries', () => {
  it('lists a running canary with its weight, its open promote PR and a proposed rollback', async () => {
    const rule = path.join(repo.dir, 'migrations/gpt-4o-to-gpt-5.1.yaml');
    await repo.commit({ 'migrations/gpt-4o-to-gpt-5.1.yaml': `${await readFile(rule, 'utf8')}  rollout: { steps: [10, 50, 100] }\n` }, 'canary first');
    expect((await runCli(['apply', 'gpt-4o-to-gpt-5.1'], repo.dir, {}, NOW)).code).toBe(0);
    await repo.commit({}, 'start the gpt-4o canary\n\nModelshift-Migration: gpt-4o-to-gpt-5.1');
    await repo.git(['push', '--quiet', 'origin', 'main']);

    await watch(['--dashboard']);
    expect(dashboard()).toMatch(/\| gpt-4o \| openai \| 1 \| [^\n]*\| gpt-4o-to-gpt-5\.1 at 10% \(1\) \|\n/);

    const promote = await runCli(['promote', 'gpt-4o-to-gpt-5.1', '--skip-analysis'], repo.dir, env, NOW);
    expect(promote.code, promote.stderr).toBe(0);
    const rollback = await runCli(['rollback', 'gpt-4o-to-gpt-5.1'], repo.dir, env, NOW);
    expect(rollback.code, rollback.stderr).toBe(0);
    const heads = fake.pulls.map((p) => [p.number, p.head]);
    expect(heads).toEqual([[1, BRANCH], [2, 'modelshift/gpt-4o-to-gpt-5.1-promote-50'], [3, 'modelshift/gpt-4o-to-gpt-5.1-rollback']]);

    await watch(['--dashboard']);
    expect(dashboard()).toContain('| gpt-4o-to-gpt-5.1 at 10% (1) · promote to 50%: [#2](https://github.com/acme/agents/pull/2) · ⛔ rollback proposed: [#3](https://github.com/acme/agents/pull/3) |');
    // The canary's own migration PR is not the generated one: the gpt-4o row links no migration PR of its own.
    expect(dashboard()).toMatch(/\| gpt-4o \| openai \| 1 \| [^|]*\| [^|]*\| gpt-4o-to-gpt-5\.1 \|/);
  });
});
