import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Distribution } from '../analysis/distribution.js';
import type { AgentTelemetry, Arm, ArmTelemetry } from '../analysis/types.js';
import { ExternalError, UsageError } from '../errors.js';
import type { TelemetrySource as SourceConfig } from '../schema/index.js';
import { ATTR, METRIC } from './attributes.js';
import { attributeMap, isDelta, isErrorStatus, nanosBetween, nanosToMs, type OtlpHistogramPoint, type OtlpLine } from './otlp-json.js';
import type { SourceDeps, TelemetryQuery, TelemetrySource } from './source.js';

type OtlpFileConfig = Extract<SourceConfig, { type: 'otlp-file' }>;

/**
 * An OpenTelemetry Collector file exporter's output. GenAI spans give every
 * call (arm, error, latency, tokens); where an agent has no spans, the GenAI
 * histograms of `resourceMetrics` stand in. Only spans that ended inside the
 * window, and the part of a cumulative histogram accrued inside it, count.
 * The file is read once per run, line by line.
 */
export function otlpFileSource(config: OtlpFileConfig, deps: SourceDeps): TelemetrySource {
  const file = path.resolve(deps.root, config.path);
  const relative = path.relative(deps.root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UsageError(`spec.telemetry.path ${config.path} is outside the workspace`, 'put the telemetry file inside the workspace, e.g. telemetry/genai.jsonl');
  }
  let lines: Promise<OtlpLine[]> | undefined;
  return {
    location: config.path,
    async fetch(q) {
      lines ??= readLines(file, config.path);
      return fromLines(await lines, q);
    },
  };
}

async function readLines(file: string, shown: string): Promise<OtlpLine[]> {
  const out: OtlpLine[] = [];
  let pending: { line: number; error: string } | undefined;
  try {
    const reader = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const text of reader) {
      n++;
      // Only the last line may be cut short (the Collector appends while we read): a bad line before it is an error.
      if (pending) throw new ExternalError(`${shown}:${pending.line}: not a JSON line: ${pending.error}`, { hint: 'the file should hold the Collector file exporter\'s OTLP/JSON output, one object a line' });
      if (text.trim() === '') continue;
      try {
        out.push(JSON.parse(text) as OtlpLine);
      } catch (error) {
        pending = { line: n, error: (error as Error).message };
      }
    }
  } catch (error) {
    if (error instanceof ExternalError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExternalError(`cannot read ${shown}: ${(error as Error).message}`, { cause: error, hint: code === 'ENOENT' ? 'point spec.telemetry.path at the Collector file exporter\'s output' : 'check the file permissions' });
  }
  return out;
}

/** The telemetry of one agent from parsed lines. Pure. */
export function fromLines(lines: readonly OtlpLine[], q: TelemetryQuery): AgentTelemetry {
  const endMs = q.end.getTime();
  const startMs = endMs - q.windowSeconds * 1000;
  const arms = { control: emptyCalls(), candidate: emptyCalls() };
  const armOf = (attrs: Record<string, string | number | boolean>): Arm | undefined => {
    if (attrs[ATTR.agent] !== q.agent.name) return undefined;
    const migration = attrs[ATTR.migration];
    if (migration !== undefined && migration !== q.migration) return undefined;
    const arm = attrs[ATTR.arm];
    if (arm === 'control' || arm === 'candidate') return arm;
    // Without modelshift.arm the model tells the arms apart, when the two differ.
    const model = attrs[ATTR.model];
    if (q.agent.control.name === q.agent.candidate.name) return undefined;
    return model === q.agent.candidate.name ? 'candidate' : model === q.agent.control.name ? 'control' : undefined;
  };

  let spans = 0;
  const histograms: Array<{ arm: Arm; metric: string; tokenType: unknown; point: OtlpHistogramPoint; delta: boolean; errored: boolean }> = [];
  for (const line of lines) {
    for (const rs of line.resourceSpans ?? []) {
      for (const ss of rs.scopeSpans ?? []) {
        for (const span of ss.spans ?? []) {
          const attrs = attributeMap(span.attributes);
          const arm = armOf(attrs);
          const end = nanosToMs(span.endTimeUnixNano);
          if (arm === undefined || end === undefined || end < startMs || end > endMs || span.startTimeUnixNano === undefined) continue;
          spans++;
          const calls = arms[arm];
          calls.latency.push(nanosBetween(span.startTimeUnixNano, span.endTimeUnixNano!));
          if (isErrorStatus(span.status?.code) || attrs[ATTR.errorType] !== undefined) calls.errors++;
          const input = attrs[ATTR.inputTokens];
          const output = attrs[ATTR.outputTokens];
          if (typeof input === 'number') calls.input.push(input);
          if (typeof output === 'number') calls.output.push(output);
        }
      }
    }
    for (const rm of line.resourceMetrics ?? []) {
      for (const sm of rm.scopeMetrics ?? []) {
        for (const metric of sm.metrics ?? []) {
          if ((metric.name !== METRIC.duration && metric.name !== METRIC.tokens) || !metric.histogram) continue;
          for (const point of metric.histogram.dataPoints ?? []) {
            const attrs = attributeMap(point.attributes);
            const arm = armOf(attrs);
            if (arm === undefined) continue;
            histograms.push({ arm, metric: metric.name, tokenType: attrs[ATTR.tokenType], point, delta: isDelta(metric.histogram.aggregationTemporality), errored: attrs[ATTR.errorType] !== undefined });
          }
        }
      }
    }
  }

  if (spans > 0 || histograms.length === 0) {
    const arm = (side: Arm): ArmTelemetry => {
      const c = arms[side];
      return {
        calls: c.latency.length,
        errors: c.errors,
        latency: { kind: 'samples', values: c.latency },
        inputTokens: { kind: 'samples', values: c.input },
        outputTokens: { kind: 'samples', values: c.output },
        custom: {},
      };
    };
    return { control: arm('control'), candidate: arm('candidate') };
  }

  const arm = (side: Arm): ArmTelemetry => {
    const mine = histograms.filter((h) => h.arm === side);
    const duration = mine.filter((h) => h.metric === METRIC.duration);
    const latency = windowed(duration, startMs, endMs);
    const errors = windowed(duration.filter((h) => h.errored), startMs, endMs);
    const tokens = (type: string) => windowed(mine.filter((h) => h.metric === METRIC.tokens && h.tokenType === type), startMs, endMs);
    return {
      calls: latency ? countOf(latency) : 0,
      errors: errors ? countOf(errors) : 0,
      latency,
      inputTokens: tokens('input'),
      outputTokens: tokens('output'),
      custom: {},
    };
  };
  return { control: arm('control'), candidate: arm('candidate') };
}

