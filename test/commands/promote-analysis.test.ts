import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { fileURLToPath } from 'node:url';
import { exampleFiles } from '../helpers/examples.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const MIGRATION = 'gpt-4o-to-claude-sonnet-5-5';
const CANARY_DIR = fileURLToPath(new URL('../../examples-canary', import.meta.url));
/** The window of the shipped telemetry file ends here. */
const NOW = new Date('2026-12-01T12:00:00Z');

let repo: TestRepo | undefined;
let fake: FakeGitHub;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  fake = await FakeGitHub.start({ collaborators: ['alice'], teams: [] });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url, PATH: process.env.PATH };
});
afterEach(async () => {
  await fake.close();
  await repo?.cleanup();
});

/** The example canary workspace (both sales agents at 10 %, telemetry from a Collector file) as a repository. */
async function canaryRepo(drop: string[] = []): Promise<TestRepo> {
  const files = await exampleFiles(CANARY_DIR);
  for (const file of drop) delete files[file];
  return createTestRepo(files);
}

describe('promote gated by the canary analysis', () => {
  it('refuses when the analysis fails, with the reason, and opens nothing (exit 1)', async () => {
    repo = await canaryRepo();
    const run = await runCli(['promote', MIGRATION, '--format', 'json'], repo.dir, env, NOW);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.refused).toMatch(/^the canary analysis of gpt-4o-to-claude-sonnet-5-5 failed: sales-lead-qualifier: error-rate fail/);
    expect(out.analysis).toMatchObject({ state: 'analysed', report: { verdict: 'fail' } });
    expect(fake.pulls).toEqual([]);
  });

  it('refuses an inconclusive analysis too, saying what is missing', async () => {
    repo = await canaryRepo();
    const run = await runCli(['promote', MIGRATION], repo.dir, env, new Date('2026-11-30T00:00:00Z'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Not promoting gpt-4o-to-claude-sonnet-5-5: the canary analysis of gpt-4o-to-claude-sonnet-5-5 is inconclusive: sales-email-drafter: control has \d+ calls?, candidate has \d+ calls? in the last 24h; 200 per arm are needed/);
    expect(fake.pulls).toEqual([]);
  });

  it('promotes when the analysis passes and puts its table in the PR body', async () => {
    repo = await canaryRepo(['agents/lead-qualifier.yaml']);
    const run = await runCli(['promote', MIGRATION, '--format', 'json'], repo.dir, env, NOW);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ operation: 'created', step: { from: 10, to: 50 }, analysis: { state: 'analysed', report: { verdict: 'pass' } } });
    const body = fake.pulls[0]!.body;
    expect(body).toContain('#### ✅ Canary analysis: pass');
    expect(body).toMatch(/\| error-rate \| 1\.33% \| 0\.00% \| −100% \| no \(p = 0\.061\) \| pass \|/);
  });

  it('promotes a failing canary with --skip-analysis, and the PR says it was skipped', async () => {
    repo = await canaryRepo();
    const run = await runCli(['promote', MIGRATION, '--skip-analysis', '--format', 'json'], repo.dir, env, NOW);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ operation: 'created', analysis: { state: 'skipped' } });
    expect(fake.pulls[0]!.body).toContain('Promoted with `--skip-analysis`: no telemetry was compared before this step.');
  });
});
