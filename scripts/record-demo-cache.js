// Fills examples/.modelshift/cache with the hand-written answers of demo-answers.js,
// through the real eval pipeline and the real SDK clients pointed at a local server,
// so the cache keys are exactly those `modelshift eval --offline` looks up.
// Run after `npm run build`: node scripts/record-demo-cache.js
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computePlan } from '../dist/src/commands/plan.js';
import { pairsOf } from '../dist/src/commands/eval.js';
import { runEvaluation } from '../dist/src/eval/index.js';
import { createClient } from '../dist/src/llm/index.js';
import { repairCommand } from '../dist/src/commands/repair.js';
import { ANSWERS, LATENCY_MS, ORDER_DESK_ANSWERS, PROPOSALS } from './demo-answers.js';

const examples = fileURLToPath(new URL('../examples', import.meta.url));

function answerFor(model, instructions, lastUser) {
  if (PROPOSALS[model]) return PROPOSALS[model];
  const entry = ANSWERS[model]?.[lastUser] ?? ORDER_DESK_ANSWERS[model]?.[lastUser];
  if (entry === undefined) throw new Error(`no demo answer for ${model}: ${lastUser}`);
  if (typeof entry === 'string') return entry;
  const key = Object.keys(entry).find((phrase) => phrase !== 'default' && instructions.includes(phrase));
  return entry[key ?? 'default'];
}

const tokens = (text) => Math.ceil(text.length / 4);

const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    const body = JSON.parse(raw);
    const anthropic = req.url.endsWith('/messages');
    const system = anthropic ? (typeof body.system === 'string' ? body.system : (body.system ?? []).map((b) => b.text).join('')) : (body.messages.find((m) => m.role === 'system')?.content ?? '');
    const last = body.messages.filter((m) => m.role === 'user').at(-1);
    const lastText = typeof last.content === 'string' ? last.content : last.content.map((b) => b.text).join('');
    const text = answerFor(body.model, system, lastText);
    const usage = { input: tokens(raw), output: tokens(text) };
    const reply = anthropic
      ? { id: 'msg_demo', type: 'message', role: 'assistant', model: body.model, content: [{ type: 'text', text }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: usage.input, output_tokens: usage.output } }
      : { id: 'chatcmpl-demo', object: 'chat.completion', created: 0, model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output } };
    const jitter = 0.75 + ((lastText.length * 7919) % 50) / 100;
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    }, Math.round(LATENCY_MS[body.model] * jitter));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const local = `http://127.0.0.1:${server.address().port}`;

const ctx = { cwd: examples, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, now: new Date() };
const first = await computePlan(ctx, 'gpt-4.1-to-gpt-5.1');
const cacheDir = path.resolve(first.workspace.root, first.workspace.config.value.spec.eval.cacheDir);
await rm(cacheDir, { recursive: true, force: true });

for (const name of ['gpt-4.1-to-gpt-5.1', 'gpt-4o-to-claude-sonnet-5-5']) {
  const { plan, workspace } = await computePlan(ctx, name);
  const rule = workspace.migrations.get(name).value;
  const report = await runEvaluation({
    pairs: pairsOf(plan, workspace),
    suites: rule.spec.eval.suites.map((s) => workspace.evalSuites.get(s).value),
    providers: [...workspace.providers.values()].map((p) => p.value),
    gate: rule.spec.eval.gate,
    catalog: workspace.catalog,
    clientFor: (provider) =>
      createClient({ ...provider, spec: { ...provider.spec, baseURL: provider.spec.type === 'anthropic' ? local : `${local}/v1` } }, { apiKey: 'demo' }, { timeoutMs: 10_000, maxRetries: 0 }),
    cacheDir,
    concurrency: 8,
  });
  process.stdout.write(`${name}: ${report.calls} answers recorded\n`);
}

// examples-repair/: the real repair command, proposer included. Its provider names no baseURL (the cache
// keys must be those of the real API), so for this part the SDKs' fetch is sent to the local server.
const repairDir = fileURLToPath(new URL('../examples-repair', import.meta.url));
await rm(path.join(repairDir, '.modelshift/cache'), { recursive: true, force: true });
const realFetch = globalThis.fetch;
globalThis.fetch = (url, init) => realFetch(String(url).replace('https://api.openai.com', local), init);
let out = '';
const repaired = await repairCommand({ ...ctx, cwd: repairDir, env: { OPENAI_API_KEY: 'demo' }, stdout: (text) => (out += text) }, { migration: 'order-desk-to-gpt-5.1', format: 'json' });
globalThis.fetch = realFetch;
const report = JSON.parse(out);
process.stdout.write(`order-desk-to-gpt-5.1: repair ${report.verdict} (exit ${repaired.exitCode}), ${report.split.trainCases} training / ${report.split.holdoutCases} held-out cases\n`);
server.close();
