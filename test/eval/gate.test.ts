import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../src/eval/gate.js';
import type { AgentReport, SideStats } from '../../src/eval/types.js';

function stats(extra: Partial<SideStats>): SideStats {
  return {
    provider: 'openai',
    model: 'gpt-4.1',
    passRate: 0.9,
    cases: 100,
    passed: 90,
    failed: 10,
    errors: 0,
    errorRate: 0,
    notRun: 0,
    costUsd: 1,
    unpriced: [],
    latencyP50Ms: 500,
    latencyP95Ms: 1000,
    inputTokens: 0,
    outputTokens: 0,
    judge: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
    ...extra,
  };
}

function agent(name: string, base: Partial<SideStats>, head: Partial<SideStats>): AgentReport {
  return {
    name,
    base: stats(base),
    head: stats({ model: 'gpt-5.1', ...head }),
    regressions: [],
    improvements: [],
    failing: [],
    significance: { test: 'mcnemar-exact', pairs: 100, discordant: 0, pValue: 1, significant: false, pWorse: 1, worse: false },
    coverage: { cases: 100, evaluated: 100 },
    errors: [],
    results: [],
  };
}

const gate = { minPassRate: 0.85, maxPassRateDrop: 0.05, maxCostIncrease: 0.2, maxLatencyP95Increase: 0.5 };
const complete = { interrupted: false, notRun: 0 };

