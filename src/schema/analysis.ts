import * as z from 'zod';
import { Name } from './common.js';

/** A span of time written as PromQL writes one: `30m`, `1h`, `2d`. */
export const Duration = z.string().regex(/^[1-9]\d*(s|m|h|d)$/, { message: 'must be a duration like 30m, 1h or 2d (a whole number and s, m, h or d)' });

/** The metrics `modelshift analyze` knows by name alone. */
export const BUILTIN_METRICS = ['error-rate', 'latency-p95', 'cost-per-call', 'output-tokens'] as const;
export type BuiltinMetricName = (typeof BUILTIN_METRICS)[number];

/** A built-in metric; `maxIncrease` is relative (0.5 = +50 %), `max` an absolute ceiling in the metric's unit. */
export const BuiltinMetric = z.strictObject({
  name: z.enum(BUILTIN_METRICS),
  maxIncrease: z.number().min(0).optional(),
  max: z.number().min(0).optional(),
});
export type BuiltinMetric = z.infer<typeof BuiltinMetric>;

/**
 * A metric of the team's own, read from Prometheus. `query` is PromQL with
 * `{{agent}}`, `{{arm}}`, `{{migration}}` and `{{window}}` filled in per arm.
 * `kind` says what the query returns: `rate` a count of events in the window
 * (divided by the arm's calls), `ratio` a fraction of calls (both tested with a
 * two-proportion test), `value` any number (compared, not tested).
 */
export const CustomMetric = z
  .strictObject({
    name: Name.refine((name) => !(BUILTIN_METRICS as readonly string[]).includes(name), { message: 'is the name of a built-in metric; a custom metric needs a name of its own' }),
    query: z.string().min(1),
    kind: z.enum(['rate', 'ratio', 'value']),
    better: z.enum(['lower', 'higher']).default('lower'),
    /** How much worse (relative, in the `better` direction) the candidate may be. */
    maxIncrease: z.number().min(0).optional(),
    /** For `better: lower`: the highest value the candidate may have. */
    max: z.number().optional(),
    /** For `better: higher`: the lowest value the candidate may have. */
    min: z.number().optional(),
  })
  .refine((m) => m.maxIncrease !== undefined || m.max !== undefined || m.min !== undefined, { message: 'has no limit; add maxIncrease (relative, e.g. 0.2), max or min' });
export type CustomMetric = z.infer<typeof CustomMetric>;

export const AnalysisMetric = z.union([BuiltinMetric, CustomMetric]);
export type AnalysisMetric = z.infer<typeof AnalysisMetric>;

/** `spec.rollout.analysis` of a Migration: what `modelshift analyze` checks before a canary moves on. */
export const Analysis = z.strictObject({
  /** How far back from now telemetry counts. */
  window: Duration.optional(),
  /** Calls each arm needs before a verdict other than inconclusive. */
  minCalls: z.number().int().min(1).optional(),
  metrics: z.array(AnalysisMetric).min(1).optional(),
});
export type Analysis = z.infer<typeof Analysis>;
