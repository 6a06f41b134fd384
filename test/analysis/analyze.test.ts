import { describe, expect, it } from 'vitest';
import { analyzeCanary } from '../../src/analysis/analyze.js';
import { analysisSettings } from '../../src/analysis/settings.js';
import type { AgentTelemetry, CanaryAgent } from '../../src/analysis/types.js';
import type { Analysis } from '../../src/schema/index.js';
import { seeded, simulateArm } from './helpers.js';

const agent: CanaryAgent = { name: 'sales-reply', weight: 10, control: { type: 'openai', name: 'gpt-4o' }, candidate: { type: 'anthropic', name: 'claude-sonnet-5-5' } };
const PRICES: Record<string, { inputPerMTok: number; outputPerMTok: number }> = {
  'gpt-4o': { inputPerMTok: 2.5, outputPerMTok: 10 },
  'claude-sonnet-5-5': { inputPerMTok: 3, outputPerMTok: 15 },
};
const price = (m: { name: string }) => PRICES[m.name];

function run(data: AgentTelemetry, analysis?: Analysis) {
  return analyzeCanary({ migration: 'gpt-4o-to-claude', settings: analysisSettings(analysis), end: new Date('2026-12-01T12:00:00Z'), source: 'test', agents: [{ agent, data }], price });
}

function errorsOnly(controlRate: number, candidateRate: number, calls: number, seed: number): AgentTelemetry {
  const random = seeded(seed);
  const arm = (rate: number) => {
    let errors = 0;
    for (let i = 0; i < calls; i++) if (random() < rate) errors++;
    return { calls, errors, custom: {} };
  };
  return { control: arm(controlRate), candidate: arm(candidateRate) };
}

const errorRateOnly: Analysis = { metrics: [{ name: 'error-rate', maxIncrease: 0.5 }] };

