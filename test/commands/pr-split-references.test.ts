import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { teamWorkspace } from '../helpers/team-workspace.js';

const MIGRATION = 'gpt-4.1-to-gpt-5.1';
const BRANCH = `modelshift/${MIGRATION}`;
const APP = 'from openai import OpenAI\n\n\ndef ask(q):\n    return OpenAI().chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": q}])\n';
const CODE = {
  'app/chat.py': APP,
  '.env': 'OPENAI_MODEL=gpt-4.1 # the default\n',
  'deploy/Dockerfile': 'FROM python:3.12-slim\nENV OPENAI_MODEL gpt-4.1\nCOPY . /app\n',
};

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string>;

beforeEach(async () => {
  fake = await FakeGitHub.start({ teams: ['team-a', 'team-b'] });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const pr = async () => {
  const run = await runCli(['pr', MIGRATION, '--format', 'json'], repo.dir, env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { operation: string; number: number; group: string; branch: string }[];
};

/** The files a PR's branch changes against main. */
const changed = async (branch: string) => (await repo.git(['diff', '--name-only', 'main', (await repo.remoteSha(branch))!])).trim().split('\n').sort();

describe('modelshift pr with spec.split and spec.references', () => {
  it('opens one more PR for the references outside modelshift files; the team PRs carry only their agents', async () => {
    repo = await createTestRepo({ ...teamWorkspace(4, 2, '  split: { by: label, label: team }\n  references: {}\n'), ...CODE });
    const created = await pr();
    expect(created.map((r) => [r.operation, r.group, r.branch])).toEqual([
      ['created', 'team-a', `${BRANCH}/team-a`],
      ['created', 'team-b', `${BRANCH}/team-b`],
      ['created', 'references', `${BRANCH}/references`],
    ]);

    for (const team of ['team-a', 'team-b']) {
      expect((await changed(`${BRANCH}/${team}`)).every((f) => f.startsWith(`agents/${team}/`))).toBe(true);
      expect(fake.pulls.find((p) => p.head === `${BRANCH}/${team}`)!.body).not.toContain('References outside modelshift files');
    }
    expect(await changed(`${BRANCH}/references`)).toEqual(['.env', 'app/chat.py', 'deploy/Dockerfile']);
    const sha = (await repo.remoteSha(`${BRANCH}/references`))!;
    expect(await repo.git(['show', `${sha}:app/chat.py`])).toBe(APP.replace('model="gpt-4.1"', 'model="gpt-5.1"'));
    expect(await repo.git(['show', `${sha}:.env`])).toBe('OPENAI_MODEL=gpt-5.1 # the default\n');
    expect(await repo.git(['show', `${sha}:deploy/Dockerfile`])).toBe('FROM python:3.12-slim\nENV OPENAI_MODEL gpt-5.1\nCOPY . /app\n');
    expect(await repo.git(['log', '-1', '--format=%B', sha])).toMatch(/^chore\(models\): rewrite 3 references gpt-4\.1 → gpt-5\.1 outside modelshift files\n[\s\S]*Modelshift-Migration: gpt-4\.1-to-gpt-5\.1/);

    const refsPr = fake.pulls.find((p) => p.head === `${BRANCH}/references`)!;
    expect(refsPr.title).toBe(`Migrate references outside modelshift files openai/gpt-4.1 → openai/gpt-5.1 (${MIGRATION})`);
    expect(refsPr.body).toContain(`in their own pull requests, one per group (\`spec.split\`): \`${BRANCH}/team-a\`, \`${BRANCH}/team-b\``);
    expect(refsPr.body).toContain('3 references rewritten outside modelshift files');
    expect(refsPr.body).toContain('"group":"references"');
    expect(refsPr.labels.some((l) => l.startsWith('team:'))).toBe(false);
    expect(refsPr.teams).toEqual([]);

    expect((await pr()).map((r) => r.operation)).toEqual(['unchanged', 'unchanged', 'unchanged']);

    // The references PR merges first: it has nothing left and closes; the team PRs stay.
    await repo.git(['fetch', '--quiet', 'origin', refsPr.head]);
    await repo.git(['merge', '--quiet', '--no-edit', 'FETCH_HEAD']);
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const after = await pr();
    expect(after.find((r) => r.operation === 'closed')).toMatchObject({ group: 'references', number: refsPr.number });
    expect(after.filter((r) => r.group !== 'references').map((r) => r.operation)).not.toContain('closed');
    expect(fake.commentsOn(refsPr.number).at(-1)!.body).toMatch(/group `references` of migration `gpt-4.1-to-gpt-5.1` has nothing left to change/);
  }, 120_000);

  it('when every agent is migrated, the references PR is what is left, and says so', async () => {
    const files: Record<string, string> = { ...teamWorkspace(2, 2, '  split: { by: owner }\n  references: { kinds: [call-site] }\n'), ...CODE };
    for (const f of Object.keys(files)) if (f.startsWith('agents/')) files[f] = files[f]!.replace('name: gpt-4.1', 'name: gpt-5.1');
    repo = await createTestRepo(files);
    expect((await pr()).map((r) => [r.operation, r.group])).toEqual([['created', 'references']]);
    expect(await changed(`${BRANCH}/references`)).toEqual(['app/chat.py']);
    expect(fake.pulls[0]!.body).toContain('Every agent of this migration is on the destination already');
  }, 120_000);
});
