/**
 * The parts of OTLP/JSON (the protobuf JSON encoding the Collector's file
 * exporter writes, one TracesData or MetricsData object a line) that the
 * analysis reads. 64-bit integers arrive as strings, attributes as
 * `{ key, value: { stringValue | intValue | doubleValue | boolValue } }`.
 * Pure.
 */

export interface OtlpAnyValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
export interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}

export interface OtlpSpan {
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  attributes?: OtlpKeyValue[];
  status?: { code?: number | string };
}

export interface OtlpHistogramPoint {
  attributes?: OtlpKeyValue[];
  startTimeUnixNano?: string | number;
  timeUnixNano?: string | number;
  count?: string | number;
  sum?: number;
  bucketCounts?: Array<string | number>;
  explicitBounds?: number[];
}

export interface OtlpMetric {
  name?: string;
  histogram?: { dataPoints?: OtlpHistogramPoint[]; aggregationTemporality?: number | string };
}

export interface OtlpLine {
  resourceSpans?: Array<{ resource?: { attributes?: OtlpKeyValue[] }; scopeSpans?: Array<{ spans?: OtlpSpan[] }> }>;
  resourceMetrics?: Array<{ resource?: { attributes?: OtlpKeyValue[] }; scopeMetrics?: Array<{ metrics?: OtlpMetric[] }> }>;
}

/** Attributes as a plain record; int64 strings become numbers (token counts fit easily). */
export function attributeMap(attributes: readonly OtlpKeyValue[] | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of attributes ?? []) {
    if (value?.stringValue !== undefined) out[key] = value.stringValue;
    else if (value?.intValue !== undefined) out[key] = Number(value.intValue);
    else if (value?.doubleValue !== undefined) out[key] = value.doubleValue;
    else if (value?.boolValue !== undefined) out[key] = value.boolValue;
  }
  return out;
}

/** Nanoseconds since the epoch → milliseconds, exact enough for a window (BigInt: the nanoseconds exceed 2^53). */
export function nanosToMs(nanos: string | number | undefined): number | undefined {
  if (nanos === undefined || nanos === '') return undefined;
  try {
    return Number(BigInt(nanos) / 1_000_000n);
  } catch {
    return undefined;
  }
}

/** A duration between two nanosecond stamps, in seconds. */
export function nanosBetween(start: string | number, end: string | number): number {
  return Number(BigInt(end) - BigInt(start)) / 1e9;
}

/** OTLP StatusCode: 2 is ERROR (the enum may also arrive by name). */
export function isErrorStatus(code: number | string | undefined): boolean {
  return code === 2 || code === 'STATUS_CODE_ERROR';
}

/** AggregationTemporality: 1 delta, 2 cumulative. */
export function isDelta(temporality: number | string | undefined): boolean {
  return temporality === 1 || temporality === 'AGGREGATION_TEMPORALITY_DELTA';
}