describe('analyzeCanary', () => {
  it('fails an error rate of 3 % against 1 % over 4,000 calls per arm, and says why', () => {
    const report = run({ control: { calls: 4000, errors: 40, custom: {} }, candidate: { calls: 4000, errors: 120, custom: {} } }, errorRateOnly);
    expect(report.verdict).toBe('fail');
    expect(report.agents[0]!.metrics[0]).toMatchObject({ name: 'error-rate', control: 0.01, candidate: 0.03, significant: true, verdict: 'fail' });
    expect(report.agents[0]!.metrics[0]!.change).toBeCloseTo(2, 10);
    expect(report.reasons).toEqual([expect.stringMatching(/^sales-reply: error-rate fail: 1\.00% → 3\.00% \(200% worse, more than the allowed 50%\), significant \(p < 0\.001\)$/)]);
  });

  it('passes an increase beyond the limit that noise explains', () => {
    const report = run({ control: { calls: 300, errors: 3, custom: {} }, candidate: { calls: 300, errors: 6, custom: {} } }, { minCalls: 200, ...errorRateOnly });
    expect(report.agents[0]!.metrics[0]).toMatchObject({ change: 1, significant: false, verdict: 'pass' });
    expect(report.verdict).toBe('pass');
  });

  it('is inconclusive below minCalls on either arm, whatever the numbers say', () => {
    const report = run({ control: { calls: 50, errors: 0, custom: {} }, candidate: { calls: 50, errors: 25, custom: {} } }, errorRateOnly);
    expect(report.verdict).toBe('inconclusive');
    expect(report.agents[0]).toMatchObject({ verdict: 'inconclusive', reason: 'control has 50 calls, candidate has 50 calls in the last 1h; 200 per arm are needed' });
    expect(report.agents[0]!.metrics[0]!.verdict).toBe('inconclusive');
  });

  it('is inconclusive with no agent in the canary, and when a metric has no data', () => {
    const none = analyzeCanary({ migration: 'm', settings: analysisSettings(undefined), end: new Date(), source: 't', agents: [], price });
    expect(none).toMatchObject({ verdict: 'inconclusive', reasons: ['no agent is in the canary of m'] });
    const noLatency = run({ control: { calls: 4000, errors: 40, custom: {} }, candidate: { calls: 4000, errors: 40, custom: {} } }, { metrics: [{ name: 'latency-p95' }] });
    expect(noLatency.verdict).toBe('inconclusive');
    expect(noLatency.agents[0]!.metrics[0]!.reason).toMatch(/no latency data/);
  });

  it('checks every built-in by default; a slower candidate fails latency-p95, a dearer one cost-per-call', () => {
    const random = seeded(7);
    const data = { control: simulateArm(random, 3000, 0.01, 0.8), candidate: simulateArm(random, 3000, 0.01, 1.2) };
    const report = run(data);
    expect(report.agents[0]!.metrics.map((m) => m.name)).toEqual(['error-rate', 'latency-p95', 'cost-per-call', 'output-tokens']);
    const byName = Object.fromEntries(report.agents[0]!.metrics.map((m) => [m.name, m]));
    expect(byName['latency-p95']).toMatchObject({ significant: true, verdict: 'fail' });
    expect(byName['latency-p95']!.change).toBeCloseTo(0.5, 1);
    // Same tokens, prices 3/15 against 2.5/10 per MTok: about +37 %, beyond the default 25 %.
    expect(byName['cost-per-call']).toMatchObject({ significant: true, verdict: 'fail' });
    expect(byName['output-tokens']).toMatchObject({ verdict: 'pass' });
    expect(report.verdict).toBe('fail');
  });

  it('fails on an absolute ceiling from the value alone, and lets a higher-is-better custom metric fail on a drop', () => {
    const random = seeded(3);
    const data = { control: simulateArm(random, 1000, 0.01), candidate: simulateArm(random, 1000, 0.01) };
    const ceiling = run(data, { metrics: [{ name: 'latency-p95', max: 0.5 }] });
    expect(ceiling.agents[0]!.metrics[0]).toMatchObject({ verdict: 'fail', reason: expect.stringMatching(/above the limit 500 ms/) });
    data.control.custom.resolved = 0.8;
    data.candidate.custom.resolved = 0.6;
    const custom = run(data, { metrics: [{ name: 'resolved', query: 'q', kind: 'ratio', better: 'higher', maxIncrease: 0.1 }] });
    expect(custom.agents[0]!.metrics[0]).toMatchObject({ name: 'resolved', control: 0.8, candidate: 0.6, significant: true, verdict: 'fail' });
  });

  it('says which model has no price instead of guessing the cost', () => {
    const random = seeded(5);
    const report = analyzeCanary({
      migration: 'm',
      settings: analysisSettings({ metrics: [{ name: 'cost-per-call' }] }),
      end: new Date(),
      source: 't',
      agents: [{ agent, data: { control: simulateArm(random, 500, 0), candidate: simulateArm(random, 500, 0) } }],
      price: (m) => (m.name === 'gpt-4o' ? PRICES['gpt-4o'] : undefined),
    });
    expect(report.agents[0]!.metrics[0]).toMatchObject({ verdict: 'inconclusive', reason: expect.stringMatching(/no price for claude-sonnet-5-5/) });
  });
});

describe('power on seeded simulations (error rate, default limit +50 %)', () => {
  const RUNS = 400;
  const flagged = (controlRate: number, candidateRate: number, calls: number) => {
    let fails = 0;
    for (let seed = 1; seed <= RUNS; seed++) if (run(errorsOnly(controlRate, candidateRate, calls, seed), { metrics: [{ name: 'error-rate' }] }).verdict === 'fail') fails++;
    return fails / RUNS;
  };

  it('flags a doubling (1 % → 2 %) at 5,000 calls per arm in at least 90 % of runs', () => {
    expect(flagged(0.01, 0.02, 5000)).toBeGreaterThanOrEqual(0.9);
  });

  it('flags equal arms in at most 5 % of runs', () => {
    expect(flagged(0.01, 0.01, 5000)).toBeLessThanOrEqual(0.05);
  });

  it('flags slower candidates on latency-p95 most of the time, and equal ones rarely', () => {
    const rate = (candidateMedian: number) => {
      let fails = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const random = seeded(seed);
        const data = { control: simulateArm(random, 2000, 0, 0.8), candidate: simulateArm(random, 2000, 0, candidateMedian) };
        if (run(data, { metrics: [{ name: 'latency-p95', maxIncrease: 0.1 }] }).verdict === 'fail') fails++;
      }
      return fails / 60;
    };
    expect(rate(1.0)).toBeGreaterThanOrEqual(0.9);
    expect(rate(0.8)).toBeLessThanOrEqual(0.05);
  });
});
