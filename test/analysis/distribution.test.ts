import { describe, expect, it } from 'vitest';
import { count, exceeding, mean, quantile, variance, type Distribution } from '../../src/analysis/distribution.js';

const hist: Distribution = { kind: 'histogram', bounds: [0.5, 1, 2, 5], counts: [10, 60, 20, 8, 2], sum: 130 };

describe('distributions', () => {
  it('summarise samples', () => {
    const d: Distribution = { kind: 'samples', values: [4, 1, 3, 2, 5] };
    expect(count(d)).toBe(5);
    expect(mean(d)).toBe(3);
    expect(variance(d)).toBe(2.5);
    expect(quantile(d, 0.5)).toBe(3);
    expect(quantile(d, 0.95)).toBeCloseTo(4.8, 10);
    expect(exceeding(d, 3)).toEqual({ above: 2, at: 3 });
  });

  it('take quantiles of histograms as histogram_quantile does', () => {
    expect(count(hist)).toBe(100);
    expect(mean(hist)).toBe(1.3);
    // Rank 50 falls in (0.5, 1] after 10: 0.5 + 0.5 × 40/60.
    expect(quantile(hist, 0.5)).toBeCloseTo(0.5 + 0.5 * (40 / 60), 10);
    // Rank 95 falls in (2, 5] after 90: 2 + 3 × 5/8.
    expect(quantile(hist, 0.95)).toBeCloseTo(2 + 3 * (5 / 8), 10);
    // In the +Inf bucket: the highest finite bound.
    expect(quantile(hist, 0.995)).toBe(5);
    expect(quantile({ kind: 'histogram', bounds: [1], counts: [0, 0], sum: 0 }, 0.95)).toBeUndefined();
  });

  it('count observations above a threshold at the next bucket bound', () => {
    expect(exceeding(hist, 1.5)).toEqual({ above: 10, at: 2 });
    expect(exceeding(hist, 1)).toEqual({ above: 30, at: 1 });
    expect(exceeding(hist, 7).at).toBe(Infinity);
  });
});
