// Benchmark of `modelshift validate` on a generated workspace of N agents,
// against a bare single-threaded Node loop that reads and yaml.parses the same
// files. Both run as separate node processes so startup counts on both sides.
//
//   npm run build && node bench/validate.js [agents=10000] [runs=5]
//
// The two commands alternate, and the best and median of each are printed:
// on a shared machine the best run is the one least disturbed by others.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const agents = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
if (!Number.isInteger(agents) || agents < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/validate.js [agents] [runs]');
  process.exit(2);
}
if (!existsSync(path.join(repo, 'dist/src/cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

const TEAMS = 50;
// Two providers, five models, none retired; gpt-4.1 retires within 90 days of
// late 2026, so a fifth of the agents also produce a warning, as in real repos.
const MODELS = [
  { provider: 'openai', name: 'gpt-4.1', params: 'temperature: 0.2\n      max_tokens: 800' },
  { provider: 'openai', name: 'gpt-5.1', params: 'max_completion_tokens: 1200\n      reasoning_effort: low' },
  { provider: 'openai', name: 'gpt-5.2', params: 'max_completion_tokens: 1500' },
  { provider: 'anthropic', name: 'claude-sonnet-4-6', params: 'max_tokens: 1024\n      temperature: 0.3' },
  { provider: 'anthropic', name: 'claude-haiku-4-5', params: 'max_tokens: 512' },
];
const modeline = (kind) => `# yaml-language-server: $schema=https://raw.githubusercontent.com/modelshift/modelshift/main/schemas/${kind}.schema.json\n`;

function agentYaml(i) {
  const team = `team-${String(i % TEAMS).padStart(2, '0')}`;
  const model = MODELS[i % MODELS.length];
  return `${modeline('agent')}apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: ${team}-agent-${i}
  labels: { team: ${team}, tier: ${i % 3 === 0 ? 'prod' : 'staging'} }
  owners: ["@acme/${team}"]
  description: Generated agent number ${i} for the validate benchmark
spec:
  model:
    provider: ${model.provider}   # the connection in providers/
    name: ${model.name}
    params:
      ${model.params}
  instructions: |
    You are agent ${i} of ${team}. Answer the customer's question briefly.
    Look the order up before you promise anything, and never invent a tracking number.
    If the customer is angry, apologise once and move on to the fix.
  tools:
    # Order lookups go through the internal API gateway.
    - name: lookup_order
      description: Look up an order by id
      parameters:
        type: object
        properties:
          id: { type: string, description: "The order id, e.g. 1182" }
        required: [id]
    - name: refund
      description: Refund part or all of an order
      parameters:
        type: object
        properties:
          id: { type: string }
          amount: { type: number, minimum: 0 }
        required: [id, amount]
`;
}

function generate(dir) {
  const write = (rel, text) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  write('modelshift.yaml', `${modeline('workspace')}apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata:\n  name: bench\nspec:\n  eval: { concurrency: 8 }\n`);
  write('providers/openai.yaml', `${modeline('provider')}apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata:\n  name: openai\nspec:\n  type: openai\n  apiKeyEnv: OPENAI_API_KEY\n`);
  write('providers/anthropic.yaml', `${modeline('provider')}apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata:\n  name: anthropic\nspec:\n  type: anthropic\n  apiKeyEnv: ANTHROPIC_API_KEY\n`);
  write('migrations/gpt-4.1-to-gpt-5.1.yaml', `${modeline('migration')}apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata:\n  name: gpt-4.1-to-gpt-5.1\nspec:\n  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n  params:\n    rename: { max_tokens: max_completion_tokens }\n    drop: [temperature]\n  eval:\n    suites: [smoke]\n`);
  write('evals/smoke.yaml', `${modeline('evalsuite')}apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata:\n  name: smoke\nspec:\n  cases:\n    - name: greets\n      input: "Hello"\n      assert:\n        - { type: max-length, value: 400 }\n`);
  for (let i = 0; i < agents; i++) {
    write(`agents/team-${String(i % TEAMS).padStart(2, '0')}/agent-${String(i).padStart(5, '0')}.yaml`, agentYaml(i));
  }
}

// The baseline: what reading and parsing the files costs with nothing else.
const BASELINE = `
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from ${JSON.stringify(path.join(repo, 'node_modules/yaml/dist/index.js'))};
const dir = process.argv[1];
let docs = 0;
for (const rel of readdirSync(dir, { recursive: true })) {
  if (!/\\.ya?ml$/.test(rel)) continue;
  if (parse(readFileSync(path.join(dir, rel), 'utf8')) !== undefined) docs++;
}
console.log(docs);
`;

function timed(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (result.error) throw result.error;
  return { ms, result };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const dir = mkdtempSync(path.join(tmpdir(), 'modelshift-bench-'));
try {
  const genStart = performance.now();
  generate(dir);
  console.log(`generated ${agents} agents (${TEAMS} teams, ${MODELS.length} models) in ${Math.round(performance.now() - genStart)} ms: ${dir}`);

  const validateMs = [];
  const baselineMs = [];
  for (let run = 0; run < runs; run++) {
    const v = timed(['bin/modelshift.js', 'validate', '-C', dir, '--format', 'json']);
    if (v.result.status !== 0 && v.result.status !== 1) throw new Error(`validate exited ${v.result.status}: ${v.result.stderr}`);
    const report = JSON.parse(v.result.stdout);
    if (report.counts.agents !== agents || report.errors.length) {
      throw new Error(`validate saw ${report.counts.agents} agents and ${report.errors.length} errors; expected ${agents} and none`);
    }
    validateMs.push(v.ms);
    const b = timed(['--input-type=module', '-e', BASELINE, dir]);
    if (b.result.status !== 0) throw new Error(`baseline failed: ${b.result.stderr}`);
    baselineMs.push(b.ms);
  }
  const line = (label, ms) => `${label}: best ${Math.round(Math.min(...ms))} ms, median ${Math.round(median(ms))} ms  [runs: ${ms.map(Math.round).join(', ')}]`;
  console.log(line('validate  (modelshift validate --format json)', validateMs));
  console.log(line('baseline  (single-threaded read + yaml.parse) ', baselineMs));
  const ratio = (pick) => (pick(validateMs) / pick(baselineMs)).toFixed(2);
  console.log(`ratio validate/baseline: best ${ratio((ms) => Math.min(...ms))}, median ${ratio(median)} (target <= 0.70, issue 11)`);
} finally {
  if (process.env.KEEP) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
