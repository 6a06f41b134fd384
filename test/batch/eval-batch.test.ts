import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicFake } from '../fakes/anthropic-server.js';
import type { FakeLlmServer } from '../fakes/llm-http.js';
import { startOpenAiFake } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { answer, ANTHROPIC_KEY, batchWorkspace, KEYS, lastMessage, OPENAI_KEY, viaBatch } from './workspace.js';

let openai: FakeLlmServer;
let anthropic: FakeLlmServer;
const repos: TestRepo[] = [];

async function repo(extra: { batchInRule?: boolean } = {}): Promise<TestRepo> {
  const made = await createTestRepo(batchWorkspace({ openai: openai.baseURL, anthropic: anthropic.baseURL }, extra));
  repos.push(made);
  return made;
}

const online = (fake: FakeLlmServer) => fake.requests.filter((r) => r.path === '/v1/chat/completions' || r.path === '/v1/messages');
const posts = (fake: FakeLlmServer, route: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === route);

beforeEach(async () => {
  openai = await startOpenAiFake({ apiKey: OPENAI_KEY, responder: answer });
  anthropic = await startAnthropicFake({ apiKey: ANTHROPIC_KEY, responder: answer });
});
afterEach(async () => {
  await Promise.all([openai.close(), anthropic.close(), ...repos.splice(0).map((r) => r.cleanup())]);
});

/** The report without what a batch changes on purpose: latency (not measured), cost (half price) and the batch section. */
function comparable(report: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(report), (key, value: unknown) =>
    ['latencyMs', 'latencyP50Ms', 'latencyP95Ms', 'costUsd', 'batch', 'batched'].includes(key) ? undefined : value,
  );
}