describe('evaluateGate', () => {
  it('passes when every check holds, including values exactly at the limits', () => {
    const result = evaluateGate(gate, [agent('triage', {}, { passRate: 0.85, costUsd: 1.2, latencyP95Ms: 1500 })], complete);
    expect(result).toEqual({ passed: true, reasons: [] });
  });

  it('passes without a gate', () => {
    expect(evaluateGate(undefined, [agent('triage', {}, { passRate: 0.1 })], complete)).toEqual({ passed: true, reasons: [] });
  });

  it('names the agent and the numbers for each failed check', () => {
    const result = evaluateGate(gate, [agent('triage', {}, { passRate: 0.8, costUsd: 1.35, latencyP95Ms: 1600 }), agent('billing', {}, {})], complete);
    expect(result.passed).toBe(false);
    expect(result.reasons).toEqual([
      'triage: pass rate 80.0% is below the minimum 85.0%',
      'triage: pass rate dropped 10 pts (90.0% → 80.0%), more than the allowed 5 pts',
      'triage: cost +35% ($1.00 → $1.35), more than the allowed +20%',
      'triage: p95 latency +60% (1.0 s → 1.6 s), more than the allowed +50%',
    ]);
  });

  it('fails a check it cannot make instead of passing it silently', () => {
    const result = evaluateGate(gate, [agent('triage', {}, { costUsd: null, unpriced: ['gpt-9'], latencyP95Ms: null })], complete);
    expect(result.reasons).toEqual([
      'triage: cost cannot be compared, no price for gpt-9; add it under spec.catalog in modelshift.yaml',
      'triage: p95 latency cannot be compared, no successful call on head',
    ]);
    expect(evaluateGate(gate, [agent('triage', {}, { passRate: null })], complete).reasons).toEqual(['triage: no case ran on head']);
  });

  it('does not gate on latency a batch never measured, and says why', () => {
    const batched = { latencyP50Ms: null, latencyP95Ms: null, batched: 100 };
    expect(evaluateGate(gate, [agent('triage', batched, batched)], complete).reasons).toEqual([
      'triage: p95 latency cannot be compared, the answers on base came from a provider batch, which measures no latency; to gate on latency, run without --batch and with an empty spec.eval.cacheDir (the cache would give the batch answers again), or drop maxLatencyP95Increase',
    ]);
  });

  it('fails on errors: none allowed by default, even without a gate, and names what went wrong', () => {
    const errored = agent('triage', { passRate: null, cases: 100, passed: 0, failed: 0, errors: 100, errorRate: 1 }, { passRate: null, cases: 100, passed: 0, failed: 0, errors: 100, errorRate: 1 });
    errored.coverage = { cases: 100, evaluated: 0 };
    errored.errors = Array.from({ length: 100 }, (_, i) => ({ side: i % 2 ? 'head' : 'base', suite: 's', case: `c${i}`, repeat: 1, kind: i < 60 ? 'server' : 'timeout', message: 'HTTP 500' }) as const);
    for (const g of [undefined, gate]) {
      const result = evaluateGate(g, [errored], complete);
      expect(result.passed).toBe(false);
      expect(result.reasons).toEqual([
        'triage: 100 of 100 case runs errored on base (100.0%), and the gate allows none (gate.maxErrorRate): server ×30, timeout ×20; first: s / c0: HTTP 500',
        'triage: 100 of 100 case runs errored on head (100.0%), and the gate allows none (gate.maxErrorRate): server ×30, timeout ×20; first: s / c1: HTTP 500',
        'triage: 0 of 100 cases were scored on both sides, every case is required (gate.minCases); an errored call is no evidence either way',
      ]);
    }
  });

  it('allows errors up to maxErrorRate and unscored cases down to minCases', () => {
    const some = agent('triage', { errors: 3, errorRate: 0.03, cases: 100 }, {});
    some.coverage = { cases: 100, evaluated: 97 };
    expect(evaluateGate({ maxErrorRate: 0.03, minCases: 97 }, [some], complete)).toEqual({ passed: true, reasons: [] });
    expect(evaluateGate({ maxErrorRate: 0.02, minCases: 98 }, [some], complete).reasons).toEqual([
      'triage: 3 of 100 case runs errored on base (3.0%), more than the allowed 2.0%',
      'triage: 97 of 100 cases were scored on both sides, fewer than the required 98; an errored call is no evidence either way',
    ]);
  });

  it('names the failing cases behind a pass-rate verdict, regressions first', () => {
    const a = agent('triage', {}, { passRate: 0.8 });
    const diff = (name: string, trend: 'worse' | 'same') => ({
      suite: 'tickets',
      case: name,
      repeat: 1,
      trend,
      base: { status: 'pass' as const, output: '', toolCalls: [], failed: [] },
      head: { status: 'fail' as const, output: '', toolCalls: [], failed: [] },
      passes: { base: { passed: 1, runs: 1 }, head: { passed: 0, runs: 1 } },
    });
    a.failing = [diff('both', 'same'), diff('refund', 'worse'), ...Array.from({ length: 5 }, (_, i) => diff(`x${i}`, 'same'))];
    expect(evaluateGate({ minPassRate: 0.85 }, [a], complete).reasons).toEqual([
      'triage: pass rate 80.0% is below the minimum 85.0%',
      'triage: failing at head (7): tickets / refund (regression), tickets / both (fails on both sides), tickets / x0 (fails on both sides), tickets / x1 (fails on both sides), tickets / x2 (fails on both sides), …and 2 more',
    ]);
  });

  it('fails an incomplete run', () => {
    const a = agent('t', {}, {});
    expect(evaluateGate(undefined, [a], { interrupted: true, notRun: 12 })).toEqual({ passed: false, reasons: ['the run is incomplete: 12 case runs did not run'] });
  });

  it('does not pass when no agent was evaluated', () => {
    expect(evaluateGate({ minPassRate: 0.5 }, [], complete)).toEqual({
      passed: false,
      reasons: ['no agent was evaluated (no eval suite applies to the agents), so nothing shows the change is safe'],
    });
  });

  it('treats a cost rise from zero as unbounded', () => {
    expect(evaluateGate({ maxCostIncrease: 5 }, [agent('t', { costUsd: 0 }, { costUsd: 0.01 })], complete).passed).toBe(false);
    expect(evaluateGate({ maxCostIncrease: 0 }, [agent('t', { costUsd: 0 }, { costUsd: 0 })], complete).passed).toBe(true);
  });
});
