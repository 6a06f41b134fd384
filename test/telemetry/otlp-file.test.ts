import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalError, UsageError } from '../../src/errors.js';
import { fromLines, otlpFileSource } from '../../src/telemetry/otlp-file.js';
import type { OtlpLine } from '../../src/telemetry/otlp-json.js';
import type { TelemetryQuery } from '../../src/telemetry/source.js';
import { DEFAULT_HTTP } from '../../src/sync/target.js';
import { metricsLine, tracesLine } from './otlp-builders.js';

const END = Date.parse('2026-12-01T12:00:00Z');
const MIN = 60_000;
const query: TelemetryQuery = {
  migration: 'gpt-4o-to-claude',
  agent: { name: 'sales-reply', weight: 10, control: { type: 'openai', name: 'gpt-4o' }, candidate: { type: 'anthropic', name: 'claude-sonnet-5-5' } },
  window: '1h',
  windowSeconds: 3600,
  end: new Date(END),
  custom: [],
};
const tagged = (arm: string, extra: Record<string, string | number> = {}) => ({ 'gen_ai.agent.name': 'sales-reply', 'modelshift.migration': 'gpt-4o-to-claude', 'modelshift.arm': arm, ...extra });
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as OtlpLine);

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('otlp-file spans', () => {
  it('counts calls, errors, latency and tokens per arm, only for spans that ended inside the window', () => {
    const lines = parse([
      tracesLine([
        { endMs: END - 5 * MIN, durationMs: 800, attributes: tagged('control', { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 1000, 'gen_ai.usage.output_tokens': 200 }) },
        { endMs: END - 10 * MIN, durationMs: 1200, attributes: tagged('control', { 'gen_ai.usage.input_tokens': 900, 'gen_ai.usage.output_tokens': 100 }), error: true },
        { endMs: END - 1 * MIN, durationMs: 1500, attributes: tagged('candidate', { 'error.type': 'timeout' }) },
        // Outside the window: ended 61 minutes ago, or after its end.
        { endMs: END - 61 * MIN, durationMs: 100, attributes: tagged('candidate') },
        { endMs: END + 1000, durationMs: 100, attributes: tagged('candidate') },
      ]),
      tracesLine([
        // Another agent, another migration: not ours.
        { endMs: END - MIN, durationMs: 100, attributes: { ...tagged('candidate'), 'gen_ai.agent.name': 'support-triage' } },
        { endMs: END - MIN, durationMs: 100, attributes: { ...tagged('candidate'), 'modelshift.migration': 'older-migration' } },
      ]),
    ]);
    const data = fromLines(lines, query);
    expect(data.control).toMatchObject({ calls: 2, errors: 1, latency: { kind: 'samples', values: [0.8, 1.2] }, inputTokens: { values: [1000, 900] }, outputTokens: { values: [200, 100] } });
    expect(data.candidate).toMatchObject({ calls: 1, errors: 1, latency: { values: [1.5] } });
  });

  it('tells the arms apart by model when spans lack modelshift.arm, and cannot when both arms use one model', () => {
    const untagged = (model: string) => ({ endMs: END - MIN, durationMs: 500, attributes: { 'gen_ai.agent.name': 'sales-reply', 'gen_ai.request.model': model } });
    const lines = parse([tracesLine([untagged('gpt-4o'), untagged('claude-sonnet-5-5'), untagged('claude-sonnet-5-5'), untagged('gpt-3.5')])]);
    const data = fromLines(lines, query);
    expect([data.control.calls, data.candidate.calls]).toEqual([1, 2]);
    const sameModel = { ...query, agent: { ...query.agent, candidate: { type: 'openai' as const, name: 'gpt-4o' } } };
    expect(fromLines(lines, sameModel).control.calls).toBe(0);
  });
});

