import { describe, expect, it } from 'vitest';
import { compareSides, mcnemarExact } from '../../src/eval/compare.js';
import { pairedTest } from '../../src/eval/paired-test.js';
import { catalogPrices, computeStats, percentile } from '../../src/eval/stats.js';
import type { CaseResult } from '../../src/eval/types.js';
import { catalog, response, result, seeded } from './fixtures.js';

const price = catalogPrices(catalog);

describe('computeStats', () => {
  it('counts pass rate over the scored runs only: an error is no model failure, and is counted apart', () => {
    const stats = computeStats([result('pass'), result('pass'), result('fail'), result('error'), result('not-run')], price);
    expect(stats).toMatchObject({ passRate: 2 / 3, cases: 4, passed: 2, failed: 1, errors: 1, errorRate: 0.25, notRun: 1 });
    expect(computeStats([result('error'), result('error')], price)).toMatchObject({ passRate: null, cases: 2, errors: 2, errorRate: 1 });
  });

  it('prices tokens from the catalog per million, and tallies latency percentiles', () => {
    const results = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((ms) =>
      result('pass', { response: response('x', { latencyMs: ms, usage: { inputTokens: 1000, outputTokens: 500 } }) }),
    );
    const stats = computeStats(results, price);
    // gpt-4.1: $2 in, $8 out per MTok → 10 × (1000·2 + 500·8) / 1e6
    expect(stats.costUsd).toBeCloseTo(0.06, 10);
    expect(stats).toMatchObject({ inputTokens: 10_000, outputTokens: 5_000, latencyP50Ms: 50, latencyP95Ms: 100, unpriced: [] });
  });

  it('reports cost as null and names the model when the catalog has no price', () => {
    const stats = computeStats([result('pass', { model: 'my-private-model' })], price);
    expect(stats.costUsd).toBeNull();
    expect(stats.unpriced).toEqual(['my-private-model']);
  });

  it('does not price a model under another provider type', () => {
    expect(price('anthropic', 'gpt-4.1')).toBeUndefined();
    expect(price('azure-openai', 'gpt-4.1')).toEqual({ inputPerMTok: 2, outputPerMTok: 8 });
    expect(price('openai-compatible', 'claude-opus-4-5')).toBeDefined();
  });

  it('counts judge tokens and cost apart from the model', () => {
    const stats = computeStats(
      [result('pass', { judgeCalls: [{ providerType: 'openai', model: 'gpt-5.1-mini', usage: { inputTokens: 1_000_000, outputTokens: 0 } }] })],
      price,
    );
    expect(stats.judge).toEqual({ calls: 1, inputTokens: 1_000_000, outputTokens: 0, costUsd: 0.25 });
    expect(stats.inputTokens).toBe(100);
  });

  it('has no rates when nothing ran', () => {
    expect(computeStats([result('not-run')], price)).toMatchObject({ passRate: null, cases: 0, latencyP50Ms: null, costUsd: 0 });
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.95)).toBe(4);
  });
});

