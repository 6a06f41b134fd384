import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/eval/index.js';
import { createClient } from '../../src/llm/index.js';
import type { Provider } from '../../src/schema/provider.js';
import type { FakeLlmServer } from '../fakes/llm-http.js';
import { startOpenAiFake } from '../fakes/openai-server.js';
import { agent, catalog, evalCase, provider, suite } from './fixtures.js';

const KEY = 'sk-eval-secret-0123456789';
let openai: FakeLlmServer;
let dir: string;
let openaiProvider: Provider;

beforeEach(async () => {
  openai = await startOpenAiFake({ apiKey: KEY, responder: () => ({ type: 'message', text: 'Refund for order 1182 is on its way', usage: { input: 1000, output: 100 } }) });
  openaiProvider = provider('openai', 'openai', openai.baseURL);
  dir = await mkdtemp(join(tmpdir(), 'modelshift-checks-'));
  await writeFile(join(dir, 'order-id.mjs'), 'export default (output) => ({ pass: /\\b1182\\b/.test(output), reason: "order id quoted" });\n');
  await writeFile(join(dir, 'hang.mjs'), 'export default () => new Promise(() => {});\n');
});
afterEach(async () => {
  await Promise.all([openai.close(), rm(dir, { recursive: true, force: true })]);
});

describe('the new checks inside a real run', () => {
  it('runs javascript, cost and latency checks; a hanging check is an error of its own kind, not a model failure', async () => {
    const base = agent('support-triage', { provider: 'openai', name: 'gpt-4.1' });
    const head = agent('support-triage', { provider: 'openai', name: 'gpt-5.1' });
    const checks = suite('checks', [
      evalCase('order id', 'ticket', [{ type: 'javascript', file: join(dir, 'order-id.mjs') }, { type: 'max-cost', value: 0.01 }, { type: 'max-latency', value: 10_000 }, { type: 'is-refusal', not: true }]),
      evalCase('hangs', 'ticket 2', [{ type: 'javascript', file: join(dir, 'hang.mjs'), timeoutMs: 200 }]),
    ], { defaultAssert: [{ type: 'contains', value: 'refund', ignoreCase: true }] });
    const started = Date.now();
    const report = await runEvaluation({
      pairs: [{ agent: 'support-triage', base: { agent: base, provider: openaiProvider }, head: { agent: head, provider: openaiProvider } }],
      suites: [checks],
      providers: [openaiProvider],
      catalog,
      clientFor: (p) => createClient(p, { apiKey: KEY }, { timeoutMs: 5_000, maxRetries: 0 }),
      cacheDir: join(dir, 'cache'),
      concurrency: 2,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    const [triage] = report.agents;
    expect(triage!.base).toMatchObject({ cases: 2, passed: 1, errors: 1 });
    expect(triage!.errors.map((e) => [e.side, e.case, e.kind])).toEqual([['base', 'hangs', 'assertion'], ['head', 'hangs', 'assertion']]);
    expect(triage!.errors[0]!.message).toMatch(/hang\.mjs: timed out after 200 ms/);
    expect(triage!.regressions).toEqual([]);
  });
});