describe('otlp-file metrics', () => {
  const bounds = [0.5, 1, 2, 5];
  const duration = (points: Parameters<typeof metricsLine>[0][0]['points'], temporality: 1 | 2 = 2) => metricsLine([{ name: 'gen_ai.client.operation.duration', unit: 's', temporality, points }]);

  it('takes what cumulative histograms accrued inside the window: last point minus the last before its start', () => {
    const start = END - 3 * 3600_000;
    const lines = parse([
      duration([
        { attributes: tagged('control'), startMs: start, timeMs: END - 2 * 3600_000, bounds, counts: [100, 100, 0, 0, 0], sum: 120 },
        { attributes: tagged('control', { 'error.type': '500' }), startMs: start, timeMs: END - 2 * 3600_000, bounds, counts: [0, 1, 0, 0, 0], sum: 1 },
        // Began before the window with no point before it: its first point inside is the baseline.
        { attributes: tagged('candidate', { 'gen_ai.request.model': 'x' }), startMs: start, timeMs: END - 40 * MIN, bounds, counts: [5, 0, 0, 0, 0], sum: 1 },
      ]),
      duration([
        { attributes: tagged('control'), startMs: start, timeMs: END - 30 * MIN, bounds, counts: [150, 180, 20, 0, 0], sum: 200 },
        { attributes: tagged('control', { 'error.type': '500' }), startMs: start, timeMs: END - 30 * MIN, bounds, counts: [0, 4, 0, 0, 0], sum: 2 },
        { attributes: tagged('candidate', { 'gen_ai.request.model': 'x' }), startMs: start, timeMs: END - 20 * MIN, bounds, counts: [7, 0, 0, 0, 0], sum: 1.4 },
        // A series that began inside the window counts whole.
        { attributes: tagged('candidate'), startMs: END - 50 * MIN, timeMs: END - 10 * MIN, bounds, counts: [10, 20, 30, 0, 0], sum: 90 },
      ]),
    ]);
    const data = fromLines(lines, query);
    expect(data.control.latency).toEqual({ kind: 'histogram', bounds, counts: [50, 83, 20, 0, 0], sum: 81 });
    expect(data.control).toMatchObject({ calls: 153, errors: 3 });
    expect(data.candidate).toMatchObject({ calls: 62, errors: 0, latency: { counts: [12, 20, 30, 0, 0] } });
  });

  it('adds up delta points that ended inside the window, and reads token histograms by gen_ai.token.type', () => {
    const lines = parse([
      duration([
        { attributes: tagged('candidate'), startMs: END - 20 * MIN, timeMs: END - 10 * MIN, bounds, counts: [1, 1, 0, 0, 0], sum: 1 },
        { attributes: tagged('candidate'), startMs: END - 10 * MIN, timeMs: END - 5 * MIN, bounds, counts: [2, 0, 0, 0, 0], sum: 0.5 },
        { attributes: tagged('candidate'), startMs: END - 3 * 3600_000, timeMs: END - 2 * 3600_000, bounds, counts: [9, 0, 0, 0, 0], sum: 1 },
      ], 1),
      metricsLine([{ name: 'gen_ai.client.token.usage', unit: '{token}', temporality: 1, points: [
        { attributes: tagged('candidate', { 'gen_ai.token.type': 'output' }), startMs: END - 20 * MIN, timeMs: END - 10 * MIN, bounds: [100, 1000], counts: [1, 3, 0], sum: 2000 },
        { attributes: tagged('candidate', { 'gen_ai.token.type': 'input' }), startMs: END - 20 * MIN, timeMs: END - 10 * MIN, bounds: [100, 1000], counts: [0, 4, 0], sum: 3000 },
      ] }]),
    ]);
    const data = fromLines(lines, query);
    expect(data.candidate).toMatchObject({ calls: 4, latency: { counts: [3, 1, 0, 0, 0], sum: 1.5 }, outputTokens: { counts: [1, 3, 0], sum: 2000 }, inputTokens: { counts: [0, 4, 0], sum: 3000 } });
  });
});

describe('otlp-file source', () => {
  const source = (root: string, file = 'telemetry/genai.jsonl') => otlpFileSource({ type: 'otlp-file', path: file }, { root, env: {}, http: DEFAULT_HTTP });

  it('reads the file, tolerating a last line the Collector is still writing', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'modelshift-otlp-'));
    const line = tracesLine([{ endMs: END - MIN, durationMs: 500, attributes: tagged('control') }]);
    await writeFile(path.join(dir, 'genai.jsonl'), `${line}\n${line}\n${line.slice(0, 40)}`);
    const data = await source(dir, 'genai.jsonl').fetch(query);
    expect(data.control.calls).toBe(2);
  });

  it('refuses a broken line before the last, a missing file, and a path outside the workspace', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'modelshift-otlp-'));
    const line = tracesLine([{ endMs: END - MIN, durationMs: 500, attributes: tagged('control') }]);
    await writeFile(path.join(dir, 'genai.jsonl'), `${line}\n{"resourceSpans": [\n${line}\n`);
    await expect(source(dir, 'genai.jsonl').fetch(query)).rejects.toThrow(/genai\.jsonl:2: not a JSON line/);
    await expect(source(dir, 'missing.jsonl').fetch(query)).rejects.toBeInstanceOf(ExternalError);
    expect(() => source(dir!, '../elsewhere.jsonl')).toThrow(UsageError);
  });
});
