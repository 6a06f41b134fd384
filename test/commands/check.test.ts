import { realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCommand, type CheckOptions } from '../../src/commands/check.js';
import type { EvalRequest } from '../../src/commands/check-evals.js';
import { ExternalError } from '../../src/errors.js';
import type { EvalReport, Stats } from '../../src/eval/types.js';
import { pinnedExamples, pullRequestRepo, type PullRequestFixture } from '../action/harness.js';
import { createTestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

let fixture: PullRequestFixture | undefined;
afterEach(async () => {
  await fixture?.repo.cleanup();
  fixture = undefined;
});

function stats(passRate: number): Stats {
  return {
    passRate,
    cases: 10,
    passed: passRate * 10,
    failed: 10 - passRate * 10,
    errors: 0,
    errorRate: 0,
    notRun: 0,
    costUsd: 0.01,
    unpriced: [],
    latencyP50Ms: 500,
    latencyP95Ms: 900,
    inputTokens: 1000,
    outputTokens: 200,
    judge: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
  };
}

function evalReport(passed: boolean): EvalReport {
  return {
    agents: [],
    skipped: [],
    summary: { base: stats(1), head: stats(0.8) },
    gate: { passed, reasons: passed ? [] : ['sales-call-notes: pass rate 80.0% is below the minimum 85.0%'] },
    calls: 20,
    cached: 0,
    interrupted: false,
    costUsd: { models: 0.02, judge: 0, total: 0.02 },
  };
}

async function run(env: Record<string, string>, evaluate: CheckOptions['evaluate'], secrets: string[] = []) {
  let stdout = '';
  const result = await checkCommand(
    { cwd: fixture!.repo.dir, env, stdout: (t) => void (stdout += t), stderr: () => undefined, isTTY: false, now: new Date('2026-11-22T12:00:00Z') },
    { base: fixture!.base, head: fixture!.head, evalMode: 'auto', comment: false, format: 'json', evaluate, onSecret: (s) => secrets.push(s) },
  );
  return { ...result, json: JSON.parse(stdout) as Record<string, unknown> };
}

/** A branch that starts the sales canary with `apply`, and changes whatever `extra` says. */
async function canaryPr(extra: (files: Record<string, string>) => Record<string, string> = () => ({})): Promise<PullRequestFixture> {
  const files = await pinnedExamples();
  const repo = await createTestRepo(files);
  const base = (await repo.git(['rev-parse', 'HEAD'])).trim();
  await repo.git(['checkout', '--quiet', '-b', 'feature']);
  for (const [file, text] of Object.entries(extra(files))) await writeFile(path.join(repo.dir, file), text);
  const applied = await runCli(['apply', 'gpt-4o-to-claude-sonnet-5-5'], repo.dir);
  expect(applied.code).toBe(0);
  return { repo, base, head: await repo.commit({}, 'start the sales canary') };
}

describe('check on a folder without modelshift files', () => {
  it('warns that nothing was checked, and fails with strict', async () => {
    fixture = await pullRequestRepo({ 'README.md': '# app\n' }, { 'src/app.yaml': 'name: app\n' });
    const call = (strict: boolean) => checkCommand(
      { cwd: fixture!.repo.dir, env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false, now: new Date('2026-11-22T12:00:00Z') },
      { base: fixture!.base, head: fixture!.head, evalMode: 'never', comment: false, format: 'json', strict },
    );
    const lenient = await call(false);
    expect(lenient.exitCode).toBe(0);
    expect(lenient.data.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning no-files']);
    expect(lenient.data.fullReport).toContain('no modelshift files here, so nothing was checked');
    const strict = await call(true);
    expect(strict.exitCode).toBe(1);
    expect(strict.data.valid).toBe(false);
  });
});

describe('checkCommand', () => {
  it('evaluates the canary candidate against the running model, with the base branch\'s connections and the rule\'s gate', async () => {
    // The PR also points the openai provider at another server: the evals must not follow it.
    fixture = await canaryPr((files) => ({ 'providers/openai.yaml': files['providers/openai.yaml']!.replace('  type: openai\n', '  type: openai\n  baseURL: https://evil.example/v1\n') }));
    const requests: EvalRequest[] = [];
    const secrets: string[] = [];
    const result = await run({ OPENAI_API_KEY: 'sk-o', ANTHROPIC_API_KEY: 'sk-a' }, async (_ctx, request) => {
      requests.push(request);
      return evalReport(false);
    }, secrets);

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.group.migration).toBe('gpt-4o-to-claude-sonnet-5-5');
    expect(request!.group.suites).toEqual(['sales-replies']);
    expect(request!.group.gate).toEqual({ minPassRate: 0.8, maxPassRateDrop: 0.1 });
    expect(request!.group.pairs.map((p) => [p.agent, p.base.agent.spec.model.name, p.head.agent.spec.model.name])).toEqual([
      ['sales-call-notes', 'gpt-4o', 'claude-sonnet-5-5'],
      ['sales-email-drafter', 'gpt-4o', 'claude-sonnet-5-5'],
      ['sales-lead-qualifier', 'gpt-4o', 'claude-sonnet-5-5'],
    ]);
    expect(request!.suites).toEqual(['sales-replies']);
    expect(request!.workspace.providers.get('openai')!.value.spec.baseURL).toBeUndefined();
    expect(request!.group.pairs[0]!.base.provider.spec.baseURL).toBeUndefined();
    // Rooted at the checkout, where a committed answer cache lives, not in a temporary worktree.
    expect(request!.workspace.root).toBe(await realpath(fixture.repo.dir));
    expect(secrets.sort()).toEqual(['sk-a', 'sk-o']);

    expect(result.exitCode).toBe(1);
    expect(result.data.gate).toBe('failed');
    const body = result.data.comment.body;
    expect(body).toContain('**3 agents start a canary openai/gpt-4o → anthropic/claude-sonnet-5-5 · provider openai changed (10 agents) · pass rate 100% → 80% · cost ±0% · p95 latency ±0%**');
    // The provider change is a consequence the reviewer sees, with the agents it reaches.
    expect(body).toMatch(/- provider \*\*openai\*\* \(providers\/openai\.yaml\) changed · affects 10 agents: /);
    expect(body).toContain('`spec.baseURL` added: "https://evil.example/v1"');
    expect(body).toContain('- sales-call-notes: pass rate 80.0% is below the minimum 85.0%');
    expect(result.json).toMatchObject({ valid: true, gate: 'failed', agentsChanged: 3, evals: [{ migration: 'gpt-4o-to-claude-sonnet-5-5', status: 'ran' }] });
  });

  it('reports evals that could not run as a failed gate, and lets a bug through', async () => {
    fixture = await canaryPr();
    const env = { OPENAI_API_KEY: 'sk-o', ANTHROPIC_API_KEY: 'sk-a' };
    const down = await run(env, () => Promise.reject(new ExternalError('anthropic: 503 Service Unavailable')));
    expect(down.exitCode).toBe(1);
    expect(down.data.gate).toBe('failed');
    expect(down.data.comment.body).toContain('⚠️ evals could not run: anthropic: 503 Service Unavailable');

    await expect(run(env, () => Promise.reject(new TypeError('x is undefined')))).rejects.toThrow(TypeError);
  });

  it('skips agents whose change evals do not measure, and providers the base branch lacks', async () => {
    const files = await pinnedExamples();
    const local = files['providers/local-vllm.yaml']!;
    fixture = await pullRequestRepo(files, {
      'agents/support/triage.yaml': files['agents/support/triage.yaml']!.replace('description: Routes incoming tickets to the right queue', 'description: Routes tickets'),
      'providers/local-two.yaml': local.replace('name: local-vllm', 'name: local-two'),
      'agents/support/refunds.yaml': files['agents/support/refunds.yaml']!.replace('provider: openai', 'provider: local-two').replace('"gpt-4.1"', 'meta-llama/Llama-3.3-70B-Instruct'),
    });
    const result = await run({ OPENAI_API_KEY: 'sk-o' }, () => Promise.reject(new Error('must not run')));

    expect(result.exitCode).toBe(0);
    expect(result.data.gate).toBe('skipped');
    const [outcome] = result.data.report.evals;
    expect(outcome).toMatchObject({ status: 'skipped' });
    expect(outcome!.group.skipped).toEqual([
      { name: 'support-refunds', reason: "provider local-two is not defined on the base branch; evals only use the base branch's provider connections, so they run once it is merged" },
      { name: 'support-triage', reason: 'nothing evals measure changed (model, parameters, instructions, tools, response format)' },
    ]);
  });
});
