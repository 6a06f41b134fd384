import { getEventListeners } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheMissError, runEvaluation, type EvaluationOptions, type Progress } from '../../src/eval/index.js';
import { createClient, LlmError } from '../../src/llm/index.js';
import type { Provider } from '../../src/schema/provider.js';
import { startAnthropicFake } from '../fakes/anthropic-server.js';
import type { FakeLlmServer, FakeReply, RecordedRequest } from '../fakes/llm-http.js';
import { startOpenAiFake } from '../fakes/openai-server.js';
import { agent, catalog, evalCase, provider, suite } from './fixtures.js';

const KEY = 'sk-eval-secret-0123456789';
let openai: FakeLlmServer;
let anthropic: FakeLlmServer;
let cacheDir: string;
let openaiProvider: Provider;
let anthropicProvider: Provider;

/** What the user said last, from either API's body. */
function lastUserText(req: RecordedRequest): string {
  const body = req.body as { messages: { role: string; content: string }[] };
  return body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
}

/** base (gpt-4.1) answers everything well; head (claude) forgets the refund on "charged" tickets. */
const openaiReplies = (req: RecordedRequest): FakeReply => {
  const text = lastUserText(req);
  if (text.startsWith('ticket')) return { type: 'message', text: `Refund for ${text} is on its way`, usage: { input: 1000, output: 100 } };
  return { type: 'message', text: 'Hello!', usage: { input: 1000, output: 100 } };
};
const anthropicReplies = (req: RecordedRequest): FakeReply => {
  const text = lastUserText(req);
  if (text === 'ticket 1') return { type: 'message', text: 'Please contact support @here </details><img src=x onerror=alert(1)>', usage: { input: 900, output: 50 } };
  if (text.startsWith('ticket')) return { type: 'message', text: `Refund for ${text} is on its way`, usage: { input: 900, output: 50 } };
  return { type: 'message', text: 'Hello!', usage: { input: 900, output: 50 } };
};

beforeEach(async () => {
  openai = await startOpenAiFake({ apiKey: KEY, responder: openaiReplies });
  anthropic = await startAnthropicFake({ apiKey: KEY, responder: anthropicReplies });
  openaiProvider = provider('openai', 'openai', openai.baseURL);
  anthropicProvider = provider('anthropic', 'anthropic', anthropic.baseURL);
  cacheDir = await mkdtemp(join(tmpdir(), 'modelshift-eval-'));
});
afterEach(async () => {
  await Promise.all([openai.close(), anthropic.close(), rm(cacheDir, { recursive: true, force: true })]);
});

const tickets = suite(
  'support-tickets',
  Array.from({ length: 5 }, (_, i) => evalCase(`ticket ${i}`, `ticket ${i}`, [{ type: 'contains', value: 'Refund' }, { type: 'max-length', value: 200 }])),
  { agents: { names: ['support-*'] } },
);
const greeting = suite('greetings', [evalCase('hello', 'hi', [{ type: 'equals', value: 'Hello!' }])], { agents: { labels: { tier: 'prod' } } });

function options(extra: Partial<EvaluationOptions> = {}): EvaluationOptions {
  const base = agent('support-triage', { provider: 'openai', name: 'gpt-4.1', params: { temperature: 0.2, max_tokens: 800 } }, {}, { tier: 'prod' });
  const head = agent('support-triage', { provider: 'anthropic', name: 'claude-opus-4-5', params: { max_tokens: 800 } }, {}, { tier: 'prod' });
  const other = agent('billing-bot', { provider: 'openai', name: 'gpt-4.1' });
  return {
    pairs: [
      { agent: 'support-triage', base: { agent: base, provider: openaiProvider }, head: { agent: head, provider: anthropicProvider } },
      { agent: 'billing-bot', base: { agent: other, provider: openaiProvider }, head: { agent: other, provider: openaiProvider } },
    ],
    suites: [tickets, greeting],
    providers: [openaiProvider, anthropicProvider],
    gate: { maxPassRateDrop: 0.1 },
    catalog,
    clientFor: (p) => createClient(p, { apiKey: KEY }, { timeoutMs: 5_000, maxRetries: 2 }),
    cacheDir,
    concurrency: 4,
    ...extra,
  };
}

