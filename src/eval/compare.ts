import { pairedTest, type PairedCase } from './paired-test.js';
import type { CaseDiff, CaseOutcome, CaseResult, FailingCase, PassCount, Side, Significance } from './types.js';

export { ALPHA, mcnemarExact } from './paired-test.js';

export interface Comparison {
  regressions: CaseDiff[];
  improvements: CaseDiff[];
  failing: FailingCase[];
  significance: Significance;
  coverage: { cases: number; evaluated: number };
}

/** The runs of one case (every repeat) on both sides. */
interface CaseRuns {
  suite: string;
  case: string;
  base: CaseResult[];
  head: CaseResult[];
}

/**
 * Compares base and head case by case. Both lists come from the same case
 * list, so position i is the same case and repeat on both sides. Only scored
 * runs (pass or fail) count: an error or a run that did not happen says
 * nothing about the model, so it is never a regression or an improvement, and
 * a case with no scored run on a side is left out of the paired test.
 */
export function compareSides(base: CaseResult[], head: CaseResult[]): Comparison {
  if (base.length !== head.length) throw new Error(`cannot pair ${base.length} base results with ${head.length} head results`);
  const regressions: CaseDiff[] = [];
  const improvements: CaseDiff[] = [];
  const failing: FailingCase[] = [];
  const paired: PairedCase[] = [];
  const cases = groupByCase(base, head);
  for (const runs of cases) {
    const passes = { base: passCount(runs.base), head: passCount(runs.head) };
    const headFails = runs.head.some((r) => r.status === 'fail');
    if (!passes.base.runs || !passes.head.runs) {
      // Failing at head with nothing to compare it with on base: still shown.
      if (headFails) failing.push({ ...diffOf(runs, passes), trend: 'unpaired' });
      continue;
    }
    paired.push(passes);
    const change = passes.head.passed * passes.base.runs - passes.base.passed * passes.head.runs;
    if (change < 0) regressions.push(diffOf(runs, passes));
    if (change > 0) improvements.push(diffOf(runs, passes, 'base'));
    if (headFails) failing.push({ ...diffOf(runs, passes), trend: change < 0 ? 'worse' : change > 0 ? 'better' : 'same' });
  }
  return { regressions, improvements, failing, significance: pairedTest(paired), coverage: { cases: cases.length, evaluated: paired.length } };
}

function groupByCase(base: CaseResult[], head: CaseResult[]): CaseRuns[] {
  const byKey = new Map<string, CaseRuns>();
  base.forEach((b, i) => {
    const key = `${b.suite}\u0000${b.case}`;
    let runs = byKey.get(key);
    if (!runs) {
      runs = { suite: b.suite, case: b.case, base: [], head: [] };
      byKey.set(key, runs);
    }
    runs.base.push(b);
    runs.head.push(head[i]!);
  });
  return [...byKey.values()];
}

function scored(r: CaseResult): boolean {
  return r.status === 'pass' || r.status === 'fail';
}

function passCount(runs: CaseResult[]): PassCount {
  return { passed: runs.filter((r) => r.status === 'pass').length, runs: runs.filter(scored).length };
}

/**
 * Shows one repeat: the first failing run on `focus` (head for failures and
 * regressions, base for improvements), beside the other side's run of the same
 * repeat, or its first scored run when that one errored.
 */
function diffOf(runs: CaseRuns, passes: CaseDiff['passes'], focus: Side = 'head'): CaseDiff {
  const fail = runs[focus].findIndex((r) => r.status === 'fail');
  const i = fail >= 0 ? fail : Math.max(0, runs[focus].findIndex(scored));
  const pick = (side: Side) => (side === focus || scored(runs[side][i]!) ? runs[side][i]! : (runs[side].find(scored) ?? runs[side][i]!));
  return { suite: runs.suite, case: runs.case, repeat: runs[focus][i]!.repeat, base: outcome(pick('base')), head: outcome(pick('head')), passes };
}

export function outcome(r: CaseResult): CaseOutcome {
  return {
    status: r.status,
    output: r.response?.text ?? '',
    toolCalls: r.response?.toolCalls ?? [],
    failed: r.assertions.filter((a) => !a.pass),
    ...(r.error ? { error: r.error.message } : {}),
  };
}
