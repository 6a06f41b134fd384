import type { AnalysisMetric, BuiltinMetric, CustomMetric } from '../schema/index.js';
import { count, exceeding, mean, quantile, variance, type Distribution } from './distribution.js';
import { judge, missing, type Limits } from './judge.js';
import { DEFAULT_MAX_INCREASE } from './settings.js';
import { poissonRate, twoProportion, welch } from './significance.js';
import type { AgentTelemetry, ArmModel, CanaryAgent, MetricResult } from './types.js';

export interface Price {
  inputPerMTok: number;
  outputPerMTok: number;
}
export type PriceFn = (model: ArmModel) => Price | undefined;

export interface MetricInput {
  agent: CanaryAgent;
  data: AgentTelemetry;
  price: PriceFn;
  /** Set when an arm has fewer calls than minCalls: every metric is then inconclusive, for this reason. */
  tooFew: string | undefined;
}

/** One metric of one agent, measured and judged. Pure. */
export function evaluateMetric(metric: AnalysisMetric, input: MetricInput): MetricResult {
  if ('query' in metric) return customMetric(metric, input);
  const limits = builtinLimits(metric);
  switch (metric.name) {
    case 'error-rate':
      return errorRate(limits, input);
    case 'latency-p95':
      return latencyP95(limits, input);
    case 'output-tokens':
      return outputTokens(limits, input);
    case 'cost-per-call':
      return costPerCall(limits, input);
  }
}

function builtinLimits(metric: BuiltinMetric): Limits {
  if (metric.maxIncrease === undefined && metric.max === undefined) return { maxIncrease: DEFAULT_MAX_INCREASE[metric.name] };
  return { maxIncrease: metric.maxIncrease, max: metric.max };
}

function errorRate(limits: Limits, { data, tooFew }: MetricInput): MetricResult {
  const { control: c, candidate: k } = data;
  if (c.calls === 0 || k.calls === 0) return missing('error-rate', 'ratio', 'no calls on one arm');
  return judge(
    { name: 'error-rate', better: 'lower', control: c.errors / c.calls, candidate: k.errors / k.calls, test: twoProportion(c.errors, c.calls, k.errors, k.calls), limits, unit: 'ratio' },
    tooFew,
  );
}

/**
 * p95 latency, tested as a quantile: the share of each arm's calls slower
 * than the control's p95 (about 5 % on control) compared with a
 * two-proportion test. Histograms answer at a bucket bound, so the threshold
 * is the control's p95 moved up to the next bound, the same for both arms.
 */
function latencyP95(limits: Limits, { data, tooFew }: MetricInput): MetricResult {
  const c = data.control.latency;
  const k = data.candidate.latency;
  if (!c || !k || count(c) === 0 || count(k) === 0) return missing('latency-p95', 'seconds', 'no latency data (gen_ai.client.operation.duration) on one arm');
  const control = quantile(c, 0.95)!;
  const candidate = quantile(k, 0.95)!;
  const threshold = exceeding(c, control);
  const test = threshold.at === Infinity ? null : twoProportion(threshold.above, count(c), exceeding(k, threshold.at).above, count(k));
  return judge({ name: 'latency-p95', better: 'lower', control, candidate, test, limits, unit: 'seconds' }, tooFew);
}

function outputTokens(limits: Limits, { data, tooFew }: MetricInput): MetricResult {
  const c = data.control.outputTokens;
  const k = data.candidate.outputTokens;
  if (!c || !k || count(c) === 0 || count(k) === 0) return missing('output-tokens', 'tokens', 'no output token counts (gen_ai.client.token.usage) on one arm');
  return judge({ name: 'output-tokens', better: 'lower', control: mean(c)!, candidate: mean(k)!, test: meanTest(c, k), limits, unit: 'tokens' }, tooFew);
}

/**
 * Cost per call from the mean input and output tokens at the catalog's
 * prices. The variance of a call's cost treats its input and output tokens
 * as independent, which a histogram per token type cannot avoid.
 */
function costPerCall(limits: Limits, { agent, data, price, tooFew }: MetricInput): MetricResult {
  const unpriced = [agent.control, agent.candidate].filter((m) => price(m) === undefined).map((m) => m.name);
  if (unpriced.length > 0) return missing('cost-per-call', 'usd', `no price for ${[...new Set(unpriced)].join(', ')}; add it under spec.catalog in modelshift.yaml`);
  const arm = (side: 'control' | 'candidate') => {
    const p = price(agent[side])!;
    const input = data[side].inputTokens;
    const output = data[side].outputTokens;
    if (!input || !output || count(input) === 0 || count(output) === 0) return undefined;
    const pin = p.inputPerMTok / 1e6;
    const pout = p.outputPerMTok / 1e6;
    return {
      mean: pin * mean(input)! + pout * mean(output)!,
      variance: pin ** 2 * (variance(input) ?? 0) + pout ** 2 * (variance(output) ?? 0),
      n: Math.min(count(input), count(output)),
    };
  };
  const c = arm('control');
  const k = arm('candidate');
  if (!c || !k) return missing('cost-per-call', 'usd', 'no token counts (gen_ai.client.token.usage) on one arm');
  return judge({ name: 'cost-per-call', better: 'lower', control: c.mean, candidate: k.mean, test: welch(c.mean, c.variance, c.n, k.mean, k.variance, k.n), limits, unit: 'usd' }, tooFew);
}

function meanTest(c: Distribution, k: Distribution) {
  return welch(mean(c)!, variance(c) ?? 0, count(c), mean(k)!, variance(k) ?? 0, count(k));
}

function customMetric(metric: CustomMetric, { data, tooFew }: MetricInput): MetricResult {
  const rawC = data.control.custom[metric.name];
  const rawK = data.candidate.custom[metric.name];
  const unit = metric.kind === 'value' ? 'number' : 'ratio';
  if (rawC === undefined || rawK === undefined) return missing(metric.name, unit, 'the query returned no value for one arm (or the telemetry source cannot run PromQL)', { control: rawC, candidate: rawK });
  const nC = data.control.calls;
  const nK = data.candidate.calls;
  const limits = { maxIncrease: metric.maxIncrease, max: metric.max, min: metric.min };
  const base = { name: metric.name, better: metric.better, limits };
  if (metric.kind === 'value') return judge({ ...base, control: rawC, candidate: rawK, test: null, unit: 'number' }, tooFew);
  if (nC === 0 || nK === 0) return missing(metric.name, unit, 'no calls on one arm');
  if (metric.kind === 'rate') {
    return judge({ ...base, control: rawC / nC, candidate: rawK / nK, test: poissonRate(rawC, nC, rawK, nK), unit: 'ratio' }, tooFew);
  }
  return judge({ ...base, control: rawC, candidate: rawK, test: twoProportion(rawC * nC, nC, rawK * nK, nK), unit: 'ratio' }, tooFew);
}
