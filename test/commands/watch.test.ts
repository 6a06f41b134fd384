import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { BRANCH, FILES, NOW, RULE } from './watch-workspace.js';

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string>;

beforeEach(async () => {
  repo = await createTestRepo(FILES);
  fake = await FakeGitHub.start({ login: 'github-actions[bot]', collaborators: ['alice'] });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const watch = async (extra: string[] = []) => {
  const run = await runCli(['watch', '--format', 'json', ...extra], repo.dir, env, NOW);
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as {
    migrations: { name: string; file: string; agents: string[]; deadline: string; pullRequest?: { operation: string; number: number } }[];
    models: { model: string; covered: { agent: string; migration: string }[]; uncovered: string[]; migration?: string }[];
    dashboard?: { number: number; operation: string };
  };
};

describe('modelshift watch', () => {
  it('opens exactly one PR for the retiring model, with a generated rule that validates and plans cleanly', async () => {
    const out = await watch();
    expect(out.migrations).toEqual([{
      name: 'gpt-4.1-to-gpt-5.1', file: RULE, from: { provider: 'openai', model: 'gpt-4.1' }, to: { provider: 'openai', model: 'gpt-5.1' },
      agents: ['support-refunds', 'support-triage'], deadline: '2027-01-14',
      pullRequest: { operation: 'created', number: 1, url: 'https://github.com/acme/agents/pull/1' },
    }]);
    // gpt-4o retires the same day, but a migration already takes its agent.
    expect(out.models.find((m) => m.model === 'gpt-4o')).toMatchObject({ covered: [{ agent: 'sales', migration: 'gpt-4o-to-gpt-5.1' }], uncovered: [] });
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0]).toMatchObject({ head: BRANCH, title: 'Migrate agents openai/gpt-4.1 → openai/gpt-5.1 (gpt-4.1-to-gpt-5.1)' });
    expect(await repo.git(['status', '--porcelain'])).toBe('');

    // The rule travels in the PR: on its branch, next to the rewritten agents.
    await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
    const rule = await repo.git(['show', `FETCH_HEAD:${RULE}`]);
    expect(rule).toContain('labels: { generated-by: modelshift-watch }');
    expect(rule).toContain('gpt-4.1 shuts down on 2027-01-14 (date from modelshift.yaml); moves 2 agents to gpt-5.1.');
    expect(rule).toContain('rename: { max_tokens: max_completion_tokens }');
    expect(rule).toContain('drop: [temperature]');
    expect(rule).toContain('suites: [support]');
    expect(await repo.git(['show', 'FETCH_HEAD:agents/support-triage.yaml'])).toContain('name: gpt-5.1');

    // Put on main as it is, the rule validates and plans both agents with no error and nothing the destination refuses.
    await writeFile(path.join(repo.dir, RULE), rule);
    const validate = await runCli(['--format', 'json', 'validate'], repo.dir, {}, NOW);
    expect(JSON.parse(validate.stdout).errors).toEqual([]);
    const plan = JSON.parse((await runCli(['--format', 'json', 'plan', 'gpt-4.1-to-gpt-5.1'], repo.dir, {}, NOW)).stdout);
    expect(plan.agents.map((a: { name: string }) => a.name)).toEqual(['support-refunds', 'support-triage']);
    expect(plan.errors ?? []).toEqual([]);
    expect(plan.agents.flatMap((a: { warnings: string[] }) => a.warnings).join('\n')).not.toMatch(/refuse/);
  });

  it('is unchanged on a re-run, and --dry-run prints the rule without writing anything or calling GitHub to write', async () => {
    await watch();
    const writes = () => fake.requests.filter((r) => r.method !== 'GET').length;
    const before = writes();
    expect((await watch()).migrations[0]!.pullRequest).toMatchObject({ operation: 'unchanged', number: 1 });
    expect(fake.pulls).toHaveLength(1);
    expect(writes()).toBe(before);

    const dry = await runCli(['watch', '--dry-run', '--dashboard'], repo.dir, env, NOW);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`would open a pull request adding ${RULE}:`);
    expect(dry.stdout).toContain('      to: { provider: openai, model: gpt-5.1 }');
    expect(dry.stdout).toMatch(/\ndashboard \(--dry-run, not posted\):\n\*\*/);
    expect(writes()).toBe(before);
    expect(fake.issues).toHaveLength(0);
    expect(await repo.git(['status', '--porcelain'])).toBe('');
  });

  it('keeps one dashboard issue: every model in use, its deadline and the PR that handles it', async () => {
    const first = await watch(['--dashboard']);
    expect(first.dashboard).toMatchObject({ operation: 'created', number: 9001 });
    const issue = fake.issues[0]!;
    expect(issue.title).toBe('modelshift dashboard');
    expect(issue.labels).toEqual(['modelshift-dashboard']);
    expect(issue.body).toContain('**3 models in use by 4 agents** · 2 retired or retiring within 90 days');
    expect(issue.body).toMatch(/\| gpt-4\.1 \| openai \| 2 \| ⚠️ retires 2027-01-14 \(30 days\) \| gpt-5\.1 \| \[#1\]\(https:\/\/github\.com\/acme\/agents\/pull\/1\) — eval: ⏳ no check yet \|/);
    expect(issue.body).toMatch(/\| gpt-4o \| openai \| 1 \| ⚠️ retires 2027-01-14 \(30 days\) \| [^|]* \| gpt-4o-to-gpt-5\.1 \|/);
    expect(issue.body).toMatch(/\| gpt-5\.1 \| openai \| 1 \| /);

    expect((await watch(['--dashboard'])).dashboard).toMatchObject({ operation: 'unchanged', number: 9001 });
    // A marker in someone else's issue is not ours; ours is found by the token's login and updated, never duplicated.
    fake.addIssue({ title: 'copy', body: issue.body, author: 'mallory', authorType: 'User', labels: ['modelshift-dashboard'] });
    const later = await runCli(['watch', '--format', 'json', '--dashboard'], repo.dir, env, new Date('2026-12-16T08:00:00Z'));
    expect(JSON.parse(later.stdout).dashboard).toMatchObject({ operation: 'updated', number: 9001 });
    expect(fake.issues[0]!.body).toContain('(29 days)');
    expect(fake.issues[1]!.body).toContain('(30 days)');
  });

  it("does not adopt a dashboard another GitHub App opened: it opens its own and keeps that one", async () => {
    const forged = 'all clear\n\n<!-- modelshift {"tool":"modelshift","kind":"dashboard","v":1} -->';
    fake.addIssue({ title: 'modelshift dashboard', body: forged, author: 'evil-app[bot]', authorType: 'Bot', labels: ['modelshift-dashboard'] });
    expect((await watch(['--dashboard'])).dashboard).toMatchObject({ operation: 'created', number: 9002 });
    expect((await watch(['--dashboard'])).dashboard).toMatchObject({ operation: 'unchanged', number: 9002 });
    expect(fake.issues.map((i) => [i.number, i.author])).toEqual([[9001, 'evil-app[bot]'], [9002, 'github-actions[bot]']]);
    expect(fake.issues[0]!.body).toBe(forged);
    expect(fake.requested('PATCH', '/repos/acme/agents/issues/9001')).toHaveLength(0);
  });

  it('once the PR is merged, the rule covers the agents: no new PR, and the dashboard says which migration handles the model', async () => {
    await watch(['--dashboard']);
    await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
    await repo.git(['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'merge', '--quiet', '--no-ff', '-m', 'Merge pull request #1 from acme/modelshift/gpt-4.1-to-gpt-5.1', 'FETCH_HEAD']);
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const out = await watch(['--dashboard']);
    expect(out.migrations).toEqual([]);
    expect(fake.pulls).toHaveLength(1);
    expect(out.dashboard).toMatchObject({ operation: 'updated' });
    expect(fake.issues[0]!.body).toMatch(/\| gpt-5\.1 \| openai \| 3 \| /);
    expect(fake.issues[0]!.body).not.toContain('| gpt-4.1 |');
  });

  it('leaves a PR a person closed declined until the rule changes; a merged PR loses its branch', async () => {
    await watch(['--dashboard']);
    fake.closePull(1, 'declined');
    const declined = await watch(['--dashboard']);
    expect(declined.migrations[0]!.pullRequest).toMatchObject({ operation: 'declined', number: 1 });
    expect(fake.pulls).toHaveLength(1);
    expect(fake.issues[0]!.body).toContain('**Declined:** [#1](https://github.com/acme/agents/pull/1) (gpt-4.1)');
    expect(fake.issues[0]!.body).toContain('[#1](https://github.com/acme/agents/pull/1) (declined)');

    // A new gate in spec.watch changes the generated rule: that is a new proposal.
    const config = path.join(repo.dir, 'modelshift.yaml');
    await repo.commit({ 'modelshift.yaml': `${await readFile(config, 'utf8')}    gate: { minPassRate: 0.95 }\n` }, 'stricter gate');
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const edited = await watch();
    expect(edited.migrations[0]!.pullRequest).toMatchObject({ operation: 'created', number: 2 });
    await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
    expect(await repo.git(['show', `FETCH_HEAD:${RULE}`])).toContain('gate: { minPassRate: 0.95 }');

    // Merged: the rule is on main and covers the agents; the next run tidies the branch away.
    await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
    await repo.git(['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'merge', '--quiet', '--no-ff', '-m', 'Merge pull request #2 from acme/modelshift/gpt-4.1-to-gpt-5.1', 'FETCH_HEAD']);
    await repo.git(['push', '--quiet', 'origin', 'main']);
    fake.closePull(2, 'merged');
    expect((await watch()).migrations).toEqual([]);
    expect(await repo.remoteSha(BRANCH)).toBeUndefined();
    expect(fake.pulls).toHaveLength(2);
  });

  it('with --references counts the places in code that name each model, and lists models only code calls', async () => {
    await repo.commit({
      'app/triage.py': 'from openai import OpenAI\nclient = OpenAI()\nreply = client.chat.completions.create(model="gpt-4.1-2025-04-14", messages=[])\n',
      'app/legacy.py': 'import anthropic\nclient = anthropic.Anthropic()\nclient.messages.create(model="claude-3-7-sonnet-20250219", max_tokens=100, messages=[])\n',
    }, 'the app');
    // A comment inside a modelshift file is no place outside them.
    const config = path.join(repo.dir, 'modelshift.yaml');
    await repo.commit({ 'modelshift.yaml': `# we used to run everything on gpt-4.1\n${await readFile(config, 'utf8')}` }, 'a note');
    const run = await runCli(['watch', '--dry-run', '--references', '--dashboard', '--format', 'json'], repo.dir, env, NOW);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { models: { model: string; references?: number; uncovered: string[]; reason?: string }[]; dashboardPreview: string };
    expect(out.models.find((m) => m.model === 'gpt-4.1')?.references).toBe(1);
    // A retired model only code calls is a model in use too.
    expect(out.models.find((m) => m.model === 'claude-3-7-sonnet')).toMatchObject({ references: 1, uncovered: [], reason: expect.stringMatching(/^no agent is on it, only code and config \(1 place/) });
    expect(run.stderr).toBe('');
    expect(out.dashboardPreview).toMatch(/\| gpt-4\.1 \| openai \| 2 \| 1 \| ⚠️ retires 2027-01-14/);
    expect(out.dashboardPreview).toMatch(/^\*\*\d+ models in use: \d+ by \d+ agents, 1 only in code and config\*\*/);
    expect(out.dashboardPreview).toMatch(/\| claude-3-7-sonnet \| anthropic \| 0 \| 1 \| ⛔ retired [0-9-]+ \| [^|]* \| code only: give a migration `spec.references` to rewrite it \|/);
    const text = await runCli(['watch', '--dry-run', '--references'], repo.dir, env, NOW);
    expect(text.stdout).toContain('also referenced in 1 place outside modelshift files');
    // One block per model, a blank line between them.
    expect(text.stdout).toMatch(/\n\ngpt-4o \(openai\) retires 2027-01-14/);
    expect(text.stdout).not.toMatch(/\n\n\n/);
  });

  it('names the agents it cannot move and why, and says when a dashboard cannot be written', async () => {
    const config = path.join(repo.dir, 'modelshift.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('successors: { gpt-4.1: gpt-5.1 }', 'successors: { gpt-4.1: gpt-4.1 }'));
    const out = await runCli(['watch', '--dry-run'], repo.dir, env, NOW);
    expect(out.stdout).toContain('2 agents left on it: the successor is the model itself; fix spec.watch.successors');

    // A successor that is itself gone is still used (the user named it), with a warning that says what to name instead.
    await writeFile(config, (await readFile(config, 'utf8')).replace('successors: { gpt-4.1: gpt-4.1 }', 'successors: { gpt-4.1: gpt-5-mini }'));
    const retired = await runCli(['watch', '--dry-run'], repo.dir, env, NOW);
    expect(retired.stdout).toContain('warning: spec.watch.successors maps gpt-4.1 to gpt-5-mini, which was retired on 2026-12-11; map gpt-4.1 to gpt-6-luna');

    fake.fail('POST', `/repos/${fake.owner}/${fake.repo}/issues`, { status: 403, body: { message: 'Resource not accessible by integration' } });
    await writeFile(config, FILES['modelshift.yaml']!);
    const denied = await runCli(['watch', '--dashboard'], repo.dir, env, NOW);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain('the token lacks the `issues: write` permission');

    for (const value of ['0', '-5', 'soon', '2.5', '4000']) {
      const bad = await runCli(['watch', '--horizon', value], repo.dir, env, NOW);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain(`error: --horizon must be a whole number of days from 1 to 3650, not "${value}"`);
      expect(bad.stderr).toContain('hint: e.g. --horizon 90');
    }
  });
});
