import { formatP, formatValue, signedPercent } from '../analysis/format.js';
import type { MetricResult, Verdict } from '../analysis/types.js';

/** The cells of one metric's row, shared by the text and markdown tables. Pure. */
export function metricCells(m: MetricResult): [string, string, string, string, string, string] {
  const value = (x: number | null) => (x === null ? '—' : formatValue(m.unit, x));
  const change = m.change === null ? (m.control === 0 && m.candidate !== null && m.candidate > 0 ? 'new' : '—') : signedPercent(m.change);
  const significant = m.significant === null ? '—' : `${m.significant ? 'yes' : 'no'} (${formatP(m.pValue!)})`;
  return [m.name, value(m.control), value(m.candidate), change, significant, m.verdict];
}

export const METRIC_HEADER = ['metric', 'control', 'candidate', 'change', 'significant', 'verdict'] as const;

export const VERDICT_WORD: Record<Verdict, string> = { pass: 'pass', fail: 'FAIL', inconclusive: 'inconclusive (not enough data)' };
