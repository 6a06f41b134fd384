// Batch eval at scale: 5,000 cases × 2 configs (10,000 calls) on one OpenAI
// provider through `eval`'s batch path (src/batch/), against a local server
// that implements the Batch API's files and batches endpoints and completes
// a batch DELAY_MS after it was created. Prints submissions, polls and wall
// time; the floor is the server's delay (what a batch cannot beat), so the
// ratio wall / floor shows what upload, polling, reading and scoring add.
// A second, unchanged run must make no call and submit nothing.
// The server runs in a child process, as a real API would.
//
//   npm run build && node bench/eval-batch.js
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const CASES = 5_000;
const DELAY_MS = 3_000;
const POLL = { initialMs: 250, maxMs: 1_000 };

if (process.argv[2] === '--server') serve();
else await bench();

function serve() {
  const files = new Map();
  const batches = new Map();
  const counts = { uploads: 0, submissions: 0, polls: 0, downloads: 0 };
  const send = (res, status, body, text) => {
    res.writeHead(status, { 'content-type': text === undefined ? 'application/json' : 'application/octet-stream' });
    res.end(text ?? JSON.stringify(body));
  };
  const batchObject = (b) => ({
    id: b.id, object: 'batch', endpoint: '/v1/chat/completions', input_file_id: b.input, completion_window: '24h', created_at: 0,
    status: b.output ? 'completed' : 'in_progress', output_file_id: b.output ?? null, error_file_id: null,
    request_counts: { total: b.lines.length, completed: b.output ? b.lines.length : 0, failed: 0 },
  });
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url === '/v1/files') {
        counts.uploads++;
        const form = await new globalThis.Response(raw, { headers: { 'content-type': req.headers['content-type'] } }).formData();
        const id = `file-${files.size + 1}`;
        files.set(id, await form.get('file').text());
        return send(res, 200, { id, object: 'file', bytes: raw.length, created_at: 0, filename: 'in.jsonl', purpose: 'batch', status: 'processed' });
      }
      if (req.method === 'POST' && req.url === '/v1/batches') {
        counts.submissions++;
        const { input_file_id: input } = JSON.parse(raw.toString('utf8'));
        const lines = files.get(input).split('\n').filter(Boolean).map((l) => JSON.parse(l));
        const batch = { id: `batch_${batches.size + 1}`, input, lines, due: Date.now() + DELAY_MS };
        batches.set(batch.id, batch);
        return send(res, 200, batchObject(batch));
      }
      const one = /^\/v1\/batches\/([^/]+)$/.exec(req.url);
      if (req.method === 'GET' && one) {
        counts.polls++;
        const batch = batches.get(one[1]);
        if (!batch.output && Date.now() >= batch.due) {
          const out = batch.lines.map((l, i) =>
            JSON.stringify({
              id: `r${i}`, custom_id: l.custom_id,
              response: {
                status_code: 200, request_id: `q${i}`,
                body: { id: `c${i}`, object: 'chat.completion', created: 0, model: l.body.model, choices: [{ index: 0, message: { role: 'assistant', content: `answer to ${l.body.messages.at(-1).content}` }, finish_reason: 'stop' }], usage: { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 } },
              },
              error: null,
            }),
          );
          batch.output = `file-${files.size + 1}`;
          files.set(batch.output, `${out.join('\n')}\n`);
        }
        return send(res, 200, batchObject(batch));
      }
      const content = /^\/v1\/files\/([^/]+)\/content$/.exec(req.url);
      if (req.method === 'GET' && content) {
        counts.downloads++;
        return send(res, 200, null, files.get(content[1]));
      }
      send(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
    });
  });
  process.on('message', () => process.send({ counts: { ...counts } }));
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
}

