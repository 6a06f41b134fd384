import * as z from 'zod';
import type { Distribution } from '../analysis/distribution.js';
import type { AgentTelemetry, Arm, ArmTelemetry } from '../analysis/types.js';
import { ExternalError, UsageError } from '../errors.js';
import type { TelemetrySource as SourceConfig } from '../schema/index.js';
import { redactUrl, requestWithRetry } from '../sync/http-client.js';
import { ATTR, PROM_METRIC, promLabel } from './attributes.js';
import type { SourceDeps, TelemetryQuery, TelemetrySource } from './source.js';

type PrometheusConfig = Extract<SourceConfig, { type: 'prometheus' }>;

const ARMS: readonly Arm[] = ['control', 'candidate'];

/** An instant query's answer (https://prometheus.io/docs/prometheus/latest/querying/api/#instant-queries). */
const QueryResponse = z.discriminatedUnion('status', [
  z.looseObject({
    status: z.literal('success'),
    data: z.discriminatedUnion('resultType', [
      z.looseObject({ resultType: z.literal('vector'), result: z.array(z.looseObject({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })) }),
      z.looseObject({ resultType: z.literal('scalar'), result: z.tuple([z.number(), z.string()]) }),
      z.looseObject({ resultType: z.literal('matrix'), result: z.array(z.unknown()) }),
      z.looseObject({ resultType: z.literal('string'), result: z.unknown() }),
    ]),
  }),
  z.looseObject({ status: z.literal('error'), errorType: z.string(), error: z.string() }),
]);

interface Sample {
  labels: Record<string, string>;
  value: number;
}

/**
 * Prometheus's HTTP query API. The default queries read the OTel GenAI
 * histograms under the names the Prometheus exporters give them, filtered
 * by agent, migration and arm, each an instant query at the window's end
 * over `increase(…[window])`, so only what happened inside the window counts.
 */
