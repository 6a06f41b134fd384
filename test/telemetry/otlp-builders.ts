/**
 * Lines as the OpenTelemetry Collector's file exporter writes them: OTLP/JSON
 * (protobuf JSON encoding), one TracesData or MetricsData object a line,
 * 64-bit integers as strings, attributes as typed key/values.
 */
type Value = string | number | boolean;

export function kv(attributes: Record<string, Value>) {
  return Object.entries(attributes).map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? { stringValue: value } : typeof value === 'boolean' ? { boolValue: value } : Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value },
  }));
}

export function nanos(ms: number): string {
  return `${BigInt(Math.round(ms)) * 1_000_000n}`;
}

export interface SpanSpec {
  endMs: number;
  durationMs: number;
  attributes: Record<string, Value>;
  error?: boolean;
}

let ids = 0;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

export function tracesLine(spans: SpanSpec[]): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: kv({ 'service.name': 'sales-api', 'telemetry.sdk.language': 'nodejs' }) },
        scopeSpans: [
          {
            scope: { name: '@opentelemetry/instrumentation-openai', version: '0.5.0' },
            spans: spans.map((s) => ({
              traceId: hex(++ids, 32),
              spanId: hex(ids, 16),
              parentSpanId: '',
              name: `chat ${String(s.attributes['gen_ai.request.model'] ?? '')}`,
              kind: 3,
              startTimeUnixNano: nanos(s.endMs - s.durationMs),
              endTimeUnixNano: nanos(s.endMs),
              attributes: kv({ 'gen_ai.operation.name': 'chat', ...s.attributes }),
              status: s.error ? { code: 2, message: 'upstream error' } : {},
            })),
          },
        ],
      },
    ],
  });
}

export interface HistogramPointSpec {
  attributes: Record<string, Value>;
  startMs: number;
  timeMs: number;
  bounds: number[];
  /** Per bucket, bounds.length + 1. */
  counts: number[];
  sum: number;
}

export function metricsLine(metrics: Array<{ name: string; unit: string; temporality: 1 | 2; points: HistogramPointSpec[] }>): string {
  return JSON.stringify({
    resourceMetrics: [
      {
        resource: { attributes: kv({ 'service.name': 'sales-api' }) },
        scopeMetrics: [
          {
            scope: { name: 'sales-api' },
            metrics: metrics.map((m) => ({
              name: m.name,
              unit: m.unit,
              histogram: {
                dataPoints: m.points.map((p) => ({
                  attributes: kv(p.attributes),
                  startTimeUnixNano: nanos(p.startMs),
                  timeUnixNano: nanos(p.timeMs),
                  count: String(p.counts.reduce((a, b) => a + b, 0)),
                  sum: p.sum,
                  bucketCounts: p.counts.map(String),
                  explicitBounds: p.bounds,
                })),
                aggregationTemporality: m.temporality,
              },
            })),
          },
        ],
      },
    ],
  });
}
