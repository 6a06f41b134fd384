import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { PROVIDERS } from '../helpers/workspace.js';
import { runCli } from '../helpers/run-cli.js';
import { mergePr } from '../sync/merge.js';
import { tracesLine, type SpanSpec } from '../telemetry/otlp-builders.js';
import { runAction } from './harness.js';

let fake: FakeGitHub;
let repo: TestRepo;

const agent = (name: string) => `apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: ${name} }
spec:
  model: { provider: openai, name: gpt-4o, params: { max_tokens: 500 } }
  instructions: Reply to the customer.
`;
const migration = (name: string) => `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: ${name} }
spec:
  from: { provider: openai, model: gpt-4o }
  to: { provider: anthropic, model: claude-sonnet-5-5 }
  select: { names: ["${name}-*"] }
  rollout:
    steps: [10, 50, 100]
    analysis: { window: 1h, minCalls: 200, metrics: [{ name: error-rate }] }
`;

/** Spans of the last half hour, relative to now: the Action ends its window at the moment it runs. */
function spans(agentName: string, migrationName: string, calls: number, errorRate: Record<'control' | 'candidate', number>): string[] {
  const now = Date.now();
  const lines: string[] = [];
  for (const arm of ['control', 'candidate'] as const) {
    const batch: SpanSpec[] = [];
    for (let i = 0; i < calls; i++) {
      batch.push({ endMs: now - 60_000 - i * 1000, durationMs: 700, attributes: { 'gen_ai.agent.name': agentName, 'modelshift.migration': migrationName, 'modelshift.arm': arm }, error: i < calls * errorRate[arm] });
    }
    lines.push(tracesLine(batch));
  }
  return lines;
}

beforeEach(async () => {
  fake = await FakeGitHub.start({ login: 'github-actions[bot]', collaborators: ['alice'], teams: [] });
  repo = await createTestRepo({
    'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: rollout }\nspec:\n  telemetry: { type: otlp-file, path: telemetry/genai.jsonl }\n  catalog:\n    models:\n      gpt-4o: { retires: 2099-12-31 }\n',
    ...PROVIDERS,
    'agents/good.yaml': agent('good-reply'),
    'agents/bad.yaml': agent('bad-reply'),
    'agents/new.yaml': agent('new-reply'),
    'migrations/good.yaml': migration('good'),
    'migrations/bad.yaml': migration('bad'),
    'migrations/new.yaml': migration('new'),
  });
  // Start every canary the way a team does: modelshift pr, then merge.
  const env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url, PATH: process.env.PATH };
  for (const name of ['good', 'bad', 'new']) {
    const run = await runCli(['pr', name, '--format', 'json'], repo.dir, env);
    expect(run.code).toBe(0);
    const pr = JSON.parse(run.stdout);
    await mergePr(repo, pr.branch, pr.number, 'merge');
  }
  await repo.commit(
    { 'telemetry/genai.jsonl': `${[...spans('good-reply', 'good', 400, { control: 0.01, candidate: 0.01 }), ...spans('bad-reply', 'bad', 400, { control: 0.01, candidate: 0.1 }), ...spans('new-reply', 'new', 20, { control: 0, candidate: 0 })].join('\n')}\n` },
    'telemetry export',
  );
  await repo.git(['push', '--quiet', 'origin', 'main']);
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const rollout = (inputs: Record<string, string> = {}) =>
  runAction({ inputs: { mode: 'rollout', 'github-token': fake.token, ...inputs }, workspace: repo.dir, eventName: 'schedule', env: { GITHUB_API_URL: fake.url } });

describe('mode: rollout', () => {
  it('promotes the passing canary (auto-merge on), rolls back the failing one, waits on the one without evidence', async () => {
    const run = await rollout({ 'auto-merge': 'true' });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const decisions = JSON.parse(run.outputs['pull-requests']!);
    expect(decisions.map((d: { migration: string; verdict: string; action: string; operation: string | null }) => [d.migration, d.verdict, d.action, d.operation])).toEqual([
      ['bad', 'fail', 'rollback', 'created'],
      ['good', 'pass', 'promote', 'created'],
      ['new', 'inconclusive', 'wait', null],
    ]);
    const promote = fake.pulls.find((p) => p.head === 'modelshift/good-promote-50')!;
    expect(promote.body).toContain('#### ✅ Canary analysis: pass');
    expect(promote.autoMerge).toBe('MERGE');
    const rollback = fake.pulls.find((p) => p.head === 'modelshift/bad-rollback')!;
    expect(rollback).toBeDefined();
    expect(rollback.autoMerge).toBeUndefined();
    // Neither a promote nor a rollback branch for the canary without evidence.
    expect(fake.pulls.filter((p) => p.head.startsWith('modelshift/new-')).map((p) => p.head)).toEqual([]);
    expect(run.summary).toContain('| bad | fail | rollback PR |');
    expect(run.summary).toMatch(/Nothing promoted or rolled back: new-reply: control has 20 calls, candidate has 20 calls in the last 1h; 200 per arm are needed/);
    expect(run.stdout).toMatch(/::warning::canary bad failed its analysis; rollback PR https:\/\/github\.com\/acme\/agents\/pull\/\d+: bad-reply: error-rate fail/);
  });

  it('handles only the named migration, and leaves auto-merge off unless asked', async () => {
    const run = await rollout({ migration: 'good' });
    expect(run.code).toBe(0);
    expect(fake.pulls.find((p) => p.head === 'modelshift/good-promote-50')!.autoMerge).toBeUndefined();
    expect(JSON.parse(run.outputs['pull-requests']!).map((d: { migration: string }) => d.migration)).toEqual(['good']);
    expect(fake.pulls.find((p) => p.head === 'modelshift/bad-rollback')).toBeUndefined();
  });
});
