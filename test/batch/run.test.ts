import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PendingStore } from '../../src/batch/pending.js';
import { runBatches, type BatchRunOptions, type KeyedRequest } from '../../src/batch/run.js';
import { requestKey } from '../../src/eval/caller.js';
import { ResponseCache } from '../../src/eval/cache.js';
import { createAnthropicBatch } from '../../src/llm/anthropic-batch.js';
import { createOpenAiBatch } from '../../src/llm/openai-batch.js';
import type { Provider } from '../../src/schema/provider.js';
import { startAnthropicFake } from '../fakes/anthropic-server.js';
import type { FakeLlmServer } from '../fakes/llm-http.js';
import { startOpenAiFake } from '../fakes/openai-server.js';
import { until } from '../helpers/until.js';
import { ANTHROPIC_KEY, answer, lastMessage, OPENAI_KEY } from './workspace.js';

let openai: FakeLlmServer;
let anthropic: FakeLlmServer;
let dir: string;

beforeEach(async () => {
  openai = await startOpenAiFake({ apiKey: OPENAI_KEY, responder: answer });
  anthropic = await startAnthropicFake({ apiKey: ANTHROPIC_KEY, responder: answer });
  dir = await mkdtemp(path.join(tmpdir(), 'modelshift-batch-'));
});
afterEach(async () => {
  await Promise.all([openai.close(), anthropic.close(), rm(dir, { recursive: true, force: true })]);
});

const provider = (type: 'openai' | 'anthropic', baseURL: string): Provider => ({
  apiVersion: 'modelshift.dev/v1',
  kind: 'Provider',
  metadata: { name: type },
  spec: { type, baseURL },
});

function requests(p: Provider, model: string, n: number): KeyedRequest[] {
  return Array.from({ length: n }, (_, i) => {
    const request = { model, messages: [{ role: 'user' as const, content: `Where is my parcel ${i}?` }], params: { max_tokens: 50 } };
    return { provider: p, key: requestKey(p, request, 1), request };
  });
}

function options(lines: string[], over: Partial<BatchRunOptions> = {}): BatchRunOptions {
  const opts = { timeoutMs: 5_000, maxRetries: 0 };
  return {
    backendFor: async (p) => (p.spec.type === 'openai' ? createOpenAiBatch(p, { apiKey: OPENAI_KEY }, opts) : createAnthropicBatch(p, { apiKey: ANTHROPIC_KEY }, opts)),
    cache: new ResponseCache(dir),
    pending: new PendingStore(path.join(dir, 'batches')),
    poll: { initialMs: 1, maxMs: 4 },
    onlineRetries: 100,
    progressEveryMs: 60_000,
    onProgress: (line) => lines.push(line),
    ...over,
  };
}