describe('compareSides', () => {
  it('pairs by position: regressions, improvements; an error or a run that did not happen is neither', () => {
    const base = [result('pass', { case: 'a' }), result('fail', { case: 'b' }), result('pass', { case: 'c' }), result('pass', { case: 'd' })];
    const head = [
      result('fail', { case: 'a', side: 'head', response: response('nope'), assertions: [{ type: 'contains', pass: false, reason: 'does not contain "refund"' }] }),
      result('pass', { case: 'b', side: 'head' }),
      result('error', { case: 'c', side: 'head', error: { kind: 'server', message: 'HTTP 500' } }),
      result('not-run', { case: 'd', side: 'head' }),
    ];
    const cmp = compareSides(base, head);
    expect(cmp.regressions.map((d) => d.case)).toEqual(['a']);
    expect(cmp.improvements.map((d) => d.case)).toEqual(['b']);
    expect(cmp.regressions[0]!.head).toEqual({ status: 'fail', output: 'nope', toolCalls: [], failed: [{ type: 'contains', pass: false, reason: 'does not contain "refund"' }] });
    expect(cmp.regressions[0]!.passes).toEqual({ base: { passed: 1, runs: 1 }, head: { passed: 0, runs: 1 } });
    expect(cmp.significance).toMatchObject({ pairs: 2, discordant: 2, significant: false });
    expect(cmp.coverage).toEqual({ cases: 4, evaluated: 2 });
  });

  it('lists every case failing at head, also those failing on both sides, with both outputs', () => {
    const fail = (c: string, side: 'base' | 'head', text: string) =>
      result('fail', { case: c, side, response: response(text), assertions: [{ type: 'contains', pass: false, reason: `no refund in ${text}` }] });
    const base = [result('pass', { case: 'worse' }), fail('both', 'base', 'b-out'), result('pass', { case: 'fine' }), result('error', { case: 'unknown', error: { kind: 'server', message: '500' } })];
    const head = [fail('worse', 'head', 'w-out'), fail('both', 'head', 'h-out'), result('pass', { case: 'fine', side: 'head' }), fail('unknown', 'head', 'u-out')];
    const cmp = compareSides(base, head);
    expect(cmp.failing.map((f) => [f.case, f.trend])).toEqual([
      ['worse', 'worse'],
      ['both', 'same'],
      ['unknown', 'unpaired'],
    ]);
    const both = cmp.failing[1]!;
    expect(both.base).toMatchObject({ status: 'fail', output: 'b-out', failed: [{ reason: 'no refund in b-out' }] });
    expect(both.head).toMatchObject({ status: 'fail', output: 'h-out', failed: [{ reason: 'no refund in h-out' }] });
    expect(cmp.failing[2]!.base).toMatchObject({ status: 'error', error: '500' });
  });
});

