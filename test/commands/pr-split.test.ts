import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { teamName, teamWorkspace } from '../helpers/team-workspace.js';

const MIGRATION = 'gpt-4.1-to-gpt-5.1';
const LIMIT = 65_536;
const TEAMS = Array.from({ length: 12 }, (_, i) => teamName(i));

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string>;

beforeEach(async () => {
  fake = await FakeGitHub.start({ teams: TEAMS });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const pr = async (extra: string[] = []) => {
  const run = await runCli(['pr', MIGRATION, '--format', 'json', ...extra], repo.dir, env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

/** Sent bodies: every PR creation and update GitHub received. */
const sentBodies = () => [...fake.requested('POST', '/repos/acme/agents/pulls'), ...fake.requested('PATCH', /\/pulls\/\d+$/)].flatMap((r) => ((r.body as { body?: string }).body ? [(r.body as { body: string }).body] : []));

describe('modelshift pr with spec.split', () => {
  it('replaces the one PR by group PRs when the rule starts splitting, and remembers a declined group', async () => {
    repo = await createTestRepo(teamWorkspace(6, 2));
    expect(await pr()).toMatchObject({ operation: 'created', number: 1, branch: `modelshift/${MIGRATION}` });
    const rule = teamWorkspace(6, 2, '  split: { by: label, label: team }\n')['migrations/gpt-4.1-to-gpt-5.1.yaml']!;
    await repo.commit({ 'migrations/gpt-4.1-to-gpt-5.1.yaml': rule }, 'split the migration per team');
    await repo.git(['push', '--quiet', 'origin', 'main']);

    const split = await pr();
    expect(split.map((r: { operation: string; number: number; group?: string }) => [r.operation, r.number, r.group])).toEqual([
      ['closed', 1, undefined],
      ['created', 2, 'team-a'],
      ['created', 3, 'team-b'],
    ]);
    expect(fake.commentsOn(1).at(-1)!.body).toMatch(/now split into one pull request per group/);
    expect(await repo.remoteSha(`modelshift/${MIGRATION}`)).toBeUndefined();

    fake.closePull(3, 'declined');
    const later = await pr();
    expect(later.map((r: { operation: string; group: string }) => [r.group, r.operation])).toEqual([
      ['team-a', 'unchanged'],
      ['team-b', 'declined'],
    ]);
    expect(fake.pulls).toHaveLength(3);
    expect(await repo.remoteSha(`modelshift/${MIGRATION}/team-b`)).toBeUndefined();
    const forced = await pr(['--force']);
    expect(forced.find((r: { group: string }) => r.group === 'team-b')).toMatchObject({ operation: 'created', number: 4 });
  }, 120_000);
});

describe('modelshift pr on 600 agents in 12 teams', () => {
  it('without split: one PR whose body fits GitHub, summary intact, and a hint to split', async () => {
    repo = await createTestRepo(teamWorkspace(600, 12));
    const out = await pr();
    expect(out).toMatchObject({ operation: 'created', number: 1, branch: `modelshift/${MIGRATION}` });
    const body = fake.pulls[0]!.body;
    expect(body.length).toBeLessThanOrEqual(LIMIT);
    expect(body).toContain('**600 agents migrate openai/gpt-4.1 → openai/gpt-5.1 · 0 skipped · 2 warnings**');
    expect(body).toContain('add spec.split to open one per group');
    expect(body).toContain('✂️ Details were left out');
    console.log(`[figure] largest PR body, 600 agents without split: ${body.length} characters`);
  }, 120_000);

  it('with split by team: one PR per team, each within the limit; a re-run changes nothing; an emptied group closes only its PR', async () => {
    repo = await createTestRepo(teamWorkspace(600, 12, '  split: { by: label, label: team }\n'));
    const created = await pr();
    expect(created).toHaveLength(12);
    expect(created.map((r: { group: string }) => r.group)).toEqual([...TEAMS].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(created.every((r: { operation: string }) => r.operation === 'created')).toBe(true);
    expect(fake.pulls).toHaveLength(12);
    for (const pull of fake.pulls) {
      const team = pull.head.slice(`modelshift/${MIGRATION}/`.length);
      expect(pull.title).toBe(`Migrate agents (team=${team}) openai/gpt-4.1 → openai/gpt-5.1 (${MIGRATION})`);
      expect(pull.body.length).toBeLessThanOrEqual(LIMIT);
      expect(pull.body).toContain('**50 agents migrate openai/gpt-4.1 → openai/gpt-5.1 · 0 skipped · 1 warning**');
      expect(pull.body).toContain(`"group":"${team}"`);
      expect(pull.body).not.toContain('add spec.split');
      expect(pull.teams).toEqual([team]);
      expect(pull.labels).toContain(`team:${team}`);
      const changed = (await repo.git(['diff', '--name-only', 'main', `${(await repo.remoteSha(pull.head))!}`])).trim().split('\n');
      // The rule is already on main, so the group's 50 agent files are all it changes.
      expect(changed).toHaveLength(50);
      expect(changed.every((f) => f.startsWith(`agents/${team}/`))).toBe(true);
    }
    // Each commit names the migration in its trailer, whatever the group: history and rollback see one migration.
    const message = await repo.git(['log', '-1', '--format=%B', (await repo.remoteSha(`modelshift/${MIGRATION}/team-a`))!]);
    expect(message).toContain(`Modelshift-Migration: ${MIGRATION}`);
    const largest = Math.max(...fake.pulls.map((p) => p.body.length));
    console.log(`[figure] largest PR body, 600 agents split by team (12 PRs): ${largest} characters`);

    const writes = fake.requests.filter((r) => r.method !== 'GET').length;
    const again = await pr();
    expect(again.map((r: { operation: string }) => r.operation)).toEqual(Array(12).fill('unchanged'));
    expect(fake.requests.filter((r) => r.method !== 'GET').length).toBe(writes);

    // team-a's agents reach gpt-5.1 on main by other means: only team-a's PR has nothing left.
    const teamA = fake.pulls.find((p) => p.head.endsWith('/team-a'))!;
    await repo.git(['fetch', '--quiet', 'origin', teamA.head]);
    await repo.git(['merge', '--quiet', '--no-edit', 'FETCH_HEAD']);
    await repo.git(['push', '--quiet', 'origin', 'main']);
    const after = await pr();
    const closed = after.filter((r: { operation: string }) => r.operation === 'closed');
    expect(closed).toEqual([expect.objectContaining({ group: 'team-a', number: teamA.number })]);
    // The others stay open; main moved, so their branches are rebuilt on it.
    expect(after.filter((r: { operation: string }) => r.operation === 'updated' || r.operation === 'unchanged')).toHaveLength(11);
    expect(fake.pulls.filter((p) => p.state === 'closed').map((p) => p.number)).toEqual([teamA.number]);
    expect(fake.commentsOn(teamA.number).at(-1)!.body).toMatch(/group `team-a` of migration `gpt-4.1-to-gpt-5.1` has nothing left to change/);
    expect(await repo.remoteSha(teamA.head)).toBeUndefined();

    for (const body of sentBodies()) expect(body.length).toBeLessThanOrEqual(LIMIT);
  }, 300_000);
});
