import type { Analysis, AnalysisMetric, BuiltinMetricName } from '../schema/index.js';

/** What a rule leaves out of `spec.rollout.analysis`. */
export const DEFAULT_WINDOW = '1h';
export const DEFAULT_MIN_CALLS = 200;

/**
 * The relative worsening a built-in metric tolerates when the rule names it
 * without a limit: generous on error rate and tokens (noisy, often small),
 * tighter on latency and cost, which users feel directly.
 */
export const DEFAULT_MAX_INCREASE: Record<BuiltinMetricName, number> = {
  'error-rate': 0.5,
  'latency-p95': 0.25,
  'cost-per-call': 0.25,
  'output-tokens': 0.5,
};

export interface AnalysisSettings {
  window: string;
  windowSeconds: number;
  minCalls: number;
  metrics: AnalysisMetric[];
}

/** The rule's analysis with every default filled in. Pure. */
export function analysisSettings(analysis: Analysis | undefined): AnalysisSettings {
  const window = analysis?.window ?? DEFAULT_WINDOW;
  return {
    window,
    windowSeconds: durationSeconds(window),
    minCalls: analysis?.minCalls ?? DEFAULT_MIN_CALLS,
    metrics: analysis?.metrics ?? (Object.keys(DEFAULT_MAX_INCREASE) as BuiltinMetricName[]).map((name) => ({ name })),
  };
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `30m` → 1800. The schema has checked the shape. */
export function durationSeconds(duration: string): number {
  const unit = duration.at(-1) as keyof typeof UNIT_SECONDS;
  return Number(duration.slice(0, -1)) * UNIT_SECONDS[unit];
}
