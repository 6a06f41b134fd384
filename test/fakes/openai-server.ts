import { openAiBatchRoutes } from './openai-batch.js';
import { startFake, type Dialect, type FakeLlmServer, type FakeServerOptions } from './llm-http.js';

export type { FakeBatchOptions, FakeLlmServer, FakeReply, FakeServerOptions, RecordedRequest, Responder } from './llm-http.js';

/** A local stand-in for `POST /v1/chat/completions`. `baseURL` ends in `/v1`, as the SDK expects. */
export function startOpenAiFake(options: FakeServerOptions = {}): Promise<FakeLlmServer> {
  return startFake(openAiDialect, options);
}

const openAiDialect: Dialect = {
  batchRoutes: openAiBatchRoutes,
  path: '/v1/chat/completions',
  basePath: '/v1',
  authorized: (headers, apiKey) => headers.authorization === `Bearer ${apiKey}`,
  message(reply, body, index) {
    const toolCalls = (reply.toolCalls ?? []).map((call, i) => ({
      id: `call_${index}_${i}`,
      type: 'function',
      function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
    }));
    const usage = reply.usage ?? { input: 10, output: 5 };
    return {
      id: `chatcmpl-${index}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: reply.text ?? null, refusal: null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
          finish_reason: reply.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop'),
          logprobs: null,
        },
      ],
      usage: { prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.input + usage.output },
    };
  },
  errorBody: (status) => ({
    error: { message: `fake error ${status}`, type: status === 429 ? 'rate_limit_exceeded' : 'fake_error', param: null, code: null },
  }),
};