describe('eval --batch', () => {
  it('sends each provider one batch and reports what the online run reports, at half the cost', async () => {
    const onlineRepo = await repo();
    const onlineRun = await runCli(['eval', 'to-claude', '--format', 'json'], onlineRepo.dir, KEYS);
    expect(onlineRun.code).toBe(0);
    const onlineReport = JSON.parse(onlineRun.stdout);
    const onlineBodies = { openai: online(openai).map((r) => r.body), anthropic: online(anthropic).map((r) => r.body) };
    expect(onlineBodies.openai).toHaveLength(3);

    const batchRepo = await repo();
    const before = { openai: openai.requests.length, anthropic: anthropic.requests.length };
    const run = await runCli(['eval', 'to-claude', '--format', 'json', '--batch'], batchRepo.dir, KEYS);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);

    // No online call: one upload and one batch at OpenAI, one message batch at Anthropic.
    expect(online(openai)).toHaveLength(3);
    expect(online(anthropic)).toHaveLength(3);
    expect(posts(openai, '/v1/files')).toHaveLength(1);
    expect(posts(openai, '/v1/batches')).toHaveLength(1);
    expect(posts(anthropic, '/v1/messages/batches')).toHaveLength(1);
    expect(openai.requests.length).toBeGreaterThan(before.openai);
    // Inside the batches: exactly the payloads the online run sent.
    expect(openai.batchRequests.map((r) => r.body)).toEqual(onlineBodies.openai);
    expect(anthropic.batchRequests.map((r) => r.body)).toEqual(onlineBodies.anthropic);
    const upload = (posts(openai, '/v1/batches')[0]!.body as Record<string, unknown>);
    expect(upload).toMatchObject({ endpoint: '/v1/chat/completions', completion_window: '24h' });

    expect(comparable(report)).toEqual(comparable(onlineReport));
    expect(report.calls).toBe(6);
    expect(report.costUsd.models).toBeCloseTo(onlineReport.costUsd.models / 2, 12);
    expect(report.agents[0].head.batched).toBe(3);
    expect(report.agents[0].head.latencyP95Ms).toBeNull();
    expect(report.batch).toEqual([
      { provider: 'openai', batches: ['batch_1'], resumed: 0, requests: 3, answered: 3, failed: 0, retriedOnline: 0, polls: 1, discount: 0.5 },
      { provider: 'anthropic', batches: ['msgbatch_1'], resumed: 0, requests: 3, answered: 3, failed: 0, retriedOnline: 0, polls: 1, discount: 0.5 },
    ]);
    expect(run.stderr).toContain('batch openai: submitted 3 requests in 1 batch (batch_1)');
    expect(run.stderr).toContain('batch anthropic: ended, 3 answered, 0 failed');
    expect(run.stdout).not.toContain(OPENAI_KEY);

    // The answers are in the cache under the online keys; nothing is left pending.
    const offline = await runCli(['eval', 'to-claude', '--format', 'json', '--offline'], batchRepo.dir, {});
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ calls: 0, cached: 6 });
    expect(await readdir(path.join(batchRepo.dir, '.cache/batches'))).toEqual([]);

    // The cost of cached batch answers is still the batch price, and the text report says so.
    const text = await runCli(['eval', 'to-claude', '--offline'], batchRepo.dir, {});
    expect(text.stdout).toContain('batch: nothing to submit; 6 answers priced at the batch rate (−50%)');
    const onlineText = await runCli(['eval', 'to-claude', '--offline'], onlineRepo.dir, {});
    expect(onlineText.stdout).not.toContain('batch');
    const textBatch = await runCli(['eval', 'to-claude', '--batch', '--suite', 'tickets'], onlineRepo.dir, KEYS);
    // Everything is cached from the online run: no batch is needed, and none is submitted.
    expect(posts(openai, '/v1/batches')).toHaveLength(1);
    expect(textBatch.stdout).toContain('0 calls, 6 from cache');
    expect(textBatch.stdout).toContain('batch: nothing to submit, every answer was in the cache');
    const html = await runCli(['eval', 'to-claude', '--offline', '--output', 'report.html'], batchRepo.dir, {});
    expect(html.code).toBe(0);
    expect(await readFile(path.join(batchRepo.dir, 'report.html'), 'utf8')).toContain('6 answers priced at the batch rate (−50%)');
    const markdown = await runCli(['eval', 'to-claude', '--format', 'markdown', '--batch'], (await repo()).dir, KEYS);
    expect(markdown.stdout).toContain('· batch: openai 1 batch, 3 requests, 3 answered · anthropic 1 batch, 3 requests, 3 answered; 6 answers priced at the batch rate (−50%)</sub>');
  });

  it('never resubmits what the cache holds: a new case is the only request of the next batch', async () => {
    const r = await repo({ batchInRule: true });
    expect((await runCli(['eval', 'to-claude', '--format', 'json'], r.dir, KEYS)).code).toBe(0);
    expect(posts(openai, '/v1/batches')).toHaveLength(1);
    const suite = batchWorkspace({ openai: openai.baseURL, anthropic: anthropic.baseURL })['evals/tickets.yaml']!;
    await r.commit({ 'evals/tickets.yaml': `${suite}    - { name: cancel, input: "Cancel order 9", assert: [{ type: contains, value: "9" }] }\n` }, 'one more case');
    openai.setResponder((req) => (lastMessage(req).includes('Cancel') ? { type: 'message', text: 'Order 9 is cancelled.' } : answer(req)));
    anthropic.setResponder((req) => (lastMessage(req).includes('Cancel') ? { type: 'message', text: 'Order 9 is cancelled.' } : answer(req)));
    const run = await runCli(['eval', 'to-claude', '--format', 'json'], r.dir, KEYS);
    expect(run.code).toBe(0);
    expect(openai.batches.map((b) => b.customIds.length)).toEqual([3, 1]);
    expect(anthropic.batches.map((b) => b.customIds.length)).toEqual([3, 1]);
    expect(openai.batchRequests.map(lastMessage).at(-1)).toBe('Cancel order 9');
    expect(JSON.parse(run.stdout)).toMatchObject({ calls: 2, cached: 6 });
  });

  it('retries failed requests online when the error is transient and reports the rest as errors, so the gate cannot pass', async () => {
    // In the batch, the refund request fails with a 500 at Anthropic and the parcel request with a 400 at OpenAI.
    anthropic.setResponder((req) => (viaBatch(req) && lastMessage(req).includes('refund') ? { type: 'error', status: 500 } : answer(req)));
    openai.setResponder((req) => (lastMessage(req).includes('parcel') ? { type: 'error', status: 400 } : answer(req)));
    const r = await repo();
    const run = await runCli(['eval', 'to-claude', '--format', 'json', '--batch'], r.dir, KEYS);
    const report = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    // The 500 was retried online and answered there; the 400 would fail again and is not retried.
    expect(online(anthropic).map(lastMessage)).toEqual(['I want a refund for order 12']);
    expect(online(openai)).toHaveLength(0);
    expect(report.batch.map((b: { failed: number; retriedOnline: number }) => [b.failed, b.retriedOnline])).toEqual([[1, 0], [1, 1]]);
    const agent = report.agents[0];
    expect(agent.errors).toEqual([expect.objectContaining({ side: 'base', case: 'shipping', kind: 'request' })]);
    expect(agent.errors[0].message).toContain('in a batch, HTTP 400');
    expect(agent.base).toMatchObject({ errors: 1, failed: 0, passed: 2 });
    // The head refund answer came online: full price, with its latency measured.
    expect(agent.head.batched).toBe(2);
    expect(agent.head.latencyP95Ms).not.toBeNull();
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons.join('\n')).toMatch(/errored on base/);
    // Read and recorded, the batch's files leave OpenAI's storage: the upload, the output and the error file.
    expect(openai.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/v1/files/file-1', '/v1/files/file-2', '/v1/files/file-3']);
  });

  it('retries the requests of an expired batch online', async () => {
    openai.setBatchOptions({ pollsUntilDone: 2, expire: { answered: 1 } });
    anthropic.setBatchOptions({ expire: { answered: 0 } });
    const r = await repo();
    const run = await runCli(['eval', 'to-claude', '--format', 'json', '--batch'], r.dir, KEYS);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.batch.map((b: { polls: number; answered: number; failed: number; retriedOnline: number }) => [b.polls, b.answered, b.failed, b.retriedOnline])).toEqual([
      [3, 1, 2, 2],
      [1, 0, 3, 3],
    ]);
    expect(online(openai)).toHaveLength(2);
    expect(online(anthropic)).toHaveLength(3);
    expect(report.agents[0].errors).toEqual([]);
    expect(report.agents[0].base.batched).toBe(1);
  });

  it('refuses --batch for a provider type without a batch API, before any call (exit 2)', async () => {
    const r = await repo();
    await r.commit({ 'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai-compatible, baseURL: "${openai.baseURL}", apiKeyEnv: OPENAI_API_KEY }\n` }, 'a local server');
    const run = await runCli(['eval', 'to-claude', '--batch'], r.dir, KEYS);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('provider openai (type openai-compatible, agent support-triage base) has no batch API modelshift can use');
    expect(run.stderr).toContain('run this eval without --batch');
    expect(openai.requests).toHaveLength(0);
    expect(anthropic.requests).toHaveLength(0);

    const both = await runCli(['eval', 'to-claude', '--batch', '--offline'], r.dir, KEYS);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--batch and --offline do not go together');

    const badPoll = await runCli(['eval', 'to-claude', '--batch'], (await repo()).dir, { ...KEYS, MODELSHIFT_BATCH_POLL_MS: '60000,5' });
    expect(badPoll.code).toBe(2);
    expect(badPoll.stderr).toContain('MODELSHIFT_BATCH_POLL_MS="60000,5" is not INITIAL or INITIAL,MAX');
  });
});

