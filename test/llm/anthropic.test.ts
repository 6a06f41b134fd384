import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JSON_OBJECT_INSTRUCTION } from '../../src/llm/anthropic.js';
import { createClient, LlmError, type LlmRequest } from '../../src/llm/index.js';
import { startAnthropicFake, type FakeLlmServer, type FakeReply } from '../fakes/anthropic-server.js';
import { KEY, provider } from './helpers.js';

let fake: FakeLlmServer;
beforeEach(async () => {
  fake = await startAnthropicFake({ apiKey: KEY });
});
afterEach(() => fake.close());

const opts = { timeoutMs: 5_000, maxRetries: 2 };
const client = (o = opts) => createClient(provider('anthropic', fake.baseURL), { apiKey: KEY }, o);

const request: LlmRequest = {
  model: 'claude-opus-4-5',
  instructions: 'You are the triage agent.',
  messages: [{ role: 'user', content: 'I was charged twice for order 1182' }],
  tools: [
    { name: 'lookup_order', description: 'Look up an order', parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
    { name: 'escalate' },
  ],
  params: { max_tokens: 800, temperature: 0.2 },
};

async function rejection(promise: Promise<unknown>): Promise<LlmError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmError);
  return err as LlmError;
}

describe('anthropic client', () => {
  it('prints nothing to the console for a model the SDK calls deprecated', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (let i = 0; i < 3; i++) await client().complete({ ...request, model: 'claude-sonnet-4-5' });
      expect(fake.requests).toHaveLength(3);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('puts instructions in system, tools with input_schema, params as they are', async () => {
    await client().complete(request);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe('/v1/messages');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.headers).not.toHaveProperty('x-modelshift-call');
    expect(sent.body).toEqual({
      model: 'claude-opus-4-5',
      max_tokens: 800,
      temperature: 0.2,
      system: 'You are the triage agent.',
      messages: [{ role: 'user', content: 'I was charged twice for order 1182' }],
      tools: [
        { name: 'lookup_order', description: 'Look up an order', input_schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
        { name: 'escalate', input_schema: { type: 'object' } },
      ],
    });
  });

  it('asks for JSON by instruction for json_object and by structured output for json_schema', async () => {
    const base = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
    await client().complete({ ...base, instructions: 'Triage.', responseFormat: { type: 'json_object' }, params: { max_tokens: 10 } });
    await client().complete({ ...base, responseFormat: { type: 'json_object' }, params: { max_tokens: 10 } });
    await client().complete({
      ...base,
      responseFormat: { type: 'json_schema', name: 't', schema: { type: 'object' } },
      params: { max_tokens: 10, output_config: { effort: 'low' } },
    });
    const bodies = fake.requests.map((r) => r.body as Record<string, unknown>);
    expect(bodies[0]!.system).toBe(`Triage.\n\n${JSON_OBJECT_INSTRUCTION}`);
    expect(bodies[1]!.system).toBe(JSON_OBJECT_INSTRUCTION);
    expect(bodies[2]).toEqual({ ...base, max_tokens: 10, output_config: { effort: 'low', format: { type: 'json_schema', schema: { type: 'object' } } } });
  });

  it('parses text blocks, tool_use blocks, usage and stop reason', async () => {
    fake.setResponder(() => ({ type: 'message', text: 'Looking it up', toolCalls: [{ name: 'lookup_order', arguments: { id: '1182' } }], usage: { input: 200, output: 40 } }));
    const res = await client().complete(request);
    expect(res).toMatchObject({
      text: 'Looking it up',
      toolCalls: [{ name: 'lookup_order', arguments: { id: '1182' } }],
      usage: { inputTokens: 200, outputTokens: 40 },
      finishReason: 'tool_use',
    });
  });

  it('retries a 429 after retry-after and an overloaded 529, then succeeds', async () => {
    fake.setResponder((_req, i): FakeReply => {
      if (i === 0) return { type: 'error', status: 429, headers: { 'retry-after': '0.2' } };
      if (i === 1) return { type: 'error', status: 529, headers: { 'retry-after-ms': '10' } };
      return { type: 'message', text: 'fine' };
    });
    const started = Date.now();
    expect((await client().complete(request)).text).toBe('fine');
    expect(fake.requests).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('retries a 500 then succeeds', async () => {
    fake.setResponder((_req, i) => (i === 0 ? { type: 'error', status: 500, headers: { 'retry-after-ms': '10' } } : { type: 'message', text: 'fine' }));
    expect((await client().complete(request)).text).toBe('fine');
  });

  it('normalizes errors by status', async () => {
    fake.setResponder(() => ({ type: 'error', status: 404 }));
    expect(await rejection(client().complete(request))).toMatchObject({ kind: 'request', status: 404, retryable: false });
    fake.setResponder(() => ({ type: 'error', status: 429, headers: { 'retry-after-ms': '1' } }));
    expect(await rejection(client({ timeoutMs: 5_000, maxRetries: 1 }).complete(request))).toMatchObject({ kind: 'rate-limit', status: 429, retryable: true });
  });

  it('times out a hanging response', async () => {
    fake.setResponder(() => ({ type: 'hang' }));
    expect(await rejection(client({ timeoutMs: 200, maxRetries: 0 }).complete(request))).toMatchObject({ kind: 'timeout' });
  });

  it('reports a malformed body as a bad response', async () => {
    fake.setResponder(() => ({ type: 'malformed' }));
    expect(await rejection(client().complete(request))).toMatchObject({ kind: 'bad-response' });
  });

  it('keeps the key out of errors', async () => {
    const other = await startAnthropicFake({ apiKey: 'a-different-key' });
    try {
      other.setResponder(() => ({ type: 'message', text: 'unreachable' }));
      const err = await rejection(createClient(provider('anthropic', other.baseURL), { apiKey: KEY }, opts).complete(request));
      expect(err).toMatchObject({ kind: 'auth', status: 401 });
      expect([err.message, err.stack, JSON.stringify(err), String(err.cause)].join('\n')).not.toContain(KEY);
    } finally {
      await other.close();
    }
  });

  it('needs a key', () => {
    expect(() => createClient(provider('anthropic', fake.baseURL), {}, opts)).toThrow(LlmError);
  });
});

describe('anthropic fake', () => {
  it('accepts x-api-key as the real API does', async () => {
    const res = await fetch(`${fake.baseURL}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', max_tokens: 5, messages: [] }),
    });
    expect(res.status).toBe(200);
    const wrong = await fetch(`${fake.baseURL}/v1/messages`, { method: 'POST', headers: { 'x-api-key': 'nope' }, body: '{}' });
    expect(wrong.status).toBe(401);
  });
});