export function prometheusSource(config: PrometheusConfig, deps: SourceDeps): TelemetrySource {
  const token = config.tokenEnv === undefined ? undefined : deps.env[config.tokenEnv];
  if (config.tokenEnv !== undefined && !token) {
    throw new UsageError(`spec.telemetry names ${config.tokenEnv} for the Prometheus token, but it is not set`, `export ${config.tokenEnv}=… (a bearer token for ${redactUrl(config.url)})`);
  }
  const endpoint = `${config.url.replace(/\/+$/, '')}/api/v1/query`;

  const query = async (promql: string, end: Date, what: string): Promise<Sample[]> => {
    const url = `${endpoint}?${new URLSearchParams({ query: promql, time: String(end.getTime() / 1000) })}`;
    const response = await requestWithRetry({ method: 'GET', url, headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, deps.http, deps.signal);
    const parsed = QueryResponse.safeParse(parseJson(response.text));
    if (!parsed.success) {
      throw new ExternalError(`${redactUrl(endpoint)} answered ${what} with HTTP ${response.status} and no Prometheus query result`, { status: response.status, hint: 'check that spec.telemetry.url is the Prometheus server\'s base URL' });
    }
    const answer = parsed.data;
    if (answer.status === 'error') {
      // bad_data is the query's fault (a custom metric's PromQL); anything else is the server's.
      if (answer.errorType === 'bad_data') throw new UsageError(`Prometheus refused the query for ${what}: ${answer.error}`, `fix the query; as sent: ${promql}`);
      throw new ExternalError(`Prometheus failed the query for ${what}: ${answer.errorType}: ${answer.error}`, { status: response.status });
    }
    if (answer.data.resultType === 'scalar') return [{ labels: {}, value: Number(answer.data.result[1]) }];
    if (answer.data.resultType !== 'vector') throw new UsageError(`the query for ${what} returned a ${answer.data.resultType}, not a number`, 'make it an instant vector or a scalar, e.g. sum(increase(…[{{window}}]))');
    return answer.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
  };

  return {
    location: redactUrl(config.url),
    async fetch(q) {
      const selector = selectorFor(q);
      const range = `[${q.window}]`;
      const inc = (metric: string, extra = '') => `increase(${metric}{${selector}${extra}}${range})`;
      const armL = promLabel(ATTR.arm);
      const typeL = promLabel(ATTR.tokenType);
      const [calls, errors, latencyBuckets, latencySum, tokenBuckets, tokenSums] = await Promise.all([
        query(`sum by (${armL}) (${inc(`${PROM_METRIC.duration}_count`)})`, q.end, 'calls'),
        query(`sum by (${armL}) (${inc(`${PROM_METRIC.duration}_count`, `,${promLabel(ATTR.errorType)}!=""`)})`, q.end, 'errors'),
        query(`sum by (${armL}, le) (${inc(`${PROM_METRIC.duration}_bucket`)})`, q.end, 'latency buckets'),
        query(`sum by (${armL}) (${inc(`${PROM_METRIC.duration}_sum`)})`, q.end, 'latency sum'),
        query(`sum by (${armL}, ${typeL}, le) (${inc(`${PROM_METRIC.tokens}_bucket`)})`, q.end, 'token buckets'),
        query(`sum by (${armL}, ${typeL}) (${inc(`${PROM_METRIC.tokens}_sum`)})`, q.end, 'token sums'),
      ]);
      const custom = await Promise.all(
        q.custom.flatMap((metric) =>
          ARMS.map(async (arm) => {
            const samples = await query(fillTemplate(metric.query, { agent: q.agent.name, arm, migration: q.migration, window: q.window }), q.end, `custom metric ${metric.name} (${arm})`);
            if (samples.length > 1) throw new UsageError(`the query of custom metric ${metric.name} returned ${samples.length} series for ${arm}, not one`, 'aggregate it to one number, e.g. wrap it in sum(…)');
            const value = samples[0]?.value;
            return { name: metric.name, arm, value: value === undefined || Number.isNaN(value) ? undefined : value };
          }),
        ),
      );
      const arm = (side: Arm): ArmTelemetry => {
        const mine = (samples: Sample[], labels: Record<string, string> = {}) => samples.filter((s) => s.labels[armL] === side && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
        return {
          calls: Math.round(total(mine(calls))),
          errors: Math.round(total(mine(errors))),
          latency: histogram(mine(latencyBuckets), total(mine(latencySum))),
          inputTokens: histogram(mine(tokenBuckets, { [typeL]: 'input' }), total(mine(tokenSums, { [typeL]: 'input' }))),
          outputTokens: histogram(mine(tokenBuckets, { [typeL]: 'output' }), total(mine(tokenSums, { [typeL]: 'output' }))),
          custom: Object.fromEntries(custom.filter((c) => c.arm === side).map((c) => [c.name, c.value])),
        };
      };
      const data: AgentTelemetry = { control: arm('control'), candidate: arm('candidate') };
      return data;
    },
  };
}

/** The label matchers of one agent's canary; values are escaped as PromQL strings. */
function selectorFor(q: TelemetryQuery): string {
  return [
    `${promLabel(ATTR.agent)}=${promString(q.agent.name)}`,
    `${promLabel(ATTR.migration)}=${promString(q.migration)}`,
    `${promLabel(ATTR.arm)}=~"control|candidate"`,
  ].join(',');
}

/** Fills `{{agent}}`, `{{arm}}`, `{{migration}}` and `{{window}}`; values are names the schema restricts, so they cannot break out of a label string. */
export function fillTemplate(template: string, values: Record<'agent' | 'arm' | 'migration' | 'window', string>): string {
  return template.replace(/\{\{\s*(agent|arm|migration|window)\s*\}\}/g, (_, key: keyof typeof values) => values[key]);
}

function promString(value: string): string {
  return JSON.stringify(value);
}

function total(samples: Sample[]): number {
  return samples.reduce((acc, s) => acc + (Number.isFinite(s.value) ? s.value : 0), 0);
}

/** Cumulative `le` buckets → per-bucket counts; undefined when the histogram has no observations. */
function histogram(buckets: Sample[], sum: number): Distribution | undefined {
  const byBound = new Map<number, number>();
  for (const b of buckets) {
    const le = b.labels.le === '+Inf' ? Infinity : Number(b.labels.le);
    if (!Number.isNaN(le)) byBound.set(le, (byBound.get(le) ?? 0) + b.value);
  }
  const bounds = [...byBound.keys()].sort((a, b) => a - b);
  if (bounds.length === 0 || bounds.at(-1) !== Infinity) return undefined;
  const cumulative = bounds.map((b) => byBound.get(b)!);
  // increase() extrapolates each bucket on its own, so rounding keeps counts whole and monotone.
  const counts = cumulative.map((c, i) => Math.max(0, Math.round(c) - (i === 0 ? 0 : Math.round(cumulative[i - 1]!))));
  if (counts.every((c) => c === 0)) return undefined;
  return { kind: 'histogram', bounds: bounds.slice(0, -1), counts, sum };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
