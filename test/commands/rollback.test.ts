import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeGitHub } from '../fakes/github-server.js';
import { exampleFiles } from '../helpers/examples.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { mergePr } from '../sync/merge.js';

const MIGRATION = 'gpt-4.1-to-gpt-5.1';
const TRIAGE = 'agents/support/triage.yaml';
const REFUNDS = 'agents/support/refunds.yaml';

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string | undefined>;
let examples: Record<string, string>;

beforeEach(async () => {
  examples = await exampleFiles();
  repo = await createTestRepo(examples);
  fake = await FakeGitHub.start({ collaborators: ['alice'], teams: ['support-eng'] });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url, PATH: process.env.PATH };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const json = async (args: string[]) => {
  const run = await runCli([...args, '--format', 'json'], repo.dir, env);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};
type AgentDoc = { spec: { model: { provider: string; name: string; params?: Record<string, unknown> }; instructions: string; rollout?: object } };
const at = async (ref: string, file: string) => parse(await repo.git(['show', `${ref}:${file}`])) as AgentDoc;
const original = (file: string) => parse(examples[file]!) as AgentDoc;

describe('modelshift rollback', () => {
  it('after a squash-merged migration, puts back model and params where the agent still has what it set', async () => {
    const migrated = await json(['pr', MIGRATION]);
    const squash = await mergePr(repo, migrated.branch, migrated.number, 'squash', fake.pulls[0]!.title);
    fake.pulls[0]!.state = 'closed';
    expect(await repo.git(['log', '-1', '--format=%B', squash])).toContain(`Modelshift-Migration: ${MIGRATION}`);
    expect((await at('origin/main', TRIAGE)).spec.model.name).toBe('gpt-5.1');
    // Someone tunes one migrated agent afterwards: that one is theirs now.
    const refunds = await repo.git(['show', `origin/main:${REFUNDS}`]);
    await repo.commit({ [REFUNDS]: refunds.replace('reasoning_effort: low', 'reasoning_effort: medium') }, 'refunds think harder');
    await repo.git(['push', '--quiet', 'origin', 'main']);

    const out = await json(['rollback', MIGRATION]);
    expect(out).toMatchObject({
      migration: MIGRATION,
      operation: 'created',
      number: 2,
      branch: `modelshift/${MIGRATION}-rollback`,
      agents: ['support-escalation', 'support-triage'],
      skipped: [{ name: 'support-refunds', reason: `its params changed since ${MIGRATION} set them` }],
    });
    const pull = fake.pulls[1]!;
    expect(pull.title).toBe(`Roll back to openai/gpt-4.1 (${MIGRATION}-rollback)`);
    expect(pull.body).toContain(`**2 agents go back to their model from before ${MIGRATION} · 1 skipped**`);
    expect(pull.body).toContain(`| support-refunds | its params changed since ${MIGRATION} set them |`);

    await repo.git(['fetch', '--quiet', 'origin']);
    const message = await repo.git(['log', '-1', '--format=%an%n%B', out.headSha]);
    expect(message).toContain('chore(models): roll back 2 agents from gpt-4.1-to-gpt-5.1');
    expect(message).toContain(`Modelshift-Migration: ${MIGRATION}-rollback`);
    expect(message).toContain('Modelshift-From: openai/gpt-5.1');
    expect(message).toContain('Modelshift-To: openai/gpt-4.1');
    for (const file of [TRIAGE, 'agents/support/escalation.yaml']) {
      const back = await at(out.headSha, file);
      expect(back.spec.model).toEqual(original(file).spec.model);
      // Only the model goes back: the adapted instructions stay.
      expect(back.spec.instructions).toBe((await at('origin/main', file)).spec.instructions);
    }
    expect(await repo.git(['diff', '--name-only', 'origin/main', out.headSha])).toBe('agents/support/escalation.yaml\nagents/support/triage.yaml\n');
    const triageDiff = await repo.git(['diff', '--unified=0', 'origin/main', out.headSha, '--', TRIAGE]);
    // Byte-minimal: the comment on the name survives, the renamed param keeps its line.
    expect(triageDiff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
      '-    name: gpt-5.1          # pinned after the 2026-03 routing incident',
      '+    name: gpt-4.1          # pinned after the 2026-03 routing incident',
      '-      max_completion_tokens: 800',
      '-      reasoning_effort: low',
      '+      max_tokens: 800',
      '+      temperature: 0.2',
    ]);

    // Merged: the rollback is not the migration's own change, so nothing is left to roll back.
    await mergePr(repo, out.branch, 2, 'merge');
    fake.pulls[1]!.state = 'closed';
    const again = await json(['rollback', MIGRATION]);
    expect(again).toMatchObject({ operation: 'unchanged', agents: [] });
    expect(again.skipped.map((s: { name: string }) => s.name)).toEqual(['support-escalation', 'support-refunds', 'support-triage']);
    expect(again.skipped[0].reason).toBe(`changed since ${MIGRATION} set it: now on openai/gpt-4.1`);
    expect(fake.pulls).toHaveLength(2);
  });

  it('ends a canary that still runs, leaving the agents on their own model', async () => {
    const canary = 'gpt-4o-to-claude-sonnet-5-5';
    const started = await json(['pr', canary]);
    await mergePr(repo, started.branch, started.number, 'merge');
    const out = await json(['rollback', canary]);
    expect(out.agents).toEqual(['sales-call-notes', 'sales-email-drafter', 'sales-lead-qualifier']);
    await repo.git(['fetch', '--quiet', 'origin']);
    const file = 'agents/sales/email-drafter.yaml';
    expect(await repo.git(['show', `${out.headSha}:${file}`])).toBe(examples[file]);
  });

  it('refuses to roll back to a model that has retired since, unless --allow-retired; warns when it retires soon', async () => {
    const migrated = await json(['pr', MIGRATION]);
    await mergePr(repo, migrated.branch, migrated.number, 'merge');
    fake.pulls[0]!.state = 'closed';
    // gpt-4.1 retires on 2027-01-14: after that date, going back to it would put agents on a model that no longer answers.
    const late = new Date('2027-02-01T12:00:00Z');
    const refused = await runCli(['rollback', MIGRATION], repo.dir, env, late);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error: cannot roll back ${MIGRATION}: validate would reject the model it moves agents to\n  - agents support-escalation, support-refunds, support-triage: model "gpt-4.1" was retired on 2027-01-14`);
    expect(refused.stderr).toContain('--allow-retired');
    expect(fake.pulls).toHaveLength(1);
    expect(await repo.remoteSha(`modelshift/${MIGRATION}-rollback`)).toBeUndefined();

    const allowed = await runCli(['rollback', MIGRATION, '--allow-retired', '--format', 'json'], repo.dir, env, late);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).warnings[0]).toMatch(/^agents support-escalation, support-refunds, support-triage: model "gpt-4\.1" was retired on 2027-01-14/);
    expect(fake.pulls[1]!.body).toContain('> [!WARNING]\n> agents support-escalation, support-refunds, support-triage: model "gpt-4.1" was retired');
    fake.pulls[1]!.state = 'closed';

    // Before that date it is only a warning, in the output and the PR body.
    // PR #2 was closed without merging (declined): --force opens the same rollback again.
    const soon = await runCli(['rollback', MIGRATION, '--force'], repo.dir, env);
    expect(soon.code).toBe(0);
    expect(soon.stderr).toContain('warning: agents support-escalation, support-refunds, support-triage: model "gpt-4.1" retires on 2027-01-14 (in 53 days)');
    expect(fake.pulls.at(-1)!.body).toContain('> agents support-escalation, support-refunds, support-triage: model "gpt-4.1" retires on 2027-01-14 (in 53 days)');
  });

  it('says so when the migration changed nothing, without asking GitHub', async () => {
    const run = await runCli(['rollback', MIGRATION], repo.dir, env);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Nothing to roll back: ${MIGRATION} changed no agent on main.\n`);
    expect(fake.requests).toHaveLength(0);
  });
});
