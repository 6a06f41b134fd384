// Writes examples-canary/telemetry/genai.jsonl: a day of a canary's production telemetry as the
// OpenTelemetry Collector's file exporter writes it (OTLP/JSON, one TracesData or MetricsData object a
// line). Seeded, so running it again writes the same bytes.
//
//   node scripts/demo-telemetry.js
//
// sales-email-drafter reports GenAI spans: both arms err 1 % of the time, the candidate is a little slower.
// sales-lead-qualifier reports only the GenAI metrics (cumulative histograms): its candidate errs 5 % of
// the time against 1 %, which `modelshift analyze` fails.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const END = Date.parse('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const MIGRATION = 'gpt-4o-to-claude-sonnet-5-5';
const MODELS = { control: 'gpt-4o', candidate: 'claude-sonnet-5-5' };
const PROVIDERS = { control: 'openai', candidate: 'anthropic' };
const DURATION_BOUNDS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];
const TOKEN_BOUNDS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

let state = 20261201;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const logNormal = (median, sigma) => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
const nanos = (ms) => `${BigInt(Math.round(ms)) * 1_000_000n}`;
const hex = (n, width) => n.toString(16).padStart(width, '0');
const kv = (attrs) =>
  Object.entries(attrs).map(([key, value]) => ({ key, value: typeof value === 'number' ? { intValue: String(value) } : { stringValue: value } }));
const resource = { attributes: kv({ 'service.name': 'sales-api', 'deployment.environment.name': 'production' }) };
const tags = (agent, arm) => ({ 'gen_ai.agent.name': agent, 'gen_ai.provider.name': PROVIDERS[arm], 'gen_ai.request.model': MODELS[arm], 'modelshift.migration': MIGRATION, 'modelshift.arm': arm });

function spanLines() {
  const spans = [];
  let id = 0;
  const arms = { control: { calls: 900, median: 1.1 }, candidate: { calls: 260, median: 1.15 } };
  for (const [arm, { calls, median }] of Object.entries(arms)) {
    // A few from the day before: outside the 24 h window, they must not count.
    for (let i = 0; i < calls + 20; i++) {
      const end = i < 20 ? END - 30 * HOUR + i * 60_000 : END - random() * 23.9 * HOUR;
      const seconds = logNormal(median, 0.35);
      const failed = random() < 0.01;
      const attrs = { 'gen_ai.operation.name': 'chat', ...tags('sales-email-drafter', arm) };
      if (failed) attrs['error.type'] = '529';
      else Object.assign(attrs, { 'gen_ai.usage.input_tokens': 550 + Math.floor(random() * 100), 'gen_ai.usage.output_tokens': 150 + Math.floor(random() * 60) });
      id++;
      spans.push({
        traceId: hex(id, 32),
        spanId: hex(id, 16),
        name: `chat ${MODELS[arm]}`,
        kind: 3,
        startTimeUnixNano: nanos(end - seconds * 1000),
        endTimeUnixNano: nanos(end),
        attributes: kv(attrs),
        status: failed ? { code: 2, message: 'overloaded' } : {},
      });
    }
  }
  const lines = [];
  // The Collector's batch processor writes a few hundred spans a line.
  for (let i = 0; i < spans.length; i += 200) {
    lines.push({ resourceSpans: [{ resource, scopeSpans: [{ scope: { name: '@opentelemetry/instrumentation-openai' }, spans: spans.slice(i, i + 200) }] }] });
  }
  return lines;
}

function histogram(values, bounds) {
  const counts = bounds.map(() => 0).concat(0);
  for (const v of values) {
    const i = bounds.findIndex((b) => v <= b);
    counts[i === -1 ? bounds.length : i]++;
  }
  return { count: String(values.length), sum: values.reduce((a, b) => a + b, 0), bucketCounts: counts.map(String), explicitBounds: bounds };
}

function metricLines() {
  const seriesStart = END - 72 * HOUR;
  const arms = { control: { before: 2400, inside: 2600, errorRate: 0.01 }, candidate: { before: 0, inside: 300, errorRate: 0.05 } };
  const points = () => ({ ok: [], failed: [], input: [], output: [] });
  const line = (time, cumulative) => {
    const duration = [];
    const tokens = [];
    for (const [arm, data] of Object.entries(cumulative)) {
      const base = { ...tags('sales-lead-qualifier', arm), 'gen_ai.operation.name': 'chat' };
      const stamp = { startTimeUnixNano: nanos(arm === 'candidate' ? END - 20 * HOUR : seriesStart), timeUnixNano: nanos(time) };
      duration.push({ attributes: kv(base), ...stamp, ...histogram(data.ok, DURATION_BOUNDS) });
      duration.push({ attributes: kv({ ...base, 'error.type': '529' }), ...stamp, ...histogram(data.failed, DURATION_BOUNDS) });
      tokens.push({ attributes: kv({ ...base, 'gen_ai.token.type': 'input' }), ...stamp, ...histogram(data.input, TOKEN_BOUNDS) });
      tokens.push({ attributes: kv({ ...base, 'gen_ai.token.type': 'output' }), ...stamp, ...histogram(data.output, TOKEN_BOUNDS) });
    }
    return {
      resourceMetrics: [
        {
          resource,
          scopeMetrics: [
            {
              scope: { name: 'sales-api' },
              metrics: [
                { name: 'gen_ai.client.operation.duration', unit: 's', histogram: { dataPoints: duration, aggregationTemporality: 2 } },
                { name: 'gen_ai.client.token.usage', unit: '{token}', histogram: { dataPoints: tokens, aggregationTemporality: 2 } },
              ],
            },
          ],
        },
      ],
    };
  };
  const cumulative = { control: points(), candidate: points() };
  const calls = (arm, n, errorRate) => {
    for (let i = 0; i < n; i++) {
      const seconds = logNormal(0.7, 0.3);
      if (random() < errorRate) cumulative[arm].failed.push(seconds);
      else {
        cumulative[arm].ok.push(seconds);
        cumulative[arm].input.push(300 + Math.floor(random() * 80));
        cumulative[arm].output.push(40 + Math.floor(random() * 30));
      }
    }
  };
  // One export before the window (its counts are subtracted), one near its end.
  for (const [arm, spec] of Object.entries(arms)) calls(arm, spec.before, spec.errorRate);
  const before = line(END - 25 * HOUR, { control: cumulative.control });
  for (const [arm, spec] of Object.entries(arms)) calls(arm, spec.inside, spec.errorRate);
  return [before, line(END - 5 * 60_000, cumulative)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('../examples-canary/telemetry/genai.jsonl', import.meta.url));
  mkdirSync(fileURLToPath(new URL('../examples-canary/telemetry/', import.meta.url)), { recursive: true });
  writeFileSync(out, `${[...spanLines(), ...metricLines()].map((l) => JSON.stringify(l)).join('\n')}\n`);
  process.stdout.write(`wrote ${out}\n`);
}
