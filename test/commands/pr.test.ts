import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { exampleFiles } from '../helpers/examples.js';
import { ALICE, createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const MIGRATION = 'gpt-4.1-to-gpt-5.1';
const BRANCH = `modelshift/${MIGRATION}`;

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string>;

beforeEach(async () => {
  repo = await createTestRepo(await exampleFiles());
  fake = await FakeGitHub.start({ collaborators: ['alice'], teams: ['support-eng'] });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const pr = (extra: string[] = [], environment = env) => runCli(['pr', MIGRATION, '--format', 'json', ...extra], repo.dir, environment);

describe('modelshift pr', () => {
  it('creates the branch and the PR from the base without touching the working tree', async () => {
    const triageBefore = await readFile(path.join(repo.dir, 'agents/support/triage.yaml'), 'utf8');
    const run = await pr();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ operation: 'created', number: 1, branch: BRANCH });
    expect(out.headSha).toBe(await repo.remoteSha(BRANCH));

    const pull = fake.pulls[0]!;
    expect(pull.title).toBe('Migrate agents openai/gpt-4.1 → openai/gpt-5.1 (gpt-4.1-to-gpt-5.1)');
    expect(pull.body).toContain('**3 agents migrate openai/gpt-4.1 → openai/gpt-5.1 · 3 skipped · 1 warning**');
    expect(pull.body).toMatch(/<!-- modelshift \{"tool":"modelshift","migration":"gpt-4.1-to-gpt-5.1","planHash":"[0-9a-f]{16}"\} -->/);
    expect(pull.labels.sort()).toEqual(['model-migration', 'modelshift']);
    const review = fake.requested('POST', /requested_reviewers$/)[0]!;
    expect(review.body).toEqual({ reviewers: ['dana-ops'], team_reviewers: ['support-eng'] });
    expect(pull.teams).toEqual(['support-eng']);
    expect(JSON.parse(run.stdout).warnings.join('\n')).toMatch(/dana-ops/);

    const message = await repo.git(['log', '-1', '--format=%an%n%B', `origin/${BRANCH}`]).catch(async () => {
      await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
      return repo.git(['log', '-1', '--format=%an%n%B', 'FETCH_HEAD']);
    });
    expect(message).toContain('modelshift[bot]');
    expect(message).toContain('chore(models): migrate 3 agents gpt-4.1 → gpt-5.1');
    expect(message).toContain('Modelshift-Migration: gpt-4.1-to-gpt-5.1');
    expect(message).toContain('Modelshift-Agents: support-escalation, support-refunds, support-triage');

    const changed = (await repo.git(['diff', '--name-only', 'main', out.headSha])).trim().split('\n').sort();
    expect(changed).toEqual(['agents/support/escalation.yaml', 'agents/support/refunds.yaml', 'agents/support/triage.yaml']);
    expect(await repo.git(['status', '--porcelain'])).toBe('');
    expect(await readFile(path.join(repo.dir, 'agents/support/triage.yaml'), 'utf8')).toBe(triageBefore);
  });

  it('is unchanged on a re-run, updates the same PR when the rule changes on main, and closes it when nothing is left', async () => {
    expect(JSON.parse((await pr()).stdout).operation).toBe('created');
    const pushes = fake.requests.length;
    const again = JSON.parse((await pr()).stdout);
    expect(again).toMatchObject({ operation: 'unchanged', number: 1 });
    expect(fake.requested('PATCH').length).toBe(0);
    expect(fake.requests.length).toBeGreaterThan(pushes);

    const rule = 'migrations/2027-01-gpt-4.1-to-gpt-5.1.yaml';
    const text = await readFile(path.join(repo.dir, rule), 'utf8');
    await repo.commit({ [rule]: text.replace('reasoning_effort: low', 'reasoning_effort: medium') }, 'tune the rule');
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const updated = JSON.parse((await pr()).stdout);
    expect(updated).toMatchObject({ operation: 'updated', number: 1 });
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0]!.body).toContain('"medium"');

    // The migration is done on main by other means: nothing is left to change.
    await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
    await repo.git(['merge', '--quiet', '--no-edit', 'FETCH_HEAD']);
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const closed = JSON.parse((await pr()).stdout);
    expect(closed).toMatchObject({ operation: 'closed', number: 1 });
    expect(fake.pulls[0]!.state).toBe('closed');
    expect(fake.commentsOn(1).at(-1)!.body).toMatch(/nothing left to change/);
  });

  it('refuses to push over a commit a person made on the branch', async () => {
    await pr();
    const other = await repo.clone('colleague');
    await repo.git(['fetch', '--quiet', 'origin', BRANCH], other);
    await repo.git(['checkout', '--quiet', '-b', 'fix', 'FETCH_HEAD'], other);
    await repo.commit({ 'agents/support/triage.yaml': '# hand edit\n' + (await readFile(path.join(other, 'agents/support/triage.yaml'), 'utf8')) }, 'hand fix', { author: ALICE, cwd: other });
    await repo.git(['push', '--quiet', 'origin', `HEAD:${BRANCH}`], other);
    const human = await repo.remoteSha(BRANCH);

    const run = await pr();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--force/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await repo.remoteSha(BRANCH)).toBe(human);
    expect(fake.commentsOn(1).some((c) => /by hand|person|not made by modelshift/i.test(c.body))).toBe(true);

    const forced = await pr(['--force']);
    expect(JSON.parse(forced.stdout).operation).toBe('updated');
    expect(await repo.remoteSha(BRANCH)).not.toBe(human);
  });

  it('exits 2 with a clear message without a token, and writes nothing', async () => {
    const run = await pr([], { GITHUB_REPOSITORY: 'acme/agents' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no GitHub token: set GITHUB_TOKEN or GH_TOKEN/);
    expect(await repo.remoteSha(BRANCH)).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });

  it('exits 2 when the base branch cannot be fetched', async () => {
    const run = await pr(['--base', 'does-not-exist']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does-not-exist/);
    expect(fake.pulls).toHaveLength(0);
  });
});
