import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { Provider } from '../schema/provider.js';
import { LlmError, missingKey, normalizeSdkError, type SdkErrorClasses } from './errors.js';
import { AttemptClock } from './timing.js';
import type { ClientOptions, ClientSecrets, LlmClient, LlmRequest, LlmResponse, ResponseFormat, Tool, ToolCall } from './types.js';

export const ERRORS: SdkErrorClasses = {
  base: OpenAIError,
  api: APIError,
  abort: APIUserAbortError,
  timeout: APIConnectionTimeoutError,
  connection: APIConnectionError,
};

/**
 * Sent when an `openai-compatible` provider names no key: local servers
 * (Ollama, vLLM) ignore the header, and the SDK refuses to start without one.
 */
const NO_KEY_PLACEHOLDER = 'no-key';

/** The SDK for one provider connection, online and batch alike. */
export function openAiSdk(provider: Provider, apiKey: string, opts: ClientOptions, extra: Pick<ConstructorParameters<typeof OpenAI>[0] & object, 'fetch' | 'defaultHeaders'> = {}): OpenAI {
  return new OpenAI({
    apiKey,
    // Explicit values so the SDK reads nothing from the environment.
    baseURL: provider.spec.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    logLevel: 'off',
    ...extra,
  });
}

/**
 * Chat Completions through the `openai` SDK, for `openai`, `openai-compatible`
 * and `azure-openai` providers. Azure is reached through its v1 API
 * (`baseURL` ending in `/openai/v1`), which takes the key as `api-key`.
 */
export function createOpenAiClient(provider: Provider, secrets: ClientSecrets, opts: ClientOptions): LlmClient {
  const name = provider.metadata.name;
  const type = provider.spec.type;
  if (!secrets.apiKey && type !== 'openai-compatible') throw missingKey(provider);
  const apiKey = secrets.apiKey || NO_KEY_PLACEHOLDER;
  const clock = new AttemptClock();
  const sdk = openAiSdk(provider, apiKey, opts, { fetch: clock.fetch, ...(type === 'azure-openai' ? { defaultHeaders: { 'api-key': apiKey } } : {}) });

  return {
    async complete(req: LlmRequest, signal?: AbortSignal): Promise<LlmResponse> {
      try {
        const { value, latencyMs } = await clock.time((headers) => sdk.chat.completions.create(toChatBody(req), { signal, headers }));
        return fromChatCompletion(value, latencyMs, name);
      } catch (err) {
        throw normalizeSdkError(err, ERRORS, name, secrets.apiKey);
      }
    },
  };
}

export function toChatBody(req: LlmRequest): ChatCompletionCreateParamsNonStreaming {
  const messages: ChatCompletionMessageParam[] = [];
  if (req.instructions !== undefined) messages.push({ role: 'system', content: req.instructions });
  for (const m of req.messages) messages.push({ role: m.role, content: m.content });
  // Params first: the request's own fields win over a same-named param.
  const body: ChatCompletionCreateParamsNonStreaming = { ...req.params, model: req.model, messages };
  if (req.tools?.length) body.tools = req.tools.map(toFunctionTool);
  if (req.responseFormat) body.response_format = toResponseFormat(req.responseFormat);
  return body;
}

function toFunctionTool(tool: Tool): ChatCompletionTool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      ...(tool.parameters !== undefined ? { parameters: tool.parameters } : {}),
    },
  };
}

function toResponseFormat(format: ResponseFormat): NonNullable<ChatCompletionCreateParamsNonStreaming['response_format']> {
  switch (format.type) {
    case 'text':
    case 'json_object':
      return { type: format.type };
    case 'json_schema':
      return {
        type: 'json_schema',
        json_schema: { name: format.name, schema: format.schema, ...(format.strict !== undefined ? { strict: format.strict } : {}) },
      };
  }
}

export function fromChatCompletion(completion: ChatCompletion, latencyMs: number, provider: string): LlmResponse {
  const choice = completion.choices?.[0];
  if (!choice?.message) {
    throw new LlmError(`${provider}: the response has no choices`, { kind: 'bad-response', provider });
  }
  const toolCalls: ToolCall[] = [];
  for (const call of choice.message.tool_calls ?? []) {
    if (call.type === 'function') toolCalls.push({ name: call.function.name, arguments: parseArguments(call.function.arguments) });
  }
  return {
    text: choice.message.content ?? '',
    toolCalls,
    usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 },
    latencyMs,
    finishReason: choice.finish_reason ?? 'unknown',
  };
}

/** Models sometimes send arguments that are not JSON; the assertion then says so. */
function parseArguments(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
