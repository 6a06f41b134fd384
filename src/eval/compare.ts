import type { CaseDiff, CaseOutcome, CaseResult, Significance } from './types.js';

/** Below this p-value a change in pass rate is called significant. */
export const ALPHA = 0.05;

export interface Comparison {
  regressions: CaseDiff[];
  improvements: CaseDiff[];
  significance: Significance;
}

/**
 * Pairs base and head results case by case. Both lists come from the same
 * case list, so position i is the same case and repeat on both sides. A pair
 * with a side that did not run is left out.
 */
export function compareSides(base: CaseResult[], head: CaseResult[]): Comparison {
  if (base.length !== head.length) throw new Error(`cannot pair ${base.length} base results with ${head.length} head results`);
  const regressions: CaseDiff[] = [];
  const improvements: CaseDiff[] = [];
  let pairs = 0;
  base.forEach((b, i) => {
    const h = head[i]!;
    if (b.status === 'not-run' || h.status === 'not-run') return;
    pairs++;
    const before = b.status === 'pass';
    const after = h.status === 'pass';
    if (before === after) return;
    const diff: CaseDiff = { suite: b.suite, case: b.case, repeat: b.repeat, base: outcome(b), head: outcome(h) };
    (before ? regressions : improvements).push(diff);
  });
  const pValue = mcnemarExact(regressions.length, improvements.length);
  return {
    regressions,
    improvements,
    significance: { test: 'mcnemar-exact', pairs, discordant: regressions.length + improvements.length, pValue, significant: pValue < ALPHA },
  };
}

function outcome(r: CaseResult): CaseOutcome {
  return {
    status: r.status,
    output: r.response?.text ?? '',
    toolCalls: r.response?.toolCalls ?? [],
    failed: r.assertions.filter((a) => !a.pass),
    ...(r.error ? { error: r.error.message } : {}),
  };
}

/**
 * Exact McNemar test: under "no change", each of the n = b + c discordant
 * pairs is a fair coin. Two-sided p = 2·P(X ≤ min(b, c)), X ~ Binomial(n, ½),
 * capped at 1. Summed in log space so large n does not underflow.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  const logHalfN = n * Math.log(0.5);
  let logBinom = 0; // log C(n, 0)
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logBinom += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logBinom + logHalfN);
  }
  return Math.min(1, 2 * tail);
}
