import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, LlmError, type LlmRequest } from '../../src/llm/index.js';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { KEY, provider } from './helpers.js';

let fake: FakeLlmServer;
beforeEach(async () => {
  fake = await startOpenAiFake({ apiKey: KEY });
});
afterEach(() => fake.close());

const opts = { timeoutMs: 5_000, maxRetries: 2 };
const client = (o = opts) => createClient(provider('openai', fake.baseURL), { apiKey: KEY }, o);

const request: LlmRequest = {
  model: 'gpt-4.1',
  instructions: 'You are the triage agent.',
  messages: [
    { role: 'user', content: 'I was charged twice' },
    { role: 'assistant', content: 'Which order?' },
    { role: 'user', content: 'order 1182' },
  ],
  tools: [
    { name: 'lookup_order', description: 'Look up an order', parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
    { name: 'escalate' },
  ],
  responseFormat: { type: 'json_schema', name: 'triage', schema: { type: 'object' }, strict: true },
  params: { temperature: 0.2, max_tokens: 800 },
};

/** Fails the test when the promise resolves; returns the LlmError it rejected with. */
async function rejection(promise: Promise<unknown>): Promise<LlmError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmError);
  return err as LlmError;
}

describe('openai client', () => {
  it('maps instructions, messages, tools, response format and params onto chat.completions', async () => {
    await client().complete(request);
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.headers).not.toHaveProperty('x-modelshift-call');
    expect(sent.body).toEqual({
      model: 'gpt-4.1',
      temperature: 0.2,
      max_tokens: 800,
      messages: [
        { role: 'system', content: 'You are the triage agent.' },
        { role: 'user', content: 'I was charged twice' },
        { role: 'assistant', content: 'Which order?' },
        { role: 'user', content: 'order 1182' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'lookup_order', description: 'Look up an order', parameters: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } },
        },
        { type: 'function', function: { name: 'escalate' } },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'triage', schema: { type: 'object' }, strict: true } },
    });
  });

  it('sends json_object and text formats as they are, and no system message without instructions', async () => {
    await client().complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }], responseFormat: { type: 'json_object' }, params: {} });
    await client().complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }], responseFormat: { type: 'text' }, params: {} });
    expect(fake.requests.map((r) => r.body)).toEqual([
      { model: 'm', messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'json_object' } },
      { model: 'm', messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'text' } },
    ]);
  });

  it('parses text, tool calls, usage and finish reason', async () => {
    fake.setResponder(() => ({
      type: 'message',
      text: 'Looking it up',
      toolCalls: [
        { name: 'lookup_order', arguments: { id: '1182' } },
        { name: 'escalate', arguments: '{not json' },
      ],
      usage: { input: 120, output: 30 },
    }));
    const res = await client().complete(request);
    expect(res).toMatchObject({
      text: 'Looking it up',
      toolCalls: [
        { name: 'lookup_order', arguments: { id: '1182' } },
        { name: 'escalate', arguments: '{not json' },
      ],
      usage: { inputTokens: 120, outputTokens: 30 },
      finishReason: 'tool_calls',
    });
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('retries a 429 after the retry-after delay, then succeeds; latency excludes the wait', async () => {
    fake.setResponder((_req, i) => (i === 0 ? { type: 'error', status: 429, headers: { 'retry-after': '0.3' } } : { type: 'message', text: 'fine' }));
    const started = Date.now();
    const res = await client().complete(request);
    expect(res.text).toBe('fine');
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.latencyMs).toBeLessThan(250);
  });

  it('retries a 500, then succeeds', async () => {
    fake.setResponder((_req, i) => (i === 0 ? { type: 'error', status: 500, headers: { 'retry-after-ms': '10' } } : { type: 'message', text: 'fine' }));
    expect((await client().complete(request)).text).toBe('fine');
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up after maxRetries with a retryable server error', async () => {
    fake.setResponder(() => ({ type: 'error', status: 503, headers: { 'retry-after-ms': '5' } }));
    const err = await rejection(client({ timeoutMs: 5_000, maxRetries: 2 }).complete(request));
    expect(err).toMatchObject({ kind: 'server', status: 503, retryable: true, provider: 'fake' });
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a 400 and reports it as not retryable', async () => {
    fake.setResponder(() => ({ type: 'error', status: 400 }));
    const err = await rejection(client().complete(request));
    expect(err).toMatchObject({ kind: 'request', status: 400, retryable: false });
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a hanging response', async () => {
    fake.setResponder(() => ({ type: 'hang' }));
    const err = await rejection(client({ timeoutMs: 200, maxRetries: 0 }).complete(request));
    expect(err).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('stops when the caller aborts', async () => {
    fake.setResponder(() => ({ type: 'hang' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await rejection(client().complete(request, controller.signal));
    expect(err).toMatchObject({ kind: 'aborted', retryable: false });
  });

  it('reports a malformed body as a bad response', async () => {
    fake.setResponder(() => ({ type: 'malformed' }));
    const err = await rejection(client().complete(request));
    expect(err).toMatchObject({ kind: 'bad-response', retryable: false });
  });

  it('never puts the key in an error, even when the server echoes it', async () => {
    fake.setResponder(() => ({ type: 'error', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error' } } }));
    const err = await rejection(client().complete(request));
    expect(err).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    const everything = [err.message, err.stack, JSON.stringify(err), String(err.cause), err.details.hint].join('\n');
    expect(everything).not.toContain(KEY);
    expect(err.message).toContain('[redacted]');
  });

  it('refuses to start without a key, naming the variable', () => {
    expect(() => createClient(provider('openai', fake.baseURL), {}, opts)).toThrow(LlmError);
    try {
      createClient(provider('openai', fake.baseURL), {}, opts);
    } catch (err) {
      expect(err).toMatchObject({ kind: 'auth', details: { hint: 'set the environment variable FAKE_API_KEY' } });
    }
  });

  it('lets an openai-compatible server run without a key', async () => {
    const open = await startOpenAiFake();
    try {
      const res = await createClient(provider('openai-compatible', open.baseURL), {}, opts).complete(request);
      expect(res.text).toBe('ok');
      expect(open.requests[0]!.headers.authorization).toBe('Bearer no-key');
    } finally {
      await open.close();
    }
  });

  it('sends the key as api-key to azure-openai', async () => {
    await createClient(provider('azure-openai', fake.baseURL), { apiKey: KEY }, opts).complete(request);
    expect(fake.requests[0]!.headers['api-key']).toBe(KEY);
  });
});
