import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { exampleFiles } from '../helpers/examples.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runAction } from './harness.js';

let fake: FakeGitHub;
let repo: TestRepo;

beforeEach(async () => {
  fake = await FakeGitHub.start({ login: 'github-actions[bot]', collaborators: ['alice'], teams: ['support-eng'] });
  repo = await createTestRepo(await exampleFiles());
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const watch = (inputs: Record<string, string>) =>
  runAction({ inputs: { mode: 'watch', 'github-token': fake.token, ...inputs }, workspace: repo.dir, eventName: 'schedule', env: { GITHUB_API_URL: fake.url } });

describe('mode: watch', () => {
  it('opens the generated migration for the agents no rule covers, keeps the dashboard, and says so in the outputs', async () => {
    const run = await watch({ dashboard: 'true' });
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    const proposed = JSON.parse(run.outputs['pull-requests']!) as { migration: string; operation: string; number: number }[];
    expect(proposed).toEqual([{ migration: 'gpt-4.1-to-gpt-5.1-openai', operation: 'created', number: 1, url: 'https://github.com/acme/agents/pull/1' }]);
    expect(run.outputs).toMatchObject({ 'pull-request-number': '1', 'pull-request-operation': 'created', 'dashboard-issue-number': '9001' });
    expect(fake.pulls[0]).toMatchObject({ head: 'modelshift/gpt-4.1-to-gpt-5.1-openai', base: 'main' });
    expect(fake.issues[0]!.body).toContain('[#1](https://github.com/acme/agents/pull/1)');
    // support-legacy waits for a widget's shutdown (the example rule excludes it): watch leaves it out too, and says so.
    expect(run.summary).toContain('| gpt-4.1 | openai | 2027-01-14 | 3 agents covered by gpt-4.1-to-gpt-5.1; 1 agent excluded by a person | 2 | gpt-4.1-to-gpt-5.1-openai | [#1](https://github.com/acme/agents/pull/1) created |');
    expect(fake.issues[0]!.body).toContain('left out: support-legacy (excluded by gpt-4.1-to-gpt-5.1)');
    expect(fake.issues[0]!.pinned).toBe(true);

    const again = await watch({ dashboard: 'true' });
    expect(JSON.parse(again.outputs['pull-requests']!)[0]).toMatchObject({ operation: 'unchanged', number: 1 });
    expect(fake.pulls).toHaveLength(1);
    expect(fake.issues).toHaveLength(1);
  });

  it('fails the step with a hint for a bad horizon', async () => {
    const run = await watch({ 'horizon-days': 'soon' });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('input horizon-days is "soon"; expected a whole number of days, 1 or more');
  });
});