function emptyCalls() {
  return { errors: 0, latency: [] as number[], input: [] as number[], output: [] as number[] };
}

function countOf(d: Extract<Distribution, { kind: 'histogram' }>): number {
  return d.counts.reduce((a, b) => a + b, 0);
}

interface Point {
  /** The series' start (startTimeUnixNano), ms. */
  began: number;
  time: number;
  bounds: readonly number[];
  counts: number[];
  sum: number;
}

/**
 * What the histogram points accrued inside (start, end]. Delta points add up
 * when they end inside the window. Cumulative points are kept per series
 * (attributes and start time): the last one inside the window minus the last
 * one at or before its start (nothing, when the series began inside it).
 */
function windowed(points: ReadonlyArray<{ point: OtlpHistogramPoint; delta: boolean }>, startMs: number, endMs: number): Extract<Distribution, { kind: 'histogram' }> | undefined {
  const series = new Map<string, Point[]>();
  const deltas: Point[] = [];
  for (const { point, delta } of points) {
    const time = nanosToMs(point.timeUnixNano);
    if (time === undefined || time > endMs) continue;
    const p: Point = { began: nanosToMs(point.startTimeUnixNano) ?? 0, time, bounds: point.explicitBounds ?? [], counts: (point.bucketCounts ?? []).map(Number), sum: point.sum ?? 0 };
    if (p.counts.length !== p.bounds.length + 1) continue;
    if (delta) {
      if (time > startMs) deltas.push(p);
      continue;
    }
    const key = JSON.stringify([point.attributes ?? [], String(point.startTimeUnixNano ?? '')]);
    series.set(key, [...(series.get(key) ?? []), p]);
  }
  const parts: Point[] = [...deltas];
  for (const list of series.values()) {
    const sorted = list.sort((a, b) => a.time - b.time);
    const last = sorted.at(-1)!;
    if (last.time <= startMs) continue;
    // The baseline: the last point at or before the window's start; for a series that began earlier but
    // has no point there, its first point inside (what accrued before that point cannot be told apart).
    const began = list[0]!.began;
    const before = sorted.filter((p) => p.time <= startMs).at(-1) ?? (began < startMs ? sorted[0] : undefined);
    parts.push(before ? { ...last, counts: last.counts.map((c, i) => c - (before.counts[i] ?? 0)), sum: last.sum - before.sum } : last);
  }
  const bounds = parts[0]?.bounds;
  if (bounds === undefined) return undefined;
  const same = parts.filter((p) => p.bounds.length === bounds.length && p.bounds.every((b, i) => b === bounds[i]));
  const counts = bounds.map(() => 0).concat(0);
  let sum = 0;
  for (const p of same) {
    p.counts.forEach((c, i) => (counts[i]! += c));
    sum += p.sum;
  }
  if (counts.every((c) => c === 0)) return undefined;
  return { kind: 'histogram', bounds, counts, sum };
}
