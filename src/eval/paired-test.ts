import type { PassCount, Significance } from './types.js';

/** Below this p-value a change in pass rate is called significant. */
export const ALPHA = 0.05;

/** Above this many DP cells the exact permutation distribution gives way to its normal approximation. */
const MAX_EXACT_CELLS = 20_000_000;

/** One case scored on both sides. */
export interface PairedCase {
  base: PassCount;
  head: PassCount;
}

/**
 * The paired test on per-case pass fractions. Under "no change" base and head
 * are exchangeable within a case, so each case's difference d = head − base is
 * as likely to have either sign: the null distribution of Σd is that of
 * Σ ±|d|, computed exactly (a walk over the integer grid of the fractions).
 * With one run per case every |d| is 1 and this is the exact McNemar test.
 * Lower tail: head worse (one-sided, the gate's question); both tails: changed.
 */
export function pairedTest(cases: PairedCase[]): Significance {
  const scale = gridOf(cases);
  const steps: number[] = [];
  let observed = 0;
  for (const { base, head } of cases) {
    const d = Math.round((head.passed / head.runs - base.passed / base.runs) * scale);
    if (d === 0) continue;
    steps.push(Math.abs(d));
    observed += d;
  }
  const oneRun = cases.every((c) => c.base.runs === 1 && c.head.runs === 1);
  const common = { pairs: cases.length, discordant: steps.length };
  if (!steps.length) return significance(oneRun ? 'mcnemar-exact' : 'permutation-exact', common, 1, 1);

  const magnitude = steps[0]!;
  if (steps.every((s) => s === magnitude)) {
    // Σ ±a = a·(2X − n), X ~ Binomial(n, ½): the closed form, no table needed.
    const n = steps.length;
    const worseCount = (n - observed / magnitude) / 2; // cases where head < base
    return significance(oneRun ? 'mcnemar-exact' : 'permutation-exact', common, binomialUpperTail(n, worseCount), binomialUpperTail(n, n - worseCount));
  }
  const total = steps.reduce((a, b) => a + b, 0);
  if (steps.length * (2 * total + 1) > MAX_EXACT_CELLS) {
    const sd = Math.sqrt(steps.reduce((a, s) => a + s * s, 0));
    // Continuity-corrected on the grid; the lattice step is at least 1.
    return significance('permutation-normal', common, normalCdf((observed + 0.5) / sd), 1 - normalCdf((observed - 0.5) / sd));
  }
  const { lower, upper } = signFlipTails(steps, total, observed);
  return significance('permutation-exact', common, lower, upper);
}

function significance(test: Significance['test'], common: { pairs: number; discordant: number }, pWorse: number, pBetter: number): Significance {
  const pValue = Math.min(1, 2 * Math.min(pWorse, pBetter));
  return { test, ...common, pValue, significant: pValue < ALPHA, pWorse: Math.min(1, pWorse), worse: pWorse < ALPHA };
}

/**
 * The common denominator of every case's fractions, so each difference is an
 * integer on it. Repeats are small numbers; a run where errors left odd counts
 * could make it huge, so it stops growing at 720 (and rounds there).
 */
function gridOf(cases: PairedCase[]): number {
  let scale = 1;
  for (const { base, head } of cases) {
    for (const runs of [base.runs, head.runs]) {
      const next = (scale * runs) / gcd(scale, runs);
      if (next > 720) return scale;
      scale = next;
    }
  }
  return scale;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** P(Σ ±step ≤ observed) and P(Σ ±step ≥ observed), each sign a fair coin. */
function signFlipTails(steps: number[], total: number, observed: number): { lower: number; upper: number } {
  // dist[i] = P(sum = i − total); the walk only ever reaches [−total, total].
  let dist = new Float64Array(2 * total + 1);
  let next = new Float64Array(2 * total + 1);
  dist[total] = 1;
  let reach = 0;
  for (const step of steps) {
    next.fill(0, total - reach - step, total + reach + step + 1);
    for (let i = total - reach; i <= total + reach; i++) {
      const p = dist[i]!;
      if (p === 0) continue;
      next[i - step]! += p / 2;
      next[i + step]! += p / 2;
    }
    reach += step;
    [dist, next] = [next, dist];
  }
  let lower = 0;
  let upper = 0;
  for (let i = 0; i < dist.length; i++) {
    const sum = i - total;
    if (sum <= observed) lower += dist[i]!;
    if (sum >= observed) upper += dist[i]!;
  }
  return { lower, upper };
}

/**
 * P(X ≥ k), X ~ Binomial(n, ½), summed in log space so a large n does not
 * underflow. Exact McNemar: two-sided p = 2·P(X ≥ max(b, c)), capped at 1.
 */
export function binomialUpperTail(n: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const logHalfN = n * Math.log(0.5);
  let logBinom = 0; // log C(n, n)
  let tail = Math.exp(logHalfN);
  for (let i = n - 1; i >= k; i--) {
    logBinom += Math.log(i + 1) - Math.log(n - i);
    tail += Math.exp(logBinom + logHalfN);
  }
  return Math.min(1, tail);
}

/** Two-sided exact McNemar p-value for b regressions and c improvements. */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  return n === 0 ? 1 : Math.min(1, 2 * binomialUpperTail(n, Math.max(b, c)));
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; |error| < 1.5e-7). */
function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