describe('spec.eval.batch in a pull request', () => {
  it('eval --base/--head batches the calls of a migration whose rule asks for it', async () => {
    const r = await repo({ batchInRule: true });
    await r.git(['checkout', '--quiet', '-b', 'modelshift/to-claude']);
    expect((await runCli(['apply', 'to-claude'], r.dir, {})).code).toBe(0);
    await r.git(['commit', '--quiet', '-am', 'apply to-claude']);
    const run = await runCli(['eval', '--base', 'main', '--head', 'HEAD', '--format', 'json'], r.dir, KEYS);
    const data = JSON.parse(run.stdout);
    expect(data.groups).toEqual([{ migration: 'to-claude', status: 'ran' }]);
    expect(posts(openai, '/v1/batches')).toHaveLength(1);
    expect(posts(anthropic, '/v1/messages/batches')).toHaveLength(1);
    expect(online(openai)).toHaveLength(0);
    expect(data.calls).toBe(6);

    // The rule's batch: true does not stand in the way of replaying the cached answers offline.
    const requests = openai.requests.length + anthropic.requests.length;
    const offline = await runCli(['eval', '--base', 'main', '--head', 'HEAD', '--offline', '--format', 'json'], r.dir, {});
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout)).toMatchObject({ calls: 0, cached: 6 });
    expect(openai.requests.length + anthropic.requests.length).toBe(requests);
  });
});

describe('eval --batch --shard', () => {
  it('each shard batches its own share, and the merge is the whole run at the batch price', async () => {
    const r = await repo();
    for (const k of [1, 2]) {
      const run = await runCli(['eval', 'to-claude', '--batch', '--shard', `${k}/2`, '--output', `part-${k}.json`], r.dir, KEYS);
      expect(run.code).toBe(0);
    }
    expect(openai.batches.map((b) => b.customIds.length)).toEqual([2, 1]);
    expect(anthropic.batches.map((b) => b.customIds.length)).toEqual([2, 1]);
    const merged = await runCli(['eval', 'merge', 'part-1.json', 'part-2.json', '--format', 'json'], r.dir, {});
    const report = JSON.parse(merged.stdout);
    expect(report.summary.head).toMatchObject({ cases: 3, batched: 3, latencyP95Ms: null });
    expect(report.agents[0].head.passRate).toBeCloseTo(2 / 3, 12);
  });
});
