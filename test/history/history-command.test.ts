import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyCommand, type HistoryData } from '../../src/commands/history.js';
import type { HistoryAt, HistoryLog } from '../../src/history/types.js';
import { ExternalError, UsageError } from '../../src/errors.js';
import { agentYaml, capture, GIT_ENV, migrationYaml, TestRepo } from './repo.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

async function history(opts: Partial<Parameters<typeof historyCommand>[1]> = {}, cwd = repo.dir) {
  const { ctx, out, err } = capture(cwd);
  const result = await historyCommand(ctx, { format: 'json', ...opts });
  return { result, out: out(), err: err() };
}

async function events(opts: Partial<Parameters<typeof historyCommand>[1]> = {}) {
  const { result, out } = await history(opts);
  expect(JSON.parse(out)).toEqual(result.data);
  return (result.data as HistoryLog).events;
}

/** A repository with two agents on gpt-4.1, created by Alice. */
function start(): TestRepo {
  repo = TestRepo.create();
  repo.write('agents/triage.yaml', agentYaml({ name: 'triage' }));
  repo.write('agents/billing.yaml', agentYaml({ name: 'billing' }));
  repo.commit('add agents');
  return repo;
}

describe('history: what counts as a model change', () => {
  it('ignores comment edits, param reformatting and instruction edits', async () => {
    start();
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', comment: ' # reviewed' }));
    repo.commit('comment');
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', flowParams: true }));
    repo.commit('reformat params');
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing', instructions: 'Be brief.' }));
    repo.commit('instructions');
    expect(await events()).toEqual([]);
  });

  it('reports a provider change with the commit, author and date', async () => {
    start();
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', provider: 'anthropic', model: 'claude-sonnet-4.5' }));
    const change = repo.commit('move triage to anthropic', { author: 'Bob', date: '2026-03-05T05:06:07Z' });
    expect(await events()).toEqual([
      {
        kind: 'model',
        commit: change,
        date: '2026-03-05T05:06:07+00:00',
        author: 'Bob',
        migration: null,
        pr: null,
        agent: 'triage',
        file: 'agents/triage.yaml',
        from: { provider: 'openai', model: 'gpt-4.1' },
        to: { provider: 'anthropic', model: 'claude-sonnet-4.5' },
      },
    ]);
  });

  it('follows a renamed file: the move is no event, a later change names the new file', async () => {
    start();
    repo.move('agents/triage.yaml', 'agents/support/triage.yaml');
    repo.commit('move triage');
    expect(await events()).toEqual([]);
    repo.write('agents/support/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    repo.commit('upgrade triage');
    const [event] = await events();
    expect(event).toMatchObject({ agent: 'triage', file: 'agents/support/triage.yaml', to: { model: 'gpt-5.1' } });
  });

  it('keys agents by name: moving one into another file in the same commit is no change', async () => {
    start();
    repo.delete('agents/billing.yaml');
    repo.write('agents/all.yaml', `${agentYaml({ name: 'billing', comment: ' and more' })}---\n${agentYaml({ name: 'refunds' })}`);
    repo.commit('merge agents into one file');
    expect(await events()).toEqual([]);
    const timeline = await events({ agent: 'refunds' });
    expect(timeline.map((e) => [e.from, e.to?.model])).toEqual([[null, 'gpt-4.1']]);
  });

  it('shows creation and deletion in an agent timeline, not in the log', async () => {
    start();
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    const upgrade = repo.commit('upgrade');
    repo.delete('agents/triage.yaml');
    const removal = repo.commit('retire triage', { author: 'Carol' });
    expect((await events()).map((e) => e.commit)).toEqual([upgrade]);
    const timeline = await events({ agent: 'triage' });
    expect(timeline.map((e) => [e.from?.model ?? null, e.to?.model ?? null])).toEqual([
      ['gpt-5.1', null],
      ['gpt-4.1', 'gpt-5.1'],
      [null, 'gpt-4.1'],
    ]);
    expect(timeline[0]).toMatchObject({ commit: removal, author: 'Carol', file: 'agents/triage.yaml' });
  });

  it('skips a version that does not parse instead of reading it as a deletion', async () => {
    start();
    repo.write('agents/triage.yaml', 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: triage\n');
    repo.commit('broken');
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    const fix = repo.commit('fixed and upgraded');
    const timeline = await events({ agent: 'triage' });
    expect(timeline.map((e) => [e.commit === fix, e.from?.model ?? null, e.to?.model ?? null])).toEqual([
      [true, 'gpt-4.1', 'gpt-5.1'],
      [false, null, 'gpt-4.1'],
    ]);
  });

  it('finds agents by content anywhere under the workspace and ignores other YAML', async () => {
    start();
    repo.write('teams/ops/pager.yml', agentYaml({ name: 'pager' }));
    repo.write('.github/workflows/ci.yml', 'on: push\njobs: {}\n');
    repo.write('k8s/deploy.yaml', 'kind: Deployment\nmetadata: { name: triage }\nspec: { model: { provider: x, name: y } }\n');
    repo.commit('more files');
    repo.write('teams/ops/pager.yml', agentYaml({ name: 'pager', model: 'gpt-5.1' }));
    repo.write('k8s/deploy.yaml', 'kind: Deployment\nmetadata: { name: triage }\nspec: { model: { provider: x, name: z } }\n');
    repo.commit('upgrade pager');
    expect((await events()).map((e) => [e.agent, e.file])).toEqual([['pager', 'teams/ops/pager.yml']]);
  });

  it('reads only the workspace when it is a subfolder of the repository, with paths relative to it', async () => {
    repo = TestRepo.create();
    repo.write('agents/outside.yaml', agentYaml({ name: 'outside' }));
    repo.write('config/agents/inside.yaml', agentYaml({ name: 'inside' }));
    repo.commit('two workspaces');
    repo.write('agents/outside.yaml', agentYaml({ name: 'outside', model: 'gpt-5.1' }));
    repo.write('config/agents/inside.yaml', agentYaml({ name: 'inside', model: 'gpt-5.1' }));
    repo.commit('upgrade both');
    const { result } = await history({}, `${repo.dir}/config`);
    expect((result.data as HistoryLog).events.map((e) => [e.agent, e.file])).toEqual([['inside', 'agents/inside.yaml']]);
  });
});

describe('history: merges and attribution', () => {
  it('attributes a --no-ff merge to who merged, with migration and PR from the subject', async () => {
    start();
    repo.git(['checkout', '-q', '-b', 'modelshift/gpt-4.1-to-gpt-5.1']);
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing', model: 'gpt-5.1' }));
    repo.commit('Migrate 2 agents', { author: 'modelshift-bot' });
    repo.git(['checkout', '-q', 'main']);
    repo.write('agents/refunds.yaml', agentYaml({ name: 'refunds' }));
    repo.commit('add refunds');
    repo.write('agents/refunds.yaml', agentYaml({ name: 'refunds', model: 'gpt-4.1-mini' }));
    const onMain = repo.commit('refunds on mini', { author: 'Gus' });
    const merge = repo.merge('modelshift/gpt-4.1-to-gpt-5.1', 'Merge pull request #12 from acme/modelshift/gpt-4.1-to-gpt-5.1', { author: 'Dana' });
    const log = await events();
    expect(log.map((e) => [e.commit, e.author, e.migration, e.pr, e.agent])).toEqual([
      [merge, 'Dana', 'gpt-4.1-to-gpt-5.1', 12, 'billing'],
      [merge, 'Dana', 'gpt-4.1-to-gpt-5.1', 12, 'triage'],
      [onMain, 'Gus', null, null, 'refunds'],
    ]);
  });

  it('lists a merged branch once, and not at all when the branch reverted its model change', async () => {
    start();
    repo.git(['checkout', '-q', '-b', 'experiment']);
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    repo.commit('try gpt-5.1');
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', instructions: 'Be brief.' }));
    repo.commit('revert to gpt-4.1, keep the prompt');
    repo.git(['checkout', '-q', 'main']);
    repo.merge('experiment', "Merge branch 'experiment'");
    expect(await events()).toEqual([]);
  });

  it('reads the Modelshift-Migration trailer of a squash merge and the (#N) suffix', async () => {
    start();
    repo.git(['checkout', '-q', '-b', 'modelshift/to-claude']);
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing', provider: 'anthropic', model: 'claude-sonnet-4.5' }));
    repo.commit('Migrate billing\n\nModelshift-Migration: to-claude');
    repo.git(['checkout', '-q', 'main']);
    const squash = repo.squashMerge('modelshift/to-claude', 'Migrate billing to Claude (#7)\n\n* Migrate billing\n\nModelshift-Migration: to-claude\n\n* fix typo', {
      author: 'Erin',
    });
    expect(await events()).toMatchObject([{ commit: squash, author: 'Erin', migration: 'to-claude', pr: 7, agent: 'billing' }]);
  });

  it('lists each commit of a rebase merge with its own trailer', async () => {
    start();
    repo.git(['checkout', '-q', '-b', 'upgrades']);
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    repo.commit('upgrade triage\n\nModelshift-Migration: triage-up', { author: 'Finn' });
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing', model: 'gpt-5.1-mini' }));
    repo.commit('upgrade billing', { author: 'Finn' });
    repo.git(['checkout', '-q', 'main']);
    repo.write('README.md', 'diverge\n');
    repo.commit('docs');
    repo.rebaseMerge('upgrades', { date: '2026-06-01T00:00:00Z' });
    const log = await events();
    expect(log.map((e) => [e.agent, e.author, e.migration, e.date])).toEqual([
      ['billing', 'Finn', null, '2026-06-01T00:00:00+00:00'],
      ['triage', 'Finn', 'triage-up', '2026-06-01T00:00:00+00:00'],
    ]);
  });

  it('falls back to the Migration file the commit adds, matching its target model', async () => {
    start();
    repo.write('migrations/a.yaml', migrationYaml('to-gpt-5', { provider: 'openai', model: 'gpt-5.1' }));
    repo.write('migrations/b.yaml', migrationYaml('to-mini', { provider: 'openai', model: 'gpt-5.1-mini' }));
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing', model: 'gpt-5.1-mini' }));
    repo.commit('hand-made migrations');
    expect((await events()).map((e) => [e.agent, e.migration])).toEqual([
      ['billing', 'to-mini'],
      ['triage', 'to-gpt-5'],
    ]);
  });
});

/** An agent in the canary of `migration`: `weight` percent on `candidate`. */
function canaryYaml(name: string, migration: string, weight: number, candidate = 'gpt-5.1', model = 'gpt-4.1'): string {
  return `${agentYaml({ name, model })}  rollout:\n    migration: ${migration}\n    weight: ${weight}\n    model:\n      provider: openai\n      name: ${candidate}\n`;
}

describe('history: canaries', () => {
  const GPT41 = { provider: 'openai', model: 'gpt-4.1' };
  const GPT51 = { provider: 'openai', model: 'gpt-5.1' };

  function rollout() {
    start();
    repo.write('agents/triage.yaml', canaryYaml('triage', 'to-gpt-5', 10));
    repo.write('agents/billing.yaml', canaryYaml('billing', 'to-gpt-5', 10));
    const started = repo.commit('start canary', { date: '2026-02-01T00:00:00Z' });
    repo.write('agents/triage.yaml', canaryYaml('triage', 'to-gpt-5', 50));
    repo.write('agents/billing.yaml', canaryYaml('billing', 'to-gpt-5', 50));
    const promoted = repo.commit('promote', { date: '2026-02-02T00:00:00Z' });
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    const cut = repo.commit('cut over triage', { date: '2026-02-03T00:00:00Z' });
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing' }));
    const ended = repo.commit('billing stays', { author: 'Bob', date: '2026-02-04T00:00:00Z' });
    return { started, promoted, cut, ended };
  }

  it('gives every event a kind, with the weights and the candidate; the canary names the migration', async () => {
    const { started, promoted, cut, ended } = rollout();
    const log = await events();
    expect(log.map((e) => [e.commit, e.kind, e.agent, e.migration, e.from, e.to, e.rollout])).toEqual([
      [ended, 'rollout-end', 'billing', 'to-gpt-5', GPT41, GPT41, { candidate: GPT51, weight: { from: 50, to: null } }],
      [cut, 'cutover', 'triage', 'to-gpt-5', GPT41, GPT51, { candidate: GPT51, weight: { from: 50, to: 100 } }],
      [promoted, 'promote', 'billing', 'to-gpt-5', GPT41, GPT41, { candidate: GPT51, weight: { from: 10, to: 50 } }],
      [promoted, 'promote', 'triage', 'to-gpt-5', GPT41, GPT41, { candidate: GPT51, weight: { from: 10, to: 50 } }],
      [started, 'rollout-start', 'billing', 'to-gpt-5', GPT41, GPT41, { candidate: GPT51, weight: { from: null, to: 10 } }],
      [started, 'rollout-start', 'triage', 'to-gpt-5', GPT41, GPT41, { candidate: GPT51, weight: { from: null, to: 10 } }],
    ]);
    const text = (await history({ format: 'text' })).out;
    expect(text).toContain('2026-02-02  ' + promoted.slice(0, 7) + '  Alice  to-gpt-5  -  canary 10% → 50% on openai/gpt-5.1                               2 agents');
    expect(text).toContain('cut over openai/gpt-4.1 → openai/gpt-5.1 (canary was at 50%)');
    expect(text).toContain('canary ended at 50% on openai/gpt-5.1 (stays on openai/gpt-4.1)');
    expect(text).toContain('canary 10% on openai/gpt-5.1 (rest on openai/gpt-4.1)');
    expect((await history({ format: 'markdown' })).out).toContain('| canary 10% → 50% on openai/gpt-5.1 | 2 |');
  });

  it('shows both models and the weight for an agent in a canary at a moment, and in its timeline', async () => {
    const { promoted } = rollout();
    const { result, out } = await history({ at: '2026-02-02T12:00:00Z' });
    expect((result.data as HistoryAt).agents).toEqual([
      { agent: 'billing', file: 'agents/billing.yaml', ...GPT41, commit: promoted, rollout: { migration: 'to-gpt-5', weight: 50, model: GPT51 } },
      { agent: 'triage', file: 'agents/triage.yaml', ...GPT41, commit: promoted, rollout: { migration: 'to-gpt-5', weight: 50, model: GPT51 } },
    ]);
    expect(JSON.parse(out)).toEqual(result.data);
    const text = (await history({ at: '2026-02-02T12:00:00Z', format: 'text' })).out;
    expect(text).toContain('triage   openai/gpt-4.1, 50% on openai/gpt-5.1 (canary of to-gpt-5)  agents/triage.yaml');
    expect((await history({ at: '2026-02-03T12:00:00Z', format: 'markdown' })).out).toContain('| triage | openai/gpt-5.1 | agents/triage.yaml |');
    const timeline = await events({ agent: 'triage' });
    expect(timeline.map((e) => e.kind)).toEqual(['cutover', 'promote', 'rollout-start', 'model']);
    expect((await history({ agent: 'triage', format: 'text' })).out).toMatch(/ {2}canary 10% → 50% on openai\/gpt-5\.1 +agents\/triage\.yaml\n/);
  });
});

describe('history: dates', () => {
  function timeline(): string[] {
    start(); // 2026-01-01T11:00Z
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    const first = repo.commit('one', { date: '2026-02-01T12:00:00Z' });
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.2' }));
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing', model: 'gpt-5.1' }));
    const second = repo.commit('two', { date: '2026-03-01T12:00:00+02:00' });
    return [first, second];
  }

  it('--since keeps changes made at or after the date', async () => {
    const [, second] = timeline();
    expect((await events({ since: '2026-02-02' })).map((e) => e.commit)).toEqual([second, second]);
    expect(await events({ since: '2026-03-01T10:00:01Z' })).toEqual([]);
    expect(await events({ since: '2026-03-01T10:00:00Z' })).toHaveLength(2);
  });

  it('--at gives every agent’s model at an instant between commits, commits at that instant included', async () => {
    const [first] = timeline();
    const { result, out } = await history({ at: '2026-02-15' });
    const state = result.data as HistoryAt;
    expect(JSON.parse(out)).toEqual(state);
    expect(state).toEqual({
      at: '2026-02-15T00:00:00.000Z',
      commit: first,
      agents: [
        { agent: 'billing', file: 'agents/billing.yaml', provider: 'openai', model: 'gpt-4.1', commit: expect.any(String) },
        { agent: 'triage', file: 'agents/triage.yaml', provider: 'openai', model: 'gpt-5.1', commit: first },
      ],
    });
    const exact = (await history({ at: '2026-02-01T12:00:00Z', agent: 'triage' })).result.data as HistoryAt;
    expect(exact.agents).toMatchObject([{ model: 'gpt-5.1' }]);
    const before = (await history({ at: '2025-12-31' })).result.data as HistoryAt;
    expect(before).toEqual({ at: '2025-12-31T00:00:00.000Z', commit: null, agents: [] });
  });
});

describe('history: formats', () => {
  it('prints one text line per commit and change, newest first', async () => {
    start();
    repo.git(['checkout', '-q', '-b', 'modelshift/gpt-4.1-to-gpt-5.1']);
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing', model: 'gpt-5.1' }));
    repo.commit('migrate');
    repo.git(['checkout', '-q', 'main']);
    const merge = repo.merge('modelshift/gpt-4.1-to-gpt-5.1', 'Merge pull request #12 from acme/modelshift/gpt-4.1-to-gpt-5.1', {
      author: 'alice',
      date: '2026-11-20T09:00:00Z',
    });
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', provider: 'anthropic', model: 'claude-sonnet-4.5' }));
    const direct = repo.commit('try claude', { author: 'bob', date: '2026-11-21T09:00:00Z' });
    const { out } = await history({ format: 'text' });
    expect(out).toBe(
      [
        `2026-11-21  ${direct.slice(0, 7)}  bob    -                   -    openai/gpt-5.1 → anthropic/claude-sonnet-4.5  1 agent`,
        `2026-11-20  ${merge.slice(0, 7)}  alice  gpt-4.1-to-gpt-5.1  #12  openai/gpt-4.1 → openai/gpt-5.1               2 agents`,
        '',
      ].join('\n'),
    );
    const timeline = (await history({ format: 'text', agent: 'triage' })).out.split('\n');
    expect(timeline[0]).toBe('triage');
    expect(timeline[3]).toMatch(/created on openai\/gpt-4\.1\s+agents\/triage\.yaml$/);
  });

  it('escapes user-written names in markdown (git itself drops < and > from names)', async () => {
    repo = TestRepo.create();
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage' }));
    repo.commit('add');
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    repo.commit('upgrade', { author: '@everyone | <b>' });
    const { out } = await history({ format: 'markdown' });
    const row = out.split('\n')[2] ?? '';
    expect(row).toContain('| @&#8203;everyone \\| b |');
    expect(row).not.toContain('@everyone');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(9);
  });

  it('says so when nothing changed, in every format', async () => {
    start();
    expect((await history({ format: 'text' })).out).toBe('No model changes on the current branch.\n');
    expect((await history({ format: 'json' })).result).toEqual({ exitCode: 0, data: { events: [] } satisfies HistoryData });
  });
});

describe('history: errors', () => {
  it('refuses a bad date, an unknown agent and an unknown ref with a hint', async () => {
    start();
    await expect(history({ since: '20/11/2026' })).rejects.toThrow(UsageError);
    await expect(history({ at: '2026-02-30' })).rejects.toThrow(/--at "2026-02-30" is not a date/);
    await expect(history({ since: '2026-01-01', at: '2026-01-02' })).rejects.toThrow(UsageError);
    const unknown = await history({ agent: 'triag' }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(UsageError);
    expect((unknown as UsageError).hint).toBe('did you mean "triage"?');
    await expect(history({ ref: 'no-such-branch' })).rejects.toThrow(/unknown git ref "no-such-branch"/);
    await expect(history({ ref: '--output=/tmp/x' })).rejects.toThrow(UsageError);
  });

  it('reads on past a committed file nested 10,000 levels deep, in flow and block style', async () => {
    start();
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    const upgrade = repo.commit('upgrade triage');
    // The same agent with a hostile extra key: the file is kept, the deep value is not ours to read.
    const flow = `${agentYaml({ name: 'billing', model: 'gpt-5.1' })}extra: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    repo.write('agents/billing.yaml', flow);
    const hostile = repo.commit('billing on gpt-5.1, nested deep');
    const block = `${agentYaml({ name: 'refunds' })}extra:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} x\n`;
    repo.write('agents/refunds.yaml', block);
    repo.commit('refunds, nested deep');
    const log = await events();
    // Too deep for yaml too, which reports it: that version is unreadable and billing keeps its last good model until the next.
    expect(log.map((e) => [e.commit, e.agent, e.to?.model])).toEqual([[upgrade, 'triage', 'gpt-5.1']]);
    expect((await events({ agent: 'refunds' })).map((e) => [e.from, e.to?.model])).toEqual([[null, 'gpt-4.1']]);
    repo.write('agents/billing.yaml', agentYaml({ name: 'billing', model: 'gpt-5.1' }));
    const fixed = repo.commit('billing without the junk');
    expect((await events()).map((e) => [e.commit, e.agent])).toEqual([
      [fixed, 'billing'],
      [upgrade, 'triage'],
    ]);
    expect(hostile).not.toBe(fixed);
  });

  it('warns on stderr that a shallow clone has only part of the history', async () => {
    start();
    repo.write('agents/triage.yaml', agentYaml({ name: 'triage', model: 'gpt-5.1' }));
    repo.commit('upgrade');
    expect((await history()).err).toBe('');
    const clone = mkdtempSync(join(tmpdir(), 'modelshift-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: GIT_ENV });
      const { result, err } = await history({}, clone);
      expect(result.data).toEqual({ events: [] });
      expect(err).toMatch(/shallow clone.*fetch-depth: 0/);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('fails with an ExternalError outside a git repository and reports nothing for a repository without commits', async () => {
    repo = TestRepo.create();
    expect((await history()).result.data).toEqual({ events: [] });
    const noRepo = mkdtempSync(join(tmpdir(), 'modelshift-no-repo-'));
    const outside = await history({}, noRepo)
      .catch((error: unknown) => error)
      .finally(() => rmSync(noRepo, { recursive: true, force: true }));
    expect(outside).toBeInstanceOf(ExternalError);
    expect((outside as ExternalError).details.hint).toMatch(/git repository/);
  });
});