describe('exact McNemar test', () => {
  it('matches the two-sided binomial tail', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(1, 0)).toBe(1);
    expect(mcnemarExact(6, 0)).toBeCloseTo(0.03125, 10); // 2 · 0.5^6
    expect(mcnemarExact(5, 0)).toBeCloseTo(0.0625, 10);
    expect(mcnemarExact(10, 2)).toBeCloseTo(0.0385742, 6); // 2 · (1 + 12 + 66) / 4096
    expect(mcnemarExact(2, 10)).toBe(mcnemarExact(10, 2));
    expect(mcnemarExact(3000, 3000)).toBeCloseTo(1, 6); // large n does not underflow
  });

  /** base and head answer each of n cases `repeat` times, every run independent with its side's pass probability. */
  function simulate(seed: number, n: number, pBase: number, pHead: number, repeat = 1) {
    const rand = seeded(seed);
    const base: CaseResult[] = [];
    const head: CaseResult[] = [];
    for (let i = 0; i < n; i++) {
      for (let r = 1; r <= repeat; r++) {
        base.push(result(rand() < pBase ? 'pass' : 'fail', { case: `c${i}`, repeat: r }));
        head.push(result(rand() < pHead ? 'pass' : 'fail', { case: `c${i}`, repeat: r, side: 'head' }));
      }
    }
    return compareSides(base, head).significance;
  }
  const runs = (count: number, seed0: number, ...args: Parameters<typeof simulate> extends [number, ...infer R] ? R : never) =>
    Array.from({ length: count }, (_, i) => simulate(seed0 + i, ...args));

  // The gate's question is one-sided ("did head get worse?"): the exact one-sided McNemar test has power ≈ 0.97 here.
  it('flags a 20-point drop at n=100 (90% → 70%, independent draws) as worse in at least 95% of 1,000 seeded runs', () => {
    const flagged = runs(1000, 1, 100, 0.9, 0.7).filter((s) => s.worse).length;
    expect(flagged).toBeGreaterThanOrEqual(950);
  });

  it('flags two equal models (80% and 80%) in at most 5% of 1,000 seeded runs, one- and two-sided', () => {
    const sims = runs(1000, 100_001, 100, 0.8, 0.8);
    expect(sims.filter((s) => s.worse).length).toBeLessThanOrEqual(50);
    expect(sims.filter((s) => s.significant).length).toBeLessThanOrEqual(50);
  });

  it('with repeat 3, tests per case (not 300 pooled runs): 90% → 80% flagged in at least 80% of runs, equal models in at most 5%', () => {
    const drop = runs(500, 200_001, 100, 0.9, 0.8, 3);
    expect(drop[0]).toMatchObject({ test: 'permutation-exact', pairs: 100 });
    expect(drop.filter((s) => s.worse).length).toBeGreaterThanOrEqual(400);
    expect(runs(500, 300_001, 100, 0.85, 0.85, 3).filter((s) => s.worse).length).toBeLessThanOrEqual(25);
  });

  it('computes the exact sign-flip distribution: equal to enumerating every sign assignment', () => {
    const cases = [
      { base: { passed: 3, runs: 3 }, head: { passed: 1, runs: 3 } },
      { base: { passed: 2, runs: 3 }, head: { passed: 1, runs: 3 } },
      { base: { passed: 3, runs: 3 }, head: { passed: 0, runs: 3 } },
      { base: { passed: 1, runs: 3 }, head: { passed: 2, runs: 3 } },
      { base: { passed: 2, runs: 2 }, head: { passed: 1, runs: 3 } },
      { base: { passed: 1, runs: 1 }, head: { passed: 1, runs: 1 } },
    ];
    const d = cases.map((c) => c.head.passed / c.head.runs - c.base.passed / c.base.runs).filter((x) => Math.abs(x) > 1e-12);
    const observed = d.reduce((a, b) => a + b, 0);
    let below = 0;
    let above = 0;
    for (let mask = 0; mask < 2 ** d.length; mask++) {
      const sum = d.reduce((acc, x, i) => acc + (mask & (1 << i) ? Math.abs(x) : -Math.abs(x)), 0);
      if (sum <= observed + 1e-9) below++;
      if (sum >= observed - 1e-9) above++;
    }
    const sig = pairedTest(cases);
    expect(sig).toMatchObject({ test: 'permutation-exact', pairs: 6, discordant: 5 });
    expect(sig.pWorse).toBeCloseTo(below / 2 ** d.length, 12);
    expect(sig.pValue).toBeCloseTo(Math.min(1, (2 * Math.min(below, above)) / 2 ** d.length), 12);
  });

  it('is the exact McNemar test with one run per case: one-sided for worse, two-sided for changed', () => {
    const one = (b: number, c: number, same = 0) => [
      ...Array.from({ length: b }, () => ({ base: { passed: 1, runs: 1 }, head: { passed: 0, runs: 1 } })),
      ...Array.from({ length: c }, () => ({ base: { passed: 0, runs: 1 }, head: { passed: 1, runs: 1 } })),
      ...Array.from({ length: same }, () => ({ base: { passed: 1, runs: 1 }, head: { passed: 1, runs: 1 } })),
    ];
    const sig = pairedTest(one(6, 0, 10));
    expect(sig).toMatchObject({ test: 'mcnemar-exact', pairs: 16, discordant: 6, worse: true, significant: true });
    expect(sig.pWorse).toBeCloseTo(1 / 64, 12);
    expect(sig.pValue).toBeCloseTo(mcnemarExact(6, 0), 12);
    // 5 of 5 discordant against head: one-sided p = 1/32 < 0.05 is worse; two-sided 1/16 is not "changed".
    expect(pairedTest(one(5, 0))).toMatchObject({ worse: true, significant: false });
    // Head better: never "worse".
    expect(pairedTest(one(0, 8))).toMatchObject({ worse: false, significant: true, pWorse: 1 });
  });

  it('reports a 3-point difference at n=30 as not significant', () => {
    // 28/30 → 27/30 (93.3% → 90%): three regressions, two improvements.
    const statuses = (passes: number[]) => Array.from({ length: 30 }, (_, i) => result(passes.includes(i) ? 'fail' : 'pass', { case: `c${i}` }));
    const cmp = compareSides(statuses([0, 1]), statuses([2, 3, 4]));
    expect(cmp.regressions).toHaveLength(3);
    expect(cmp.improvements).toHaveLength(2);
    expect(cmp.significance.significant).toBe(false);
    expect(cmp.significance.pValue).toBeCloseTo(1, 10);
  });
});