async function bench() {
  const { runEvaluation } = await import('../dist/src/eval/index.js');
  const { createClient } = await import('../dist/src/llm/index.js');
  const { batchFactories } = await import('../dist/src/batch/backends.js');
  const child = fork(fileURLToPath(import.meta.url), ['--server']);
  const ask = () => new Promise((resolve) => child.once('message', resolve));
  const { port } = await ask();
  const serverCounts = async () => {
    const answer = ask();
    child.send('count');
    return (await answer).counts;
  };

  const provider = { apiVersion: 'modelshift.dev/v1', kind: 'Provider', metadata: { name: 'bench' }, spec: { type: 'openai', baseURL: `http://127.0.0.1:${port}/v1`, apiKeyEnv: 'BENCH_KEY' } };
  const agent = (model) => ({
    apiVersion: 'modelshift.dev/v1',
    kind: 'Agent',
    metadata: { name: 'bench-agent' },
    spec: { model: { provider: 'bench', name: model, params: { max_tokens: 100 } }, instructions: 'Answer.' },
  });
  const suite = {
    apiVersion: 'modelshift.dev/v1',
    kind: 'EvalSuite',
    metadata: { name: 'bench' },
    spec: { repeat: 1, cases: Array.from({ length: CASES }, (_, i) => ({ name: `case ${i}`, input: `question ${i}`, assert: [{ type: 'contains', value: 'answer' }] })) },
  };
  const cacheDir = await mkdtemp(join(tmpdir(), 'modelshift-bench-batch-'));
  const clientOpts = { timeoutMs: 60_000, maxRetries: 2 };
  const progress = [];
  const options = {
    pairs: [{ agent: 'bench-agent', base: { agent: agent('gpt-4.1'), provider }, head: { agent: agent('gpt-5.1'), provider } }],
    suites: [suite],
    providers: [provider],
    catalog: { lookup: () => undefined },
    clientFor: (p) => createClient(p, { apiKey: 'bench-key' }, clientOpts),
    cacheDir,
    concurrency: 20,
    batch: {
      backendFor: (p) => batchFactories.openai(p, { apiKey: 'bench-key' }, clientOpts),
      poll: POLL,
      onlineRetries: 100,
      progressEveryMs: 1_000,
      onProgress: (line) => progress.push({ at: performance.now(), line }),
    },
  };
  const calls = CASES * 2;
  // Baseline for the overhead: the cache writes alone (one file per answer, as online runs write them), 64 at a time.
  const { ResponseCache } = await import('../dist/src/eval/cache.js');
  const cacheWrites = async (name) => {
    const cache = new ResponseCache(join(cacheDir, name));
    const entry = { text: 'answer to question', toolCalls: [], usage: { inputTokens: 50, outputTokens: 10 }, latencyMs: 0, finishReason: 'stop', batch: true };
    const keys = Array.from({ length: calls }, (_, i) => i.toString(16).padStart(64, '0'));
    const started = performance.now();
    for (let i = 0; i < keys.length; i += 64) await Promise.all(keys.slice(i, i + 64).map((k) => cache.put(k, entry)));
    return performance.now() - started;
  };
  try {
    const before = await cacheWrites('before');
    let started = performance.now();
    const report = await runEvaluation(options);
    const at = (word) => (progress.find((p) => p.line.includes(word)).at - started).toFixed(0);
    const wall = performance.now() - started;
    const first = await serverCounts();
    const b = report.batch[0];
    console.log(`batch run : ${report.calls} calls, ${b.answered} answered in ${b.batches.length} batch; server saw ${first.uploads} upload, ${first.submissions} submission, ${first.polls} polls, ${first.downloads} download`);
    console.log(`            wall ${wall.toFixed(0)} ms; floor (the server's batch delay) ${DELAY_MS} ms; ratio ${(wall / DELAY_MS).toFixed(3)}, overhead ${(wall - DELAY_MS).toFixed(0)} ms (${((wall - DELAY_MS) / calls).toFixed(3)} ms per call)`);
    console.log(`            phases: submitted at ${at('submitted')} ms, read and cached by ${at('ended,')} ms, scored by ${wall.toFixed(0)} ms`);
    console.log(`            poll schedule ${POLL.initialMs}→${POLL.maxMs} ms (default 5 s → 60 s); ${progress.length} progress lines; head pass rate ${report.agents[0].head.passRate}`);
    if (report.calls !== calls || b.answered !== calls) throw new Error(`expected ${calls} answered calls`);

    started = performance.now();
    const second = await runEvaluation(options);
    const again = await serverCounts();
    const seen = again.submissions - first.submissions + again.polls - first.polls + again.uploads - first.uploads;
    console.log(`re-run    : ${second.calls} calls, ${second.cached} from cache, ${seen} batch API requests, ${(performance.now() - started).toFixed(0)} ms (target 0 calls)`);

    const after = await cacheWrites('after');
    console.log(`baseline  : ${calls} cache writes alone ${before.toFixed(0)} ms before the runs, ${after.toFixed(0)} ms after; batch overhead / cache writes ${((wall - DELAY_MS) / ((before + after) / 2)).toFixed(2)}`);
  } finally {
    console.log(`load average (1 min): ${loadavg()[0].toFixed(1)}`);
    child.kill();
    await rm(cacheDir, { recursive: true, force: true });
  }
}
