import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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

const APP = {
  'app/triage.py': 'from openai import OpenAI\nclient = OpenAI()\nreply = client.chat.completions.create(model="gpt-4.1", messages=[])\n',
  'services/worker/.env': 'OPENAI_MODEL=gpt-4.1\n',
  'docs/history.md': '# History\n\nIn 2025 we chose gpt-4.1 for triage.\n',
};

describe('watch --references', () => {
  it('gives the generated rule spec.references for what scan found, and its PR rewrites code and config but not prose', async () => {
    await repo.commit(APP, 'the app');
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const run = await runCli(['watch', '--references', '--format', 'json'], repo.dir, env, NOW);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { migrations: { name: string; references?: number; pullRequest: { operation: string } }[] };
    expect(out.migrations).toMatchObject([{ name: 'gpt-4.1-to-gpt-5.1', references: 2, pullRequest: { operation: 'created' } }]);

    await repo.git(['fetch', '--quiet', 'origin', BRANCH]);
    const rule = await repo.git(['show', `FETCH_HEAD:${RULE}`]);
    expect((parse(rule) as { spec: { references: unknown } }).spec.references).toEqual({ include: ['app/**', 'services/**'], kinds: ['call-site', 'config', 'env'] });
    expect(await repo.git(['show', 'FETCH_HEAD:app/triage.py'])).toContain('model="gpt-5.1"');
    expect(await repo.git(['show', 'FETCH_HEAD:services/worker/.env'])).toBe('OPENAI_MODEL=gpt-5.1\n');
    expect(await repo.git(['show', 'FETCH_HEAD:docs/history.md'])).toBe(APP['docs/history.md']);
    expect(await repo.git(['show', 'FETCH_HEAD:agents/support-triage.yaml'])).toContain('name: gpt-5.1');

    const text = await runCli(['watch', '--references', '--dry-run'], repo.dir, env, NOW);
    expect(text.stdout).toContain('  2 agents (and 2 references in code and config, spec.references) → gpt-5.1: migration gpt-4.1-to-gpt-5.1');
  });

  it('leaves spec.references out without --references, and when scan found only prose or other ids', async () => {
    await repo.commit({ 'docs/history.md': APP['docs/history.md'], 'app/pinned.py': 'MODEL = "gpt-4.1-2025-04-14"\n' }, 'prose and a snapshot');
    for (const flags of [[], ['--references']]) {
      const run = await runCli(['watch', '--dry-run', ...flags], repo.dir, env, NOW);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('would open a pull request adding');
      expect(run.stdout).not.toContain('references:');
    }
  });
});
