import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { pinnedExamples, runAction } from './harness.js';

let fake: FakeGitHub;
let repo: TestRepo;

beforeEach(async () => {
  fake = await FakeGitHub.start({ login: 'github-actions[bot]', collaborators: ['alice'], teams: ['support-eng'] });
  repo = await createTestRepo(await pinnedExamples());
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const migrate = (eventName: string, inputs: Record<string, string>) =>
  runAction({ inputs: { mode: 'migrate', 'github-token': fake.token, ...inputs }, workspace: repo.dir, eventName, env: { GITHUB_API_URL: fake.url } });

describe('mode: migrate', () => {
  it('opens the named migration\'s pull request and says so in the outputs', async () => {
    const run = await migrate('workflow_dispatch', { migration: 'gpt-4.1-to-gpt-5.1' });

    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      valid: '',
      'agents-changed': '',
      gate: '',
      'comment-id': '',
      'eval-parts': '',
      'report-path': '',
      'pull-request-number': '1',
      'pull-request-url': 'https://github.com/acme/agents/pull/1',
      'pull-request-operation': 'created',
      'pull-requests': JSON.stringify([{ migration: 'gpt-4.1-to-gpt-5.1', operation: 'created', number: 1, url: 'https://github.com/acme/agents/pull/1' }]),
      synced: '',
      drift: '',
      'dashboard-issue-number': '',
    });
    expect(await repo.remoteSha('modelshift/gpt-4.1-to-gpt-5.1')).toBeDefined();
    expect(fake.pulls[0]).toMatchObject({ head: 'modelshift/gpt-4.1-to-gpt-5.1', base: 'main', state: 'open' });
    expect(run.summary).toContain('| gpt-4.1-to-gpt-5.1 | created | [#1](https://github.com/acme/agents/pull/1) |');
  });

  it('proposes every migration on a schedule: the open PR stays, the other is opened, the outputs name the last one', async () => {
    await migrate('workflow_dispatch', { migration: 'gpt-4.1-to-gpt-5.1' });
    const run = await migrate('schedule', {});

    expect(run.code).toBe(0);
    expect(fake.pulls.map((p) => [p.number, p.head])).toEqual([
      [1, 'modelshift/gpt-4.1-to-gpt-5.1'],
      [2, 'modelshift/gpt-4o-to-claude-sonnet-5-5'],
    ]);
    expect(JSON.parse(run.outputs['pull-requests']!)).toEqual([
      { migration: 'gpt-4.1-to-gpt-5.1', operation: 'unchanged', number: 1, url: 'https://github.com/acme/agents/pull/1' },
      { migration: 'gpt-4o-to-claude-sonnet-5-5', operation: 'created', number: 2, url: 'https://github.com/acme/agents/pull/2' },
    ]);
    expect(run.outputs).toMatchObject({ 'pull-request-number': '2', 'pull-request-operation': 'created' });
  });

  it('fails the step for an unknown migration, with the known ones in the hint', async () => {
    const run = await migrate('workflow_dispatch', { migration: 'no-such-rule' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::no migration named "no-such-rule" and no such file%0Ahint: known migrations: gpt-4.1-to-gpt-5.1, gpt-4o-to-claude-sonnet-5-5');
    expect(fake.pulls).toHaveLength(0);
  });
});