describe('runBatches', () => {
  it('reports expired requests as timeouts, not answers, once the online retries are used up', async () => {
    anthropic.setBatchOptions({ expire: { answered: 1 } });
    const p = provider('anthropic', anthropic.baseURL);
    const lines: string[] = [];
    const got = await runBatches(requests(p, 'claude-sonnet-4-6', 4), options(lines, { onlineRetries: 1 }));
    expect(got.answers.size).toBe(1);
    expect([...got.errors.values()].map((e) => e.kind)).toEqual(['timeout', 'timeout']);
    expect([...got.errors.values()][0]!.message).toContain('expired before it answered');
    expect(got.summary[0]).toMatchObject({ requests: 4, answered: 1, failed: 3, retriedOnline: 1 });
    // Only the answer was cached: the failed ones are asked again by the next run.
    const cache = new ResponseCache(dir);
    const cached = await Promise.all(requests(p, 'claude-sonnet-4-6', 4).map((r) => cache.get(r.key)));
    expect(cached.map((c) => c?.batch ?? false)).toEqual([true, false, false, false]);
  });

  it('splits at the provider limit and throttles progress: a line per event, not per poll', async () => {
    openai.setBatchOptions({ pollsUntilDone: 6 });
    const p = provider('openai', openai.baseURL);
    const lines: string[] = [];
    const backendFor = async (x: Provider) => ({ ...createOpenAiBatch(x, { apiKey: OPENAI_KEY }, { timeoutMs: 5_000, maxRetries: 0 }), maxRequests: 2 });
    const got = await runBatches(requests(p, 'gpt-4.1', 5), options(lines, { backendFor }));
    expect(openai.batches.map((b) => b.customIds.length)).toEqual([2, 2, 1]);
    expect(got.answers.size).toBe(5);
    expect(got.summary[0]!.polls).toBeGreaterThanOrEqual(3 * 7);
    // Twenty-odd polls, two lines: the submission and the end (the batches end in the same round).
    expect(lines).toEqual([
      'batch openai: submitted 5 requests in 3 batches (batch_1, batch_2, batch_3)\n',
      'batch openai: ended, 5 answered, 0 failed\n',
    ]);

    const chatty: string[] = [];
    openai.setBatchOptions({ pollsUntilDone: 3 });
    await runBatches(requests(p, 'gpt-4.1-mini', 1), options(chatty, { progressEveryMs: 0 }));
    expect(chatty.filter((l) => l.includes('in progress'))).toHaveLength(3);
    expect(chatty[1]).toBe('batch openai: 1 request in 1 batch · 0 completed · 0 failed · 1 in progress (1 poll)\n');
  });

  it('also splits before a batch grows past the provider\'s size limit, as sent', async () => {
    const p = provider('openai', openai.baseURL);
    const backendFor = async (x: Provider) => {
      const real = createOpenAiBatch(x, { apiKey: OPENAI_KEY }, { timeoutMs: 5_000, maxRetries: 0 });
      const [first] = requests(x, 'gpt-4.1', 1);
      // Room for two lines of this size and a bit, not three.
      return { ...real, maxBytes: Math.floor(real.itemBytes({ customId: first!.key, request: first!.request }) * 2.5) };
    };
    const got = await runBatches(requests(p, 'gpt-4.1', 5), options([], { backendFor }));
    expect(openai.batches.map((b) => b.customIds.length)).toEqual([2, 2, 1]);
    expect(got.answers.size).toBe(5);
  });

  it('ends the run when one provider\'s batch API fails, leaving the other\'s batch pending instead of polling on', async () => {
    openai.setBatchOptions({ pollsUntilDone: 1_000_000 });
    const o = provider('openai', openai.baseURL);
    const a = provider('anthropic', anthropic.baseURL);
    const opts = { timeoutMs: 5_000, maxRetries: 0 };
    const backendFor = async (p: Provider) => {
      if (p.spec.type === 'openai') return createOpenAiBatch(p, { apiKey: OPENAI_KEY }, opts);
      // Anthropic refuses the key only once OpenAI's batch is being polled.
      while ((openai.batches[0]?.polls ?? 0) < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      return createAnthropicBatch(p, { apiKey: 'sk-ant-wrong-key-000000' }, opts);
    };
    const started = Date.now();
    await expect(runBatches([...requests(o, 'gpt-4.1', 2), ...requests(a, 'claude-sonnet-4-6', 2)], options([], { backendFor, poll: { initialMs: 5, maxMs: 5 } }))).rejects.toThrow(/401/);
    expect(Date.now() - started).toBeLessThan(3_000);
    // A poll the fake received as the run stopped may still be counted (the client hung up, the server answers anyway);
    // none may follow it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const polls = openai.batches[0]!.polls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openai.batches[0]!.polls).toBe(polls);
    expect((await new PendingStore(path.join(dir, 'batches')).list()).map((s) => s.batch.id)).toEqual(['batch_1']);
  });

  it('forgets a pending batch the provider does not know and submits its requests again', async () => {
    const p = provider('openai', openai.baseURL);
    const all = requests(p, 'gpt-4.1', 2);
    const pending = new PendingStore(path.join(dir, 'batches'));
    await pending.save({ version: 1, provider: 'openai', providerType: 'openai', baseURL: openai.baseURL, id: 'batch_gone', submittedAt: '2026-12-01T00:00:00.000Z', keys: all.map((r) => r.key) });
    const lines: string[] = [];
    const got = await runBatches(all, options(lines));
    expect(got.answers.size).toBe(2);
    expect(lines[0]).toBe('batch openai: the provider does not know pending batch batch_gone (another key or project?); forgetting it and submitting its requests again\n');
    expect(openai.batches).toHaveLength(1);
    expect(await pending.list()).toEqual([]);
  });

  it('submits once when two runs start together: the second resumes the first one\'s batch', async () => {
    openai.setBatchOptions({ pollsUntilDone: 3 });
    const p = provider('openai', openai.baseURL);
    const all = requests(p, 'gpt-4.1', 3);
    const [one, two] = await Promise.all([runBatches(all, options([])), runBatches(all, options([]))]);
    expect(openai.batches).toHaveLength(1);
    // The run that submitted read the answers (a run that found them cached reads none).
    expect(Math.max(one.answers.size, two.answers.size)).toBe(3);
    // Whichever took the lock first submitted (under load that can be either); the other waited for the
    // lock, then resumed that batch or found its answers already cached.
    const followed = [one, two].filter((run) => run.summary[0]!.resumed + (3 - run.summary[0]!.requests) > 0);
    expect(followed).toHaveLength(1);
    const cache = new ResponseCache(dir);
    expect((await Promise.all(all.map((r) => cache.get(r.key)))).every(Boolean)).toBe(true);
    expect(await readdir(path.join(dir, 'batches'))).toEqual([]);
  });

  it('takes over the lock of a run that was killed', async () => {
    const p = provider('openai', openai.baseURL);
    await mkdir(path.join(dir, 'batches'), { recursive: true });
    // A pid no process has: the run that held the lock is gone.
    await writeFile(path.join(dir, 'batches/openai.lock'), '2147483646');
    const got = await runBatches(requests(p, 'gpt-4.1', 1), options([]));
    expect(got.answers.size).toBe(1);
  });

  it('deletes the input, output and error files of an OpenAI batch once its answers are in the cache', async () => {
    openai.setResponder((req) => (lastMessage(req).includes('parcel 1') ? { type: 'error', status: 400 } : answer(req)));
    const p = provider('openai', openai.baseURL);
    const all = requests(p, 'gpt-4.1', 3);
    const lines: string[] = [];
    const got = await runBatches(all, options(lines));
    expect([got.answers.size, got.errors.size]).toEqual([2, 1]);
    const calls = openai.requests.map((r) => `${r.method} ${r.path}`);
    // Upload file-1; the batch writes its output to file-2 and its error line to file-3.
    expect(calls.filter((c) => c.startsWith('DELETE'))).toEqual(['DELETE /v1/files/file-1', 'DELETE /v1/files/file-2', 'DELETE /v1/files/file-3']);
    // After both files were read.
    expect(calls.indexOf('DELETE /v1/files/file-1')).toBeGreaterThan(calls.lastIndexOf('GET /v1/files/file-3/content'));
    expect(calls.lastIndexOf('GET /v1/files/file-3/content')).toBeGreaterThan(calls.lastIndexOf('GET /v1/files/file-2/content'));
    const cache = new ResponseCache(dir);
    expect((await Promise.all(all.map((r) => cache.get(r.key)))).map(Boolean)).toEqual([true, false, true]);
    expect(lines.filter((l) => l.startsWith('warning'))).toEqual([]);
  });

  it('warns, and still answers, when a file cannot be deleted', async () => {
    openai.setBatchOptions({ deleteStatus: 403 });
    const p = provider('openai', openai.baseURL);
    const lines: string[] = [];
    const got = await runBatches(requests(p, 'gpt-4.1', 2), options(lines));
    expect(got.answers.size).toBe(2);
    expect(got.errors.size).toBe(0);
    expect(got.summary[0]).toMatchObject({ answered: 2, failed: 0 });
    expect(lines.filter((l) => l.startsWith('warning'))).toEqual([
      'warning: batch openai: could not delete file file-1 of batch batch_1 (openai: HTTP 403: 403 cannot delete file-1 now); OpenAI keeps it until it is deleted\n',
      'warning: batch openai: could not delete file file-2 of batch batch_1 (openai: HTTP 403: 403 cannot delete file-2 now); OpenAI keeps it until it is deleted\n',
    ]);
    expect(await new PendingStore(path.join(dir, 'batches')).list()).toEqual([]);
  });

  it('deletes an Anthropic batch, and its results, once its answers are in the cache', async () => {
    anthropic.setBatchOptions({ pollsUntilDone: 1 });
    const p = provider('anthropic', anthropic.baseURL);
    const all = requests(p, 'claude-sonnet-4-5', 2);
    const lines: string[] = [];
    const got = await runBatches(all, options(lines));
    expect(got.answers.size).toBe(2);
    const calls = anthropic.requests.map((r) => `${r.method} ${r.path}`);
    expect(calls.filter((c) => c.startsWith('DELETE'))).toEqual(['DELETE /v1/messages/batches/msgbatch_1']);
    expect(calls.indexOf('DELETE /v1/messages/batches/msgbatch_1')).toBeGreaterThan(calls.indexOf('GET /v1/messages/batches/msgbatch_1/results'));
    const cache = new ResponseCache(dir);
    expect((await Promise.all(all.map((r) => cache.get(r.key)))).every(Boolean)).toBe(true);
    expect(lines.filter((l) => l.startsWith('warning'))).toEqual([]);
    // Gone at the provider: the fake answers 404 for it from now on.
    const res = await fetch(`${anthropic.baseURL}/v1/messages/batches/msgbatch_1`, { headers: { 'x-api-key': ANTHROPIC_KEY, 'anthropic-version': '2023-06-01' } });
    expect(res.status).toBe(404);
  });

  it('takes the answers from the cache when another run read and deleted the batch it was polling', async () => {
    anthropic.setBatchOptions({ pollsUntilDone: 1_000_000 });
    const p = provider('anthropic', anthropic.baseURL);
    const all = requests(p, 'claude-sonnet-4-5', 2);
    // Polls half a second apart: the other run below ends and deletes the batch between two of them.
    const running = runBatches(all, options([], { poll: { initialMs: 500, maxMs: 500 } }));
    await until(() => anthropic.batches[0]?.polls === 1, 5_000, 'the first poll');
    // The other run: it wrote the answers, saw the batch end and deleted it (the fake deletes only ended batches).
    const cache = new ResponseCache(dir);
    for (const r of all) await cache.put(r.key, { text: `cached ${r.key.slice(0, 6)}`, toolCalls: [], usage: { inputTokens: 1, outputTokens: 1 }, latencyMs: 0, finishReason: 'stop', batch: true });
    anthropic.setBatchOptions({ pollsUntilDone: 1 });
    const headers = { 'x-api-key': ANTHROPIC_KEY, 'anthropic-version': '2023-06-01' };
    expect(((await (await fetch(`${anthropic.baseURL}/v1/messages/batches/msgbatch_1`, { headers })).json()) as { processing_status: string }).processing_status).toBe('ended');
    expect((await fetch(`${anthropic.baseURL}/v1/messages/batches/msgbatch_1`, { method: 'DELETE', headers })).status).toBe(200);
    const got = await running;
    expect(got.errors.size).toBe(0);
    expect([...got.answers.values()].map((r) => r.text).sort()).toEqual(all.map((r) => `cached ${r.key.slice(0, 6)}`).sort());
    expect(anthropic.batches).toHaveLength(1);
    expect(await new PendingStore(path.join(dir, 'batches')).list()).toEqual([]);
  });

  it('warns, and still answers, when an Anthropic batch cannot be deleted', async () => {
    anthropic.setBatchOptions({ deleteStatus: 500 });
    const p = provider('anthropic', anthropic.baseURL);
    const lines: string[] = [];
    const got = await runBatches(requests(p, 'claude-sonnet-4-5', 2), options(lines));
    expect(got.answers.size).toBe(2);
    const warnings = lines.filter((l) => l.startsWith('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: batch anthropic: could not delete batch msgbatch_1 \(anthropic: .*500.*\); Anthropic keeps it and its results until it is deleted\n$/);
    expect(await new PendingStore(path.join(dir, 'batches')).list()).toEqual([]);
  });

  it('polls a resumed batch once per poll: the check that the provider still knows it is its first poll', async () => {
    const o = provider('openai', openai.baseURL);
    const a = provider('anthropic', anthropic.baseURL);
    const all = [...requests(o, 'gpt-4.1', 2), ...requests(a, 'claude-sonnet-4-6', 2)];
    // An earlier run submitted both batches and was killed: they are pending, and each ends at its third poll.
    openai.setBatchOptions({ pollsUntilDone: 2 });
    anthropic.setBatchOptions({ pollsUntilDone: 2 });
    const pending = new PendingStore(path.join(dir, 'batches'));
    const opts = { timeoutMs: 5_000, maxRetries: 0 };
    for (const [p, backend] of [[o, createOpenAiBatch(o, { apiKey: OPENAI_KEY }, opts)], [a, createAnthropicBatch(a, { apiKey: ANTHROPIC_KEY }, opts)]] as const) {
      const mine = all.filter((r) => r.provider === p);
      const id = await backend.submit(mine.map((r) => ({ customId: r.key, request: r.request })));
      await pending.save({ version: 1, provider: p.metadata.name, providerType: p.spec.type, baseURL: p.spec.baseURL!, id, submittedAt: '2026-12-01T00:00:00.000Z', keys: mine.map((r) => r.key) });
    }
    const retrieves = (fake: FakeLlmServer, route: string) => fake.requests.filter((r) => r.method === 'GET' && r.path === route).length;

    const got = await runBatches(all, options([]));
    expect(got.answers.size).toBe(4);
    expect(got.summary.map((s) => [s.provider, s.resumed, s.polls])).toEqual([['openai', 1, 3], ['anthropic', 1, 3]]);
    expect(retrieves(openai, '/v1/batches/batch_1')).toBe(3);
    // Anthropic's SDK retrieves the batch once more to find its results_url.
    expect(retrieves(anthropic, '/v1/messages/batches/msgbatch_1')).toBe(3 + 1);
    expect(openai.batches).toHaveLength(1);
    expect(anthropic.batches).toHaveLength(1);
  });

  it('takes the answers from the cache when a run that resumed the same batch read it first and deleted its files', async () => {
    openai.setBatchOptions({ pollsUntilDone: 1 });
    const p = provider('openai', openai.baseURL);
    const all = requests(p, 'gpt-4.1', 2);
    const pending = new PendingStore(path.join(dir, 'batches'));
    // This run sees the batch end, then another run reads it, caches its answers and deletes its files.
    const backendFor = async (x: Provider) => {
      const real = createOpenAiBatch(x, { apiKey: OPENAI_KEY }, { timeoutMs: 5_000, maxRetries: 0 });
      return {
        ...real,
        async status(id: string, signal?: AbortSignal) {
          const status = await real.status(id, signal);
          if (status.state === 'ended') {
            const other = createOpenAiBatch(x, { apiKey: OPENAI_KEY }, { timeoutMs: 5_000, maxRetries: 0 });
            const cache = new ResponseCache(dir);
            for await (const outcome of other.results(id)) if ('response' in outcome) await cache.put(outcome.customId, { ...outcome.response, batch: true });
            expect(await other.cleanUp!(id)).toEqual([]);
          }
          return status;
        },
      };
    };
    const lines: string[] = [];
    const got = await runBatches(all, options(lines, { backendFor }));
    expect(got.answers.size).toBe(2);
    expect(got.errors.size).toBe(0);
    expect([...got.answers.values()].every((r) => r.batch)).toBe(true);
    // It tried to read the output file after the other run had deleted it, and its own deletes found nothing left: no warning.
    expect(openai.requests.filter((r) => r.path === '/v1/files/file-2/content')).toHaveLength(2);
    expect(openai.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/v1/files/file-1', '/v1/files/file-2', '/v1/files/file-1', '/v1/files/file-2']);
    expect(lines.filter((l) => l.startsWith('warning'))).toEqual([]);
    expect(await pending.list()).toEqual([]);
  });

  it('reports every request of a batch the provider refused as a request error, and retries none online', async () => {
    openai.setBatchOptions({ refuse: 'The model gpt-4.1 is not available in the Batch API.' });
    const p = provider('openai', openai.baseURL);
    const got = await runBatches(requests(p, 'gpt-4.1', 2), options([]));
    expect(got.answers.size).toBe(0);
    expect([...got.errors.values()].map((e) => [e.kind, e.message])).toEqual([
      ['request', 'openai: batch batch_1 was refused: The model gpt-4.1 is not available in the Batch API.'],
      ['request', 'openai: batch batch_1 was refused: The model gpt-4.1 is not available in the Batch API.'],
    ]);
    expect(got.summary[0]).toMatchObject({ failed: 2, retriedOnline: 0 });
    expect(await new PendingStore(path.join(dir, 'batches')).list()).toEqual([]);
  });

  it('stops at Ctrl-C with the batch left pending for the next run', async () => {
    openai.setBatchOptions({ pollsUntilDone: 1_000_000 });
    const p = provider('openai', openai.baseURL);
    const abort = new AbortController();
    const lines: string[] = [];
    const run = runBatches(requests(p, 'gpt-4.1', 2), options(lines, { signal: abort.signal, poll: { initialMs: 5, maxMs: 5 } }));
    while ((openai.batches[0]?.polls ?? 0) < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    const got = await run;
    expect(got.answers.size).toBe(0);
    expect(got.errors.size).toBe(0);
    expect((await new PendingStore(path.join(dir, 'batches')).list()).map((s) => s.batch.id)).toEqual(['batch_1']);
  });
});
