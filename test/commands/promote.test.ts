import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeGitHub } from '../fakes/github-server.js';
import { exampleFiles } from '../helpers/examples.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { mergePr } from '../sync/merge.js';

const MIGRATION = 'gpt-4o-to-claude-sonnet-5-5';
const SALES = ['sales-call-notes', 'sales-email-drafter', 'sales-lead-qualifier'];
const FILES = ['agents/sales/call-notes.yaml', 'agents/sales/email-drafter.yaml', 'agents/sales/lead-qualifier.yaml'];

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  repo = await createTestRepo(await exampleFiles());
  fake = await FakeGitHub.start({ collaborators: ['alice'], teams: ['revenue-tools'] });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url, PATH: process.env.PATH };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const cli = async (args: string[]) => {
  const run = await runCli([...args, '--format', 'json'], repo.dir, env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};
const agentOnMain = async (file: string) => parse(await repo.git(['show', `origin/main:${file}`])) as { spec: { model: { provider: string; name: string; params?: object }; rollout?: { weight: number } } };
const lastCommit = (branch: string) => repo.git(['log', '-1', '--format=%an%n%B', `origin/${branch}`]);

describe('modelshift promote', () => {
  it('refuses a step to a candidate the provider does not enable, unless --allow-retired', async () => {
    const start = await cli(['pr', MIGRATION]);
    await mergePr(repo, start.branch, start.number, 'merge');
    // Someone else narrows the provider on main; this clone has not pulled it, so its own rule still looks valid.
    const other = await repo.clone('other');
    const provider = await repo.git(['show', 'origin/main:providers/anthropic.yaml']);
    await repo.commit({ 'providers/anthropic.yaml': `${provider}  models: [claude-opus-4-1]\n` }, 'anthropic: only opus', { cwd: other });
    await repo.git(['push', '--quiet', 'origin', 'main'], other);

    const refused = await runCli(['promote', MIGRATION], repo.dir, env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`error: cannot promote ${MIGRATION}: validate would reject the model it moves agents to\n  - agents ${SALES.join(', ')}: model "claude-sonnet-5-5" is not enabled on provider "anthropic" (its models: claude-opus-4-1)`);
    expect(fake.pulls).toHaveLength(1);
    const allowed = await cli(['promote', MIGRATION, '--allow-retired']);
    expect(allowed).toMatchObject({ operation: 'created', step: { to: 50 } });
    expect(allowed.warnings).toEqual([`agents ${SALES.join(', ')}: model "claude-sonnet-5-5" is not enabled on provider "anthropic" (its models: claude-opus-4-1)`]);
  });

  it('walks a canary through every step to the cut-over, one PR per step, and says when nothing is left', async () => {
    const start = await cli(['pr', MIGRATION]);
    await mergePr(repo, start.branch, start.number, 'merge');
    for (const file of FILES) expect((await agentOnMain(file)).spec.rollout?.weight).toBe(10);

    const fifty = await cli(['promote', MIGRATION]);
    expect(fifty).toMatchObject({ migration: MIGRATION, operation: 'created', number: 2, branch: `modelshift/${MIGRATION}-promote-50`, step: { from: 10, to: 50, cutover: false }, agents: SALES });
    const pull = fake.pulls[1]!;
    expect(pull.title).toBe(`Promote canary to 50% (${MIGRATION})`);
    expect(pull.body).toContain('**3 agents send 50% of conversations to anthropic/claude-sonnet-5-5 (was 10%)**');
    expect(pull.body).toContain('| `spec.rollout.weight` 10 → 50 |');
    expect(pull.body).toContain(`"migration":"${MIGRATION}"`);
    await repo.git(['fetch', '--quiet', 'origin']);
    expect(await lastCommit(fifty.branch)).toMatch(new RegExp(`^modelshift\\[bot\\]\\nchore\\(models\\): promote canary ${MIGRATION} 10% → 50%[\\s\\S]*Modelshift-Migration: ${MIGRATION}\\n[\\s\\S]*Modelshift-Agents: ${SALES.join(', ')}`));
    // Only the weight's bytes move.
    const stepDiff = await repo.git(['diff', '--unified=0', 'origin/main', fifty.headSha, '--', FILES[1]!]);
    expect(stepDiff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual(['-    weight: 10', '+    weight: 50']);

    expect(await cli(['promote', MIGRATION])).toMatchObject({ operation: 'unchanged', number: 2 });
    await mergePr(repo, fifty.branch, 2, 'squash', pull.title);

    const cutover = await cli(['promote', MIGRATION]);
    expect(cutover).toMatchObject({ operation: 'created', number: 3, branch: `modelshift/${MIGRATION}-promote-100`, step: { from: 50, to: 100, cutover: true } });
    expect(fake.pulls[2]!.title).toBe(`Cut over to anthropic/claude-sonnet-5-5 (${MIGRATION})`);
    const before = await readFile(path.join(repo.dir, FILES[1]!), 'utf8');
    await mergePr(repo, cutover.branch, 3, 'merge');
    for (const file of FILES) {
      const agent = await agentOnMain(file);
      expect(agent.spec.model).toMatchObject({ provider: 'anthropic', name: 'claude-sonnet-5-5' });
      expect(agent.spec.rollout).toBeUndefined();
    }
    const after = await readFile(path.join(repo.dir, FILES[1]!), 'utf8');
    expect(after.split('\n').slice(0, 6)).toEqual(before.split('\n').slice(0, 6));
    const cutDiff = await repo.git(['diff', '--unified=0', 'HEAD~1', 'HEAD', '--', FILES[1]!]);
    expect(cutDiff.split('\n').filter((l) => /^[-+] /.test(l))).toEqual([
      '-    provider: openai',
      '-    name: gpt-4o',
      '-    params: { temperature: 0.7, max_tokens: 700 }',
      '+    provider: anthropic',
      '+    name: claude-sonnet-5-5',
      '+    params: { max_tokens: 700 }',
      '-  rollout:',
      '-    migration: gpt-4o-to-claude-sonnet-5-5',
      '-    weight: 50',
      '-    model:',
      '-      provider: anthropic',
      '-      name: claude-sonnet-5-5',
      '-      params:',
      '-        max_tokens: 700',
    ]);

    const done = await runCli(['promote', MIGRATION], repo.dir, env);
    expect(done.code).toBe(0);
    expect(done.stdout).toBe(`Nothing to promote: ${MIGRATION} is complete on main; 3 agents are on anthropic/claude-sonnet-5-5 and no canary is running (modelshift rollback ${MIGRATION} reverts it).\n`);
    expect(fake.pulls).toHaveLength(3);

    // The cut-over arrived through a merge commit of its promote branch; rollback still finds it.
    const back = await cli(['rollback', MIGRATION]);
    expect(back).toMatchObject({ operation: 'created', branch: `modelshift/${MIGRATION}-rollback`, agents: SALES, skipped: [] });
    await repo.git(['fetch', '--quiet', 'origin']);
    for (const file of FILES) {
      const reverted = parse(await repo.git(['show', `${back.headSha}:${file}`])) as { spec: { model: object } };
      const original = parse((await exampleFiles())[file]!) as { spec: { model: object } };
      expect(reverted.spec.model).toEqual(original.spec.model);
    }
  });

  it('starts from the base, not the working tree, and names the steps of the merged rule', async () => {
    const start = await cli(['pr', MIGRATION]);
    await mergePr(repo, start.branch, start.number, 'merge');
    const rule = 'migrations/2027-01-gpt-4o-to-claude-sonnet-5-5.yaml';
    const text = await readFile(path.join(repo.dir, rule), 'utf8');
    await repo.commit({ [rule]: text.replace('steps: [10, 50, 100]', 'steps: [10, 25, 100]') }, 'smaller second step');
    await repo.git(['push', '--quiet', 'origin', 'main']);
    // An uncommitted edit of an agent stays out of the PR.
    await writeFile(path.join(repo.dir, FILES[0]!), '# local only\n' + (await readFile(path.join(repo.dir, FILES[0]!), 'utf8')));

    const step = await cli(['promote', MIGRATION]);
    expect(step).toMatchObject({ branch: `modelshift/${MIGRATION}-promote-25`, step: { from: 10, to: 25 } });
    const shown = await repo.git(['show', `${step.headSha}:${FILES[0]}`]);
    expect(shown).not.toContain('# local only');
    expect(shown).toContain('weight: 25');
  });
});
