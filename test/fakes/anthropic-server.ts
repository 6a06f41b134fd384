import { anthropicBatchRoutes } from './anthropic-batch.js';
import { startFake, type Dialect, type FakeLlmServer, type FakeServerOptions } from './llm-http.js';

export type { FakeBatchOptions, FakeLlmServer, FakeReply, FakeServerOptions, RecordedRequest, Responder } from './llm-http.js';

/** A local stand-in for `POST /v1/messages`. `baseURL` is the origin, as the SDK expects. */
export function startAnthropicFake(options: FakeServerOptions = {}): Promise<FakeLlmServer> {
  return startFake(anthropicDialect, options);
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

const anthropicDialect: Dialect = {
  batchRoutes: anthropicBatchRoutes,
  path: '/v1/messages',
  basePath: '',
  // The API takes `x-api-key`; the SDK sends `Authorization: Bearer`. Both are accepted.
  authorized: (headers, apiKey) => headers['x-api-key'] === apiKey || headers.authorization === `Bearer ${apiKey}`,
  message(reply, body, index) {
    const content: unknown[] = [];
    if (reply.text !== undefined) content.push({ type: 'text', text: reply.text, citations: null });
    (reply.toolCalls ?? []).forEach((call, i) => content.push({ type: 'tool_use', id: `toolu_${index}_${i}`, name: call.name, input: call.arguments }));
    const usage = reply.usage ?? { input: 10, output: 5 };
    return {
      id: `msg_${index}`,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content,
      stop_reason: reply.finishReason ?? (reply.toolCalls?.length ? 'tool_use' : 'end_turn'),
      stop_sequence: null,
      usage: { input_tokens: usage.input, output_tokens: usage.output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    };
  },
  errorBody: (status) => ({ type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message: `fake error ${status}` } }),
};
