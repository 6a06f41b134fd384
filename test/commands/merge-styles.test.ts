import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { exampleFiles } from '../helpers/examples.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { mergePr, type MergeStyle } from '../sync/merge.js';

/**
 * GitHub's merge buttons × modelshift's PRs: whichever way a pr, promote,
 * cut-over or rollback PR lands on main, `history` names its migration and
 * `rollback` finds its agents.
 */

const PLAIN = 'gpt-4.1-to-gpt-5.1';
const CANARY = 'gpt-4o-to-claude-sonnet-5-5';
const SALES = ['sales-call-notes', 'sales-email-drafter', 'sales-lead-qualifier'];
/** A dozen CLI runs and git merges per test: slow on a loaded machine, not stuck. */
const SLOW = 180_000;
const STYLES: MergeStyle[] = ['merge', 'squash-title', 'rebase', 'squash-rewritten'];

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  repo = await createTestRepo(await exampleFiles());
  fake = await FakeGitHub.start({ collaborators: ['alice'], teams: ['support-eng', 'revenue-tools'] });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url, PATH: process.env.PATH };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const cli = async (args: string[]) => {
  const run = await runCli([...args, '--format', 'json'], repo.dir, env);
  expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: '' });
  return JSON.parse(run.stdout);
};

interface Event {
  kind: string;
  commit: string;
  migration: string | null;
  pr: number | null;
  agent: string;
}

/** Opens the PR `args` asks for and merges it with `style`; returns the events it added to history, oldest agent first. */
async function land(args: string[], style: MergeStyle): Promise<{ events: Event[]; out: { agents: string[] } }> {
  const out = await cli(args);
  const pull = fake.pulls.find((p) => p.number === out.number)!;
  const before = (await cli(['history'])).events.length;
  await mergePr(repo, out.branch, out.number, style, pull.title);
  pull.state = 'closed';
  const events: Event[] = (await cli(['history'])).events;
  return { events: events.slice(0, events.length - before).sort((a, b) => (a.agent < b.agent ? -1 : 1)), out };
}

const summary = (events: readonly Event[]) => [...new Set(events.map((e) => `${e.kind} ${e.migration ?? '-'}`))];

describe.each(STYLES)('merged with %s', (style) => {
  // The rewritten squash names nothing; its changes are recognised by the rule they follow.
  const pr = (n: number) => (style === 'merge' || style === 'squash-title' ? n : null);

  it('pr, then rollback: history names the migration and rollback finds every agent', async () => {
    const plan = await cli(['plan', PLAIN]);
    const migrated = plan.agents.map((a: { name: string }) => a.name).sort();
    const { events } = await land(['pr', PLAIN], style);
    expect(events.map((e) => e.agent)).toEqual(migrated);
    expect(summary(events)).toEqual([`model ${PLAIN}`]);
    expect(new Set(events.map((e) => e.pr))).toEqual(new Set([pr(1)]));

    const rollback = await land(['rollback', PLAIN], style);
    expect(rollback.out.agents).toEqual(migrated);
    expect(rollback.events.map((e) => e.agent)).toEqual(migrated);
    expect(summary(rollback.events)).toEqual([`model ${PLAIN}-rollback`]);
    // Rolled back: nothing of the migration is left to roll back.
    expect(await cli(['rollback', PLAIN])).toMatchObject({ operation: 'unchanged', agents: [] });
  }, SLOW);

  it('pr, promote, cut-over, then rollback: every step is an event of the migration', async () => {
    const start = await land(['pr', CANARY], style);
    expect(start.events.map((e) => e.agent)).toEqual(SALES);
    expect(summary(start.events)).toEqual([`rollout-start ${CANARY}`]);

    const fifty = await land(['promote', CANARY], style);
    expect(fifty.out.agents).toEqual(SALES);
    expect(summary(fifty.events)).toEqual([`promote ${CANARY}`]);
    expect(new Set(fifty.events.map((e) => e.pr))).toEqual(new Set([pr(2)]));

    const cut = await land(['promote', CANARY], style);
    expect(summary(cut.events)).toEqual([`cutover ${CANARY}`]);
    expect(cut.events.map((e) => e.agent)).toEqual(SALES);

    const rollback = await cli(['rollback', CANARY]);
    expect(rollback.agents).toEqual(SALES);
    expect(rollback.skipped).toEqual([]);
  }, SLOW);
});
