/**
 * The tests `modelshift analyze` uses, with normal approximations that hold
 * at the call counts an analysis requires (`minCalls`, 200 by default). Pure.
 */

/** Two-sided significance level: a difference counts when p < 0.05. */
export const ALPHA = 0.05;

export interface TestResult {
  /** Standardised difference, candidate minus control: positive when the candidate is higher. */
  z: number;
  /** Two-sided. */
  pValue: number;
  significant: boolean;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 through erf; error below 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function fromZ(z: number): TestResult {
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { z, pValue, significant: pValue < ALPHA };
}

/**
 * Two-proportion z-test with the pooled proportion: is `x2/n2` (candidate)
 * different from `x1/n1` (control)? Used for error rates, custom rates, and
 * the share of calls above the control's p95 (the quantile test).
 */
export function twoProportion(x1: number, n1: number, x2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) return { z: 0, pValue: 1, significant: false };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // Both arms all-zero or all-one: nothing distinguishes them.
  if (se === 0) return { z: 0, pValue: 1, significant: false };
  return fromZ((x2 / n2 - x1 / n1) / se);
}

/** Welch's test of two means (normal approximation), for tokens and cost per call. */
export function welch(mean1: number, var1: number, n1: number, mean2: number, var2: number, n2: number): TestResult {
  const se = Math.sqrt(var1 / n1 + var2 / n2);
  if (!(se > 0)) return mean1 === mean2 ? { z: 0, pValue: 1, significant: false } : fromZ(mean2 > mean1 ? Infinity : -Infinity);
  return fromZ((mean2 - mean1) / se);
}

/**
 * Two Poisson rates with exposures (events per call, where one call may have
 * several events): the conditional-free z-test with the pooled rate. Used for
 * custom `rate` metrics, whose counts may exceed the calls.
 */
export function poissonRate(x1: number, n1: number, x2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) return { z: 0, pValue: 1, significant: false };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, pValue: 1, significant: false };
  return fromZ((x2 / n2 - x1 / n1) / se);
}
