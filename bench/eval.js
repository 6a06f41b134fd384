// Eval runner throughput: 500 cases × 2 configs (1,000 calls) against a local
// OpenAI-shaped server that answers after 50 ms, at concurrency 20 on one
// provider: in-process (without start) and as the CLI `modelshift eval` in a
// fresh process, timed from spawn to exit (with start).
// Baselines in the same run: the same calls through the openai SDK alone, and
// over bare node:http (what any client reaches on this machine), each both in
// this process and as a fresh process of its own, timed as the CLI is: what a
// command that starts Node and makes these calls cannot go below.
// The floor is N·L/C; the runner's overhead is the ratio to it. A second,
// unchanged run must make no call at all. The server runs in a child process,
// as a real API would, so its CPU time does not count against the client.
//
//   npm run build && node bench/eval.js
import { fork, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bareCalls } from './eval-bare.js';

const CASES = 500;
const LATENCY_MS = 50;
const CONCURRENCY = 20;

if (process.argv[2] === '--server') serve();
else await bench();

function serve() {
  let requests = 0;
  let firstAt;
  const server = createServer((req, res) => {
    firstAt ??= Date.now();
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: `chatcmpl-${requests}`,
            object: 'chat.completion',
            created: 0,
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content: `answer to ${body.messages.at(-1).content}` }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 },
          }),
        );
      }, LATENCY_MS);
    });
  });
  process.on('message', (m) => {
    process.send({ requests, firstAt });
    if (m === 'reset-first') firstAt = undefined;
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
}

async function bench() {
  const { runEvaluation } = await import('../dist/src/eval/index.js');
  const { createClient } = await import('../dist/src/llm/index.js');
  const child = fork(fileURLToPath(import.meta.url), ['--server']);
  const ask = () => new Promise((resolve) => child.once('message', resolve));
  const { port } = await ask();
  const serverState = async (message) => {
    const answer = ask();
    child.send(message);
    return answer;
  };
  const serverRequests = async () => (await serverState('count')).requests;

  const provider = { apiVersion: 'modelshift.dev/v1', kind: 'Provider', metadata: { name: 'bench' }, spec: { type: 'openai', baseURL: `http://127.0.0.1:${port}/v1`, apiKeyEnv: 'BENCH_KEY' } };
  const agent = (model) => ({
    apiVersion: 'modelshift.dev/v1',
    kind: 'Agent',
    metadata: { name: 'bench-agent' },
    spec: { model: { provider: 'bench', name: model, params: { max_tokens: 100 } }, instructions: 'Answer.' },
  });
  const suite = (prefix, count) => ({
    apiVersion: 'modelshift.dev/v1',
    kind: 'EvalSuite',
    metadata: { name: 'bench' },
    spec: { repeat: 1, cases: Array.from({ length: count }, (_, i) => ({ name: `case ${i}`, input: `${prefix} ${i}`, assert: [{ type: 'contains', value: 'answer' }] })) },
  });
  const cacheDir = await mkdtemp(join(tmpdir(), 'modelshift-bench-'));
  const options = {
    pairs: [{ agent: 'bench-agent', base: { agent: agent('gpt-4.1'), provider }, head: { agent: agent('gpt-5.1'), provider } }],
    suites: [suite('question', CASES)],
    providers: [provider],
    catalog: { lookup: () => undefined },
    clientFor: (p) => createClient(p, { apiKey: 'bench-key' }, { timeoutMs: 30_000, maxRetries: 2 }),
    cacheDir,
    concurrency: CONCURRENCY,
  };
  const calls = CASES * 2;
  const floor = (calls * LATENCY_MS) / CONCURRENCY;
  const line = (label, count, wall) =>
    console.log(`${label}: ${count} calls in ${wall.toFixed(0)} ms, floor N·L/C = ${calls}·${LATENCY_MS}/${CONCURRENCY} = ${floor} ms, ratio ${(wall / floor).toFixed(3)}`);
  const measure = async (label, opts) => {
    const started = performance.now();
    const report = await runEvaluation(opts);
    const wall = performance.now() - started;
    line(label, report.calls, wall);
    return wall;
  };

  // The same calls straight through the SDK (HTTP, JSON and the SDK's own work, which the
  // runner also does), and over bare node:http, no SDK: what any client reaches on this
  // machine and server (the server's timers, the loopback, JSON both ways).
  const alone = async (label, kind) => {
    const started = performance.now();
    await bareCalls(kind, provider.spec.baseURL, calls, CONCURRENCY);
    const wall = performance.now() - started;
    line(label, calls, wall);
    return wall;
  };

  try {
    // Cold: includes loading and JIT-compiling the SDK and opening the connections, once per process.
    await measure('cold run ', { ...options, suites: [suite('cold', CASES)] });
    const bare = await alone('node:http', 'http');
    const baseline = await alone('SDK alone', 'sdk');
    const wall = await measure('warm run ', options);
    console.log(`           runner / floor ${(wall / floor).toFixed(3)} (target ≤ 1.15), runner / SDK alone ${(wall / baseline).toFixed(3)}, runner / node:http ${(wall / bare).toFixed(3)}`);

    // With start: the whole CLI in a new process, workspace load and all, cache emptied each time;
    // taken in turns with the two bare processes, so the machine's load falls on all three alike.
    const ws = await cliWorkspace(port);
    const runs = { cli: [], http: [], sdk: [] };
    const firsts = [];
    for (let i = 0; i < 3; i++) {
      await rm(join(ws, '.modelshift'), { recursive: true, force: true });
      await serverState('reset-first');
      const spawned = Date.now();
      runs.cli.push(await timedCli(ws));
      firsts.push((await serverState('count')).firstAt - spawned);
      runs.http.push(await timedBare('http', provider.spec.baseURL));
      runs.sdk.push(await timedBare('sdk', provider.spec.baseURL));
    }
    const median = (walls) => [...walls].sort((a, b) => a - b)[1];
    const withStart = (label, walls) =>
      console.log(`${label}: ${calls} calls, runs ${walls.map((ms) => ms.toFixed(0)).join(', ')} ms; median ratio ${(median(walls) / floor).toFixed(3)}, best ${(Math.min(...walls) / floor).toFixed(3)}`);
    withStart('node:http process ', runs.http);
    withStart('SDK process       ', runs.sdk);
    withStart('CLI (with start)  ', runs.cli);
    console.log(`                   target ≤ 1.10; CLI / node:http process ${(median(runs.cli) / median(runs.http)).toFixed(3)}, CLI / SDK process ${(median(runs.cli) / median(runs.sdk)).toFixed(3)}`);
    console.log(`                   first request reached the server ${firsts.map((ms) => ms.toFixed(0)).join(', ')} ms after spawn`);
    // Once more with a module counter preloaded (not timed: the loader hook slows start-up).
    await rm(join(ws, '.modelshift'), { recursive: true, force: true });
    const counted = await timedCli(ws, ['--import', fileURLToPath(new URL('./count-modules.js', import.meta.url))]);
    console.log(`                  ${counted.stderr.trim().split('\n').at(-1)}`);
    await rm(ws, { recursive: true, force: true });

    const before = await serverRequests();
    const started = performance.now();
    const second = await runEvaluation(options);
    const seen = (await serverRequests()) - before;
    console.log(`re-run   : ${second.calls} API calls (server saw ${seen}), ${second.cached} from cache, ${(performance.now() - started).toFixed(0)} ms (target 0 calls)`);
  } finally {
    console.log(`load average (1 min): ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
    child.kill();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** A workspace of one agent on gpt-4.1, a migration to gpt-5.1 and a suite of CASES cases, on the local server. */
async function cliWorkspace(port) {
  const ws = await mkdtemp(join(tmpdir(), 'modelshift-bench-eval-ws-'));
  const write = async (rel, text) => {
    await mkdir(join(ws, rel, '..'), { recursive: true });
    await writeFile(join(ws, rel), text);
  };
  await write('modelshift.yaml', `apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: bench }\nspec:\n  eval: { concurrency: ${CONCURRENCY} }\n`);
  await write('providers/bench.yaml', `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: bench }\nspec: { type: openai, baseURL: "http://127.0.0.1:${port}/v1", apiKeyEnv: BENCH_KEY }\n`);
  await write('agents/bench.yaml', 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: bench-agent }\nspec:\n  model: { provider: bench, name: gpt-4.1, params: { max_tokens: 100 } }\n  instructions: Answer.\n');
  await write('migrations/m.yaml', 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: m }\nspec:\n  from: { provider: bench, model: gpt-4.1 }\n  to: { provider: bench, model: gpt-5.1 }\n  params: { rename: { max_tokens: max_completion_tokens } }\n  eval: { suites: [bench] }\n');
  const cases = Array.from({ length: CASES }, (_, i) => `    - { name: "case ${i}", input: "cli ${i}", assert: [{ type: contains, value: answer }] }`).join('\n');
  await write('evals/bench.yaml', `apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata: { name: bench }\nspec:\n  agents: { names: [bench-agent] }\n  cases:\n${cases}\n`);
  return ws;
}

/** bench/eval-bare.js as a fresh process, timed from spawn to exit. */
function timedBare(kind, baseURL) {
  const script = fileURLToPath(new URL('./eval-bare.js', import.meta.url));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, kind, baseURL, String(CASES * 2), String(CONCURRENCY)], { stdio: ['ignore', 'ignore', 'inherit'] });
    proc.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`bench/eval-bare.js ${kind} exited ${code}`))));
  });
}

function timedCli(ws, nodeFlags) {
  const cli = fileURLToPath(new URL('../bin/modelshift.js', import.meta.url));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...(nodeFlags ?? []), cli, 'eval', 'm', '-C', ws, '--format', 'json'], { env: { PATH: process.env.PATH, BENCH_KEY: 'bench-key' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (c) => (out += c));
    proc.stderr.on('data', (c) => (err += c));
    proc.on('exit', (code) => {
      const wall = performance.now() - started;
      if (code !== 0 && code !== 1) return reject(new Error(`eval exited ${code}: ${err}`));
      const report = JSON.parse(out);
      if (report.calls !== CASES * 2) return reject(new Error(`eval made ${report.calls} calls, expected ${CASES * 2}: ${err}`));
      resolve(nodeFlags ? { wall, stderr: err } : wall);
    });
  });
}