describe('runEvaluation', () => {
  it('runs both configs through the real SDKs, scores, compares and gates', async () => {
    const progress: Progress[] = [];
    const report = await runEvaluation(options({ onProgress: (p) => progress.push(p) }));

    expect(report.skipped).toEqual([{ name: 'billing-bot', reason: 'no eval suite applies to this agent' }]);
    expect(report.agents).toHaveLength(1);
    const [triage] = report.agents;
    expect(triage!.base).toMatchObject({ provider: 'openai', model: 'gpt-4.1', passRate: 1, cases: 6, errors: 0, inputTokens: 6000, outputTokens: 600 });
    expect(triage!.head).toMatchObject({ provider: 'anthropic', model: 'claude-opus-4-5', passRate: 5 / 6, cases: 6, inputTokens: 5400, outputTokens: 300 });
    // 6 × (1000 × $2 + 100 × $8) / 1e6 and 6 × (900 × $5 + 50 × $25) / 1e6
    expect(triage!.base.costUsd).toBeCloseTo(0.0168, 10);
    expect(triage!.head.costUsd).toBeCloseTo(0.0345, 10);
    expect(triage!.regressions).toHaveLength(1);
    expect(triage!.regressions[0]).toMatchObject({ suite: 'support-tickets', case: 'ticket 1', base: { status: 'pass' }, head: { status: 'fail' } });
    expect(triage!.significance).toMatchObject({ pairs: 6, discordant: 1, significant: false });
    expect(report.gate).toEqual({
      passed: false,
      reasons: [
        'support-triage: pass rate dropped 16.7 pts (100.0% → 83.3%), more than the allowed 10 pts',
        'support-triage: failing at head (1): support-tickets / ticket 1 (regression)',
      ],
    });
    expect(triage!.failing).toMatchObject([{ case: 'ticket 1', trend: 'worse', base: { output: 'Refund for ticket 1 is on its way' } }]);
    expect(triage!.results).toHaveLength(12);
    expect(report).toMatchObject({ calls: 12, cached: 0, interrupted: false });
    expect(progress).toHaveLength(12);
    expect(progress.at(-1)).toMatchObject({ done: 12, total: 12, calls: 12 });

    // What each API received.
    expect(openai.requests).toHaveLength(6);
    expect(openai.requests.find((r) => lastUserText(r) === 'ticket 0')!.body).toEqual({
      model: 'gpt-4.1',
      temperature: 0.2,
      max_tokens: 800,
      messages: [
        { role: 'system', content: 'You are support-triage.' },
        { role: 'user', content: 'ticket 0' },
      ],
    });
    expect(anthropic.requests.find((r) => lastUserText(r) === 'ticket 0')!.body).toEqual({
      model: 'claude-opus-4-5',
      max_tokens: 800,
      system: 'You are support-triage.',
      messages: [{ role: 'user', content: 'ticket 0' }],
    });
  });

  it('makes zero calls on an unchanged re-run and keeps the key out of the cache', async () => {
    const first = await runEvaluation(options());
    const second = await runEvaluation(options());
    expect(second).toMatchObject({ calls: 0, cached: 12 });
    expect(openai.requests.length + anthropic.requests.length).toBe(12);
    // The same report, except that every answer now comes from the cache.
    const uncached = (r: typeof first) => r.agents.map((a) => ({ ...a, results: a.results.map((x) => ({ ...x, cached: false })) }));
    expect(uncached(second)).toEqual(uncached(first));
    expect(second.agents[0]!.results.every((r) => r.cached)).toBe(true);
    const files = await readdir(cacheDir);
    expect(files).toHaveLength(12);
    for (const file of files) expect(await readFile(join(cacheDir, file), 'utf8')).not.toContain(KEY);
  });

  it('offline: answers from the cache without clients, and names a miss', async () => {
    const noClients = () => {
      throw new Error('offline must not build a client');
    };
    await expect(runEvaluation(options({ offline: true, clientFor: noClients }))).rejects.toThrow(CacheMissError);
    await expect(runEvaluation(options({ offline: true, clientFor: noClients }))).rejects.toThrow(/12 of 12 case runs have no cached answer/);
    await runEvaluation(options());
    const offline = await runEvaluation(options({ offline: true, clientFor: noClients }));
    expect(offline).toMatchObject({ calls: 0, cached: 12 });
  });

  it('stops cleanly on abort, reports what finished, and a re-run resumes from the cache', async () => {
    anthropic.setResponder(async (req, i) => {
      await new Promise((r) => setTimeout(r, 30 * (i + 1)));
      return anthropicReplies(req);
    });
    const controller = new AbortController();
    const interrupted = await runEvaluation(
      options({
        concurrency: 2,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 8) controller.abort();
        },
      }),
    );
    const [triage] = interrupted.agents;
    expect(interrupted.interrupted).toBe(true);
    expect(triage!.base.notRun + triage!.head.notRun).toBeGreaterThan(0);
    expect(triage!.head.errors).toBe(0);
    expect(triage!.head.passRate).not.toBe(0);
    expect(interrupted.gate.passed).toBe(false);
    expect(interrupted.gate.reasons[0]).toMatch(/the run is incomplete: \d+ case runs did not run/);

    const callsBefore = openai.requests.length + anthropic.requests.length;
    const done = triage!.base.cases + triage!.head.cases;
    anthropic.setResponder(anthropicReplies);
    const resumed = await runEvaluation(options());
    expect(resumed.interrupted).toBe(false);
    expect(resumed.cached).toBe(done);
    expect(resumed.calls).toBe(12 - done);
    expect(openai.requests.length + anthropic.requests.length).toBe(callsBefore + 12 - done);
    expect(resumed.agents[0]!.head.passRate).toBeCloseTo(5 / 6, 10);
  });

  it('leaves no listener on the run\'s signal after its calls: the SDKs never remove the one a call adds', async () => {
    const controller = new AbortController();
    const report = await runEvaluation(options({ signal: controller.signal }));
    expect(report.calls).toBe(12);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('retries a 429 to success and counts a permanent failure as an error, not a crash', async () => {
    anthropic.setResponder((req) => {
      const text = lastUserText(req);
      const seen = anthropic.requests.filter((r) => lastUserText(r) === text).length;
      if (text === 'ticket 2' && seen === 1) return { type: 'error', status: 429, headers: { 'retry-after': '0.05' } };
      if (text === 'ticket 3') return { type: 'error', status: 400 };
      return anthropicReplies(req);
    });
    const report = await runEvaluation(options());
    const [triage] = report.agents;
    expect(triage!.head).toMatchObject({ cases: 6, errors: 1, passed: 4, failed: 1, passRate: 0.8 });
    expect(triage!.errors).toEqual([{ side: 'head', suite: 'support-tickets', case: 'ticket 3', repeat: 1, kind: 'request', message: expect.stringContaining('HTTP 400') }]);
    // The errored case is no regression and stays out of the paired test.
    expect(triage!.regressions.map((r) => r.case)).toEqual(['ticket 1']);
    expect(triage!.significance).toMatchObject({ pairs: 5, discordant: 1 });
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons[0]).toMatch(/^support-triage: 1 of 6 case runs errored on head \(16\.7%\), and the gate allows none/);
    expect(anthropic.requests.filter((r) => lastUserText(r) === 'ticket 2')).toHaveLength(2);
    // Failed calls are not cached: the next run asks again.
    const again = await runEvaluation(options());
    expect(again.calls).toBe(1);
  });

  it('turns a call that times out into an error', async () => {
    anthropic.setResponder((req) => (lastUserText(req) === 'ticket 4' ? { type: 'hang' } : anthropicReplies(req)));
    const report = await runEvaluation(options({ clientFor: (p) => createClient(p, { apiKey: KEY }, { timeoutMs: 300, maxRetries: 0 }) }));
    expect(report.agents[0]!.errors).toMatchObject([{ side: 'head', case: 'ticket 4', kind: 'timeout' }]);
  });

  it('bounds calls in flight per provider', async () => {
    const inFlight = { openai: 0, anthropic: 0, maxOpenai: 0, maxAnthropic: 0 };
    const slow = (name: 'openai' | 'anthropic', reply: (r: RecordedRequest) => FakeReply) => async (req: RecordedRequest) => {
      inFlight[name]++;
      if (name === 'openai') inFlight.maxOpenai = Math.max(inFlight.maxOpenai, inFlight.openai);
      else inFlight.maxAnthropic = Math.max(inFlight.maxAnthropic, inFlight.anthropic);
      await new Promise((r) => setTimeout(r, 40));
      inFlight[name]--;
      return reply(req);
    };
    openai.setResponder(slow('openai', openaiReplies));
    anthropic.setResponder(slow('anthropic', anthropicReplies));
    await runEvaluation(options({ concurrency: 2 }));
    expect(inFlight.maxOpenai).toBe(2);
    expect(inFlight.maxAnthropic).toBe(2);
  });

  it('grades llm-judge assertions with the judge provider, costs the judge apart, and caches its verdicts', async () => {
    openai.setResponder((req) => {
      const body = req.body as { model: string; messages: { content: string }[] };
      if (body.model !== 'gpt-5.1-mini') return openaiReplies(req);
      const content = body.messages.at(-1)!.content;
      return { type: 'message', text: JSON.stringify({ verdict: content.includes('Refund') ? 'PASS' : 'FAIL', reason: 'checked' }), usage: { input: 1_000_000, output: 0 } };
    });
    const judged = suite('judged', [evalCase('polite', 'ticket 1', [{ type: 'llm-judge', rubric: 'Offers a refund', provider: 'openai', model: 'gpt-5.1-mini' }])], {
      agents: { names: ['support-*'] },
    });
    const report = await runEvaluation(options({ suites: [judged], gate: undefined }));
    const [triage] = report.agents;
    expect(triage!.base.passRate).toBe(1);
    expect(triage!.head.passRate).toBe(0);
    expect(triage!.regressions[0]!.head.failed).toEqual([{ type: 'llm-judge', pass: false, reason: 'judge: FAIL (checked)' }]);
    expect(triage!.base.judge).toEqual({ calls: 1, inputTokens: 1_000_000, outputTokens: 0, costUsd: 0.25 });
    expect(report.costUsd.judge).toBeCloseTo(0.5, 10);
    expect(report.costUsd.total).toBeCloseTo((report.costUsd.models ?? 0) + 0.5, 10);
    const judgeBody = openai.requests.find((r) => (r.body as { model: string }).model === 'gpt-5.1-mini')!.body as Record<string, unknown>;
    expect(judgeBody).toMatchObject({ max_completion_tokens: 4096, response_format: { type: 'json_object' } });
    expect(judgeBody).not.toHaveProperty('temperature');
    expect(report.calls).toBe(4);
    expect((await runEvaluation(options({ suites: [judged], gate: undefined }))).calls).toBe(0);
  });

  it('fails before any call when a provider has no key', async () => {
    const err = await runEvaluation(options({ clientFor: (p) => createClient(p, {}, { timeoutMs: 1000, maxRetries: 0 }) })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(err).toMatchObject({ kind: 'auth' });
    expect(openai.requests.length + anthropic.requests.length).toBe(0);
  });

  it('runs a repeated case once per repeat, each its own cache entry', async () => {
    const repeated = suite('repeated', [evalCase('hello', 'hi', [{ type: 'equals', value: 'Hello!' }])], { repeat: 3 });
    const report = await runEvaluation(options({ suites: [repeated] }));
    expect(report.agents.map((a) => [a.name, a.base.cases, a.head.cases])).toEqual([
      ['support-triage', 3, 3],
      ['billing-bot', 3, 3],
    ]);
    // billing-bot's base and head are the same config: identical calls are made once.
    expect(openai.requests).toHaveLength(6);
    expect(report.calls + report.cached).toBe(12);
  });
});
