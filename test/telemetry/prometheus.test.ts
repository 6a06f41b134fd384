import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/analysis/types.js';
import { analyzeCommand } from '../../src/commands/analyze.js';
import { UsageError } from '../../src/errors.js';
import { seeded } from '../analysis/helpers.js';
import { canaryAgentYaml, migrationYaml, writeCanaryWorkspace } from './canary-workspace.js';
import { DURATION_BOUNDS, startExporter, startPrometheus, TOKEN_BOUNDS, waitForScrapes, type RunningPrometheus, type Series } from './prometheus-harness.js';

const hasPrometheus = (() => {
  try {
    execFileSync('prometheus', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPrometheus && process.env.CI) throw new Error('prometheus is not installed; scripts/ci-deps/prometheus.sh installs it');

/**
 * The series an application instrumented with OTel GenAI metrics and
 * `telemetryAttributes` exports for one agent's canary, through the
 * Prometheus exporter: durations (failed calls carry error_type), token
 * usage per type, and a counter of the team's own.
 */
function canarySeries(agent: string, migration: string, arms: Record<'control' | 'candidate', { calls: number; errorRate: number; escalations?: number }>, seed: number): Series[] {
  const random = seeded(seed);
  const out: Series[] = [];
  for (const [arm, spec] of Object.entries(arms)) {
    const labels = { gen_ai_agent_name: agent, modelshift_migration: migration, modelshift_arm: arm, gen_ai_request_model: arm === 'control' ? 'gpt-4o' : 'claude-sonnet-5-5', gen_ai_operation_name: 'chat' };
    const ok: number[] = [];
    const failed: number[] = [];
    const output: number[] = [];
    const input: number[] = [];
    for (let i = 0; i < spec.calls; i++) {
      const seconds = 0.4 + random() * 1.2;
      if (random() < spec.errorRate) failed.push(seconds);
      else {
        ok.push(seconds);
        output.push(100 + Math.floor(random() * 200));
        input.push(800 + Math.floor(random() * 400));
      }
    }
    out.push({ type: 'histogram', name: 'gen_ai_client_operation_duration_seconds', labels, bounds: DURATION_BOUNDS, observations: ok });
    out.push({ type: 'histogram', name: 'gen_ai_client_operation_duration_seconds', labels: { ...labels, error_type: '500' }, bounds: DURATION_BOUNDS, observations: failed });
    out.push({ type: 'histogram', name: 'gen_ai_client_token_usage', labels: { ...labels, gen_ai_token_type: 'input' }, bounds: TOKEN_BOUNDS, observations: input });
    out.push({ type: 'histogram', name: 'gen_ai_client_token_usage', labels: { ...labels, gen_ai_token_type: 'output' }, bounds: TOKEN_BOUNDS, observations: output });
    out.push({ type: 'counter', name: 'support_escalations_total', labels: { gen_ai_agent_name: agent, modelshift_arm: arm }, value: spec.escalations ?? 0 });
  }
  return out;
}

const BUILTINS = 'window: 1h\nminCalls: 200\nmetrics:\n  - { name: error-rate, maxIncrease: 0.5 }\n  - { name: latency-p95 }\n  - { name: output-tokens }';
const ESCALATIONS = `  - name: escalation-rate
    query: 'sum(increase(support_escalations_total{gen_ai_agent_name="{{agent}}",modelshift_arm="{{arm}}"}[{{window}}]))'
    kind: rate
    maxIncrease: 0.2`;

describe.skipIf(!hasPrometheus)('analyze against a real Prometheus', () => {
  let prometheus: RunningPrometheus;
  let exporter: Awaited<ReturnType<typeof startExporter>>;
  let dir: string;

  beforeAll(async () => {
    exporter = await startExporter([
      // A: candidate error rate 3 % against 1 %, 4,000 calls per arm.
      ...canarySeries('mig-a-reply', 'mig-a', { control: { calls: 4000, errorRate: 0.01 }, candidate: { calls: 4000, errorRate: 0.03 } }, 1),
      // B: equal arms; escalations equal too.
      ...canarySeries('mig-b-reply', 'mig-b', { control: { calls: 4000, errorRate: 0.01, escalations: 200 }, candidate: { calls: 4000, errorRate: 0.01, escalations: 204 } }, 2),
      // C: 50 calls per arm.
      ...canarySeries('mig-c-reply', 'mig-c', { control: { calls: 50, errorRate: 0.01 }, candidate: { calls: 50, errorRate: 0.2 } }, 3),
      // D: equal built-ins, but escalations 5 % → 9 %: only the custom metric fails.
      ...canarySeries('mig-d-reply', 'mig-d', { control: { calls: 4000, errorRate: 0.01, escalations: 200 }, candidate: { calls: 4000, errorRate: 0.01, escalations: 360 } }, 4),
    ]);
    prometheus = await startPrometheus(exporter.url);
    dir = await writeCanaryWorkspace(`{ type: prometheus, url: "${prometheus.url}" }`, {
      'agents/a.yaml': canaryAgentYaml('mig-a-reply', 'mig-a'),
      'agents/b.yaml': canaryAgentYaml('mig-b-reply', 'mig-b'),
      'agents/c.yaml': canaryAgentYaml('mig-c-reply', 'mig-c'),
      'agents/d.yaml': canaryAgentYaml('mig-d-reply', 'mig-d'),
      'migrations/a.yaml': migrationYaml('mig-a', BUILTINS),
      'migrations/b.yaml': migrationYaml('mig-b', `${BUILTINS}\n${ESCALATIONS}`),
      'migrations/c.yaml': migrationYaml('mig-c', BUILTINS),
      'migrations/d.yaml': migrationYaml('mig-d', `${BUILTINS}\n${ESCALATIONS}`),
    });
    // Eight scrapes with the totals after the zero one: increase() extrapolates at most one interval in eight.
    await waitForScrapes(exporter, 8);
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
    await exporter?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const analyze = async (migration: string, format: 'json' | 'text' | 'markdown' = 'json') => {
    let out = '';
    const result = await analyzeCommand({ cwd: dir, env: {}, stdout: (t) => (out += t), stderr: () => {}, isTTY: false, now: new Date() }, { migration, format, http: { retries: 0, timeoutMs: 5000 } });
    return { exitCode: result.exitCode, report: result.data, out };
  };
  const metric = (report: AnalysisReport, name: string) => report.agents[0]!.metrics.find((m) => m.name === name)!;

  it('A: fails a candidate erring 3 % against 1 % over 4,000 calls per arm (exit 1)', async () => {
    const { exitCode, report, out } = await analyze('mig-a');
    expect(exitCode).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(report.agents[0]!.calls.control).toBeGreaterThanOrEqual(4000);
    expect(report.agents[0]!.calls.control).toBeLessThanOrEqual(4600);
    const errors = metric(report, 'error-rate');
    expect(errors).toMatchObject({ significant: true, verdict: 'fail' });
    expect(errors.control).toBeGreaterThan(0.005);
    expect(errors.control).toBeLessThan(0.015);
    expect(errors.candidate).toBeGreaterThan(0.025);
    expect(metric(report, 'latency-p95').verdict).toBe('pass');
    // The JSON shape scripts rely on.
    expect(JSON.parse(out)).toMatchObject({ migration: 'mig-a', window: '1h', verdict: 'fail', agents: [{ name: 'mig-a-reply', weight: 10, metrics: expect.arrayContaining([expect.objectContaining({ name: 'error-rate', control: expect.any(Number), candidate: expect.any(Number), change: expect.any(Number), significant: true, verdict: 'fail' })]) }] });
  });

  it('B: passes equal arms, the custom PromQL metric included (exit 0)', async () => {
    const { exitCode, report } = await analyze('mig-b');
    expect(report.reasons).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(exitCode).toBe(0);
    const escalation = metric(report, 'escalation-rate');
    expect(escalation.verdict).toBe('pass');
    expect(escalation.control).toBeCloseTo(0.05, 2);
    expect(escalation.candidate).toBeCloseTo(0.051, 2);
    expect(metric(report, 'output-tokens').control).toBeGreaterThan(150);
  });

  it('C: is inconclusive at 50 calls per arm, and still exits 0', async () => {
    const { exitCode, report, out } = await analyze('mig-c', 'text');
    expect(report.verdict).toBe('inconclusive');
    expect(exitCode).toBe(0);
    expect(report.agents[0]!.reason).toMatch(/200 per arm are needed/);
    expect(out).toMatch(/Verdict: inconclusive \(not enough data\)/);
  });

  it('D: fails on the custom metric alone when escalations rise from 5 % to 9 %', async () => {
    const { exitCode, report, out } = await analyze('mig-d', 'markdown');
    expect(exitCode).toBe(1);
    expect(report.agents[0]!.metrics.filter((m) => m.verdict === 'fail').map((m) => m.name)).toEqual(['escalation-rate']);
    expect(out).toMatch(/\| escalation-rate \| 5\.\d\d% \| 9\.\d\d% \| \+\d+(\.\d)?% \| yes \(p &lt; 0\.001\) \| fail \|/);
  });

  it('reports a custom query Prometheus refuses as the query\'s fault, with the query as sent', async () => {
    const bad = await writeCanaryWorkspace(`{ type: prometheus, url: "${prometheus.url}" }`, {
      'agents/e.yaml': canaryAgentYaml('mig-e-reply', 'mig-e'),
      'migrations/e.yaml': migrationYaml('mig-e', 'metrics:\n  - { name: broken, query: "sum(rate(x[{{window}}]", kind: value, max: 1 }'),
    });
    try {
      const run = analyzeCommand({ cwd: bad, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, now: new Date() }, { migration: 'mig-e', format: 'json', http: { retries: 0 } });
      await expect(run).rejects.toBeInstanceOf(UsageError);
      await expect(run).rejects.toMatchObject({ hint: expect.stringContaining('sum(rate(x[1h]') });
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});
