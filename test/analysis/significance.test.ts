import { describe, expect, it } from 'vitest';
import { normalCdf, poissonRate, twoProportion, welch } from '../../src/analysis/significance.js';

describe('normalCdf', () => {
  it('matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
    expect(normalCdf(-1.645)).toBeCloseTo(0.05, 3);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 4);
  });
});

describe('twoProportion', () => {
  it('finds 3 % against 1 % over 4,000 calls each significant, and equal rates not', () => {
    const worse = twoProportion(40, 4000, 120, 4000);
    expect(worse.z).toBeGreaterThan(6);
    expect(worse.significant).toBe(true);
    const equal = twoProportion(40, 4000, 40, 4000);
    expect(equal).toMatchObject({ z: 0, significant: false });
    expect(equal.pValue).toBeCloseTo(1, 6);
  });

  it('gives the textbook z for a worked example', () => {
    // 45/100 against 60/120: pooled 105/220, z = (0.5 - 0.45) / sqrt(p(1-p)(1/100+1/120)).
    const p = 105 / 220;
    expect(twoProportion(45, 100, 60, 120).z).toBeCloseTo(0.05 / Math.sqrt(p * (1 - p) * (1 / 100 + 1 / 120)), 10);
  });

  it('has nothing to compare when both arms are all-zero or an arm is empty', () => {
    expect(twoProportion(0, 500, 0, 500).significant).toBe(false);
    expect(twoProportion(0, 0, 5, 10).significant).toBe(false);
  });
});

describe('welch and poissonRate', () => {
  it('tell a shift of means beyond the noise from one inside it', () => {
    expect(welch(100, 400, 1000, 110, 400, 1000).significant).toBe(true);
    expect(welch(100, 400, 10, 101, 400, 10).significant).toBe(false);
    expect(welch(5, 0, 100, 6, 0, 100).significant).toBe(true);
  });

  it('compares event counts that may exceed the calls', () => {
    expect(poissonRate(1200, 1000, 1500, 1000).significant).toBe(true);
    expect(poissonRate(1200, 1000, 1210, 1000).significant).toBe(false);
  });
});
