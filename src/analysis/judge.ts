import type { TestResult } from './significance.js';
import { formatP, formatValue, percent } from './format.js';
import type { MetricResult, MetricUnit } from './types.js';

export interface Limits {
  /** Relative worsening allowed (in the `better` direction). */
  maxIncrease?: number;
  max?: number;
  min?: number;
}

export interface Measured {
  name: string;
  better: 'lower' | 'higher';
  control: number;
  candidate: number;
  /** Null for a metric without a test (a custom `value`, a quantile past the histogram's last bound). */
  test: TestResult | null;
  limits: Limits;
  unit: MetricUnit;
}

/** Relative change, candidate against control; 0 when both are 0, null when only control is. */
export function relativeChange(control: number, candidate: number): number | null {
  if (control === 0) return candidate === 0 ? 0 : null;
  return (candidate - control) / control;
}

/**
 * The verdict of one metric. An absolute limit (`max`, `min`) fails on the
 * candidate's value alone, like a success condition; a relative limit fails
 * only when the worsening is beyond it AND beyond noise, so a canary is not
 * rolled back on a difference chance alone explains. Pure.
 */
export function judge(m: Measured, enoughCalls: string | undefined): MetricResult {
  const change = relativeChange(m.control, m.candidate);
  const format = (x: number) => formatValue(m.unit, x);
  const base = {
    name: m.name,
    unit: m.unit,
    control: m.control,
    candidate: m.candidate,
    change,
    significant: m.test?.significant ?? null,
    pValue: m.test?.pValue ?? null,
  };
  if (enoughCalls !== undefined) return { ...base, verdict: 'inconclusive', reason: enoughCalls };
  const worse = m.better === 'lower' ? m.candidate > m.control : m.candidate < m.control;
  const { max, min, maxIncrease } = m.limits;
  if (max !== undefined && m.candidate > max) return { ...base, verdict: 'fail', reason: `candidate ${format(m.candidate)} is above the limit ${format(max)}` };
  if (min !== undefined && m.candidate < min) return { ...base, verdict: 'fail', reason: `candidate ${format(m.candidate)} is below the limit ${format(min)}` };
  if (maxIncrease === undefined || !worse) return { ...base, verdict: 'pass', reason: worse ? 'within the limit' : 'not worse than control' };
  const worsening = change === null ? Infinity : Math.abs(change);
  if (worsening <= maxIncrease) return { ...base, verdict: 'pass', reason: `${percent(worsening)} worse, within the allowed ${percent(maxIncrease)}` };
  const what = `${format(m.control)} → ${format(m.candidate)}${change === null ? '' : ` (${percent(worsening)} worse, more than the allowed ${percent(maxIncrease)})`}`;
  if (m.test === null) return { ...base, verdict: 'fail', reason: `${what}; no significance test for this metric` };
  if (!m.test.significant) return { ...base, verdict: 'pass', reason: `${what}, but within noise (${formatP(m.test.pValue)})` };
  return { ...base, verdict: 'fail', reason: `${what}, significant (${formatP(m.test.pValue)})` };
}

/** A metric that cannot be computed: the verdict never passes on evidence that was not gathered. */
export function missing(name: string, unit: MetricUnit, reason: string, values: { control?: number; candidate?: number } = {}): MetricResult {
  return { name, unit, control: values.control ?? null, candidate: values.candidate ?? null, change: null, significant: null, pValue: null, verdict: 'inconclusive', reason };
}
