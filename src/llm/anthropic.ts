import Anthropic, { AnthropicError, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { Message, MessageCreateParamsNonStreaming, Tool as AnthropicTool } from '@anthropic-ai/sdk/resources/messages';
import type { Provider } from '../schema/provider.js';
import { missingKey, normalizeSdkError, type SdkErrorClasses } from './errors.js';
import { AttemptClock } from './timing.js';
import type { ClientOptions, ClientSecrets, LlmClient, LlmRequest, LlmResponse, Tool, ToolCall } from './types.js';

export const ERRORS: SdkErrorClasses = {
  base: AnthropicError,
  api: APIError,
  abort: APIUserAbortError,
  timeout: APIConnectionTimeoutError,
  connection: APIConnectionError,
};

/**
 * The Messages API has no "any JSON object" mode, so `json_object` becomes an
 * instruction at the end of the system prompt. No assistant prefill (`{`) is
 * used: newer models refuse prefill together with some features, and a
 * prefilled answer is not what the agent would return in production.
 */
export const JSON_OBJECT_INSTRUCTION = 'Respond with one JSON object and nothing else: no prose before or after it, no Markdown code fences.';

/** The SDK for one provider connection, online and batch alike. */
export function anthropicSdk(provider: Provider, apiKey: string, opts: ClientOptions, fetch?: typeof globalThis.fetch): Anthropic {
  return new Anthropic({
    apiKey,
    // Explicit values so the SDK reads neither the environment nor credential files.
    authToken: null,
    webhookKey: null,
    baseURL: provider.spec.baseURL ?? 'https://api.anthropic.com',
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    logLevel: 'off',
    openTelemetry: false,
    ...(fetch ? { fetch } : {}),
  });
}

/**
 * The Messages API through `@anthropic-ai/sdk`: instructions go to `system`,
 * tools carry `input_schema`, and a `json_schema` response format uses the
 * API's structured outputs (`output_config.format`).
 */
export function createAnthropicClient(provider: Provider, secrets: ClientSecrets, opts: ClientOptions): LlmClient {
  const name = provider.metadata.name;
  if (!secrets.apiKey) throw missingKey(provider);
  const clock = new AttemptClock();
  const sdk = anthropicSdk(provider, secrets.apiKey, opts, clock.fetch);

  return {
    async complete(req: LlmRequest, signal?: AbortSignal): Promise<LlmResponse> {
      try {
        // The SDK's own transport (retries, errors, timeout), without `messages.create`, which
        // prints a deprecation banner to the console on every call; modelshift reports a model's
        // retirement itself, once, from the catalog.
        const { value, latencyMs } = await clock.time((headers) => sdk.post<Message>('/v1/messages', { body: toMessagesBody(req), signal, headers, timeout: opts.timeoutMs }));
        return fromMessage(value, latencyMs);
      } catch (err) {
        throw normalizeSdkError(err, ERRORS, name, secrets.apiKey);
      }
    },
  };
}

export function toMessagesBody(req: LlmRequest): MessageCreateParamsNonStreaming {
  const body: Record<string, unknown> = { ...req.params, model: req.model, messages: req.messages.map((m) => ({ role: m.role, content: m.content })) };
  const system = [req.instructions, req.responseFormat?.type === 'json_object' ? JSON_OBJECT_INSTRUCTION : undefined].filter((s) => s !== undefined);
  if (system.length) body.system = system.join('\n\n');
  if (req.tools?.length) body.tools = req.tools.map(toAnthropicTool);
  if (req.responseFormat?.type === 'json_schema') {
    const outputConfig = isRecord(req.params.output_config) ? req.params.output_config : {};
    body.output_config = { ...outputConfig, format: { type: 'json_schema', schema: req.responseFormat.schema } };
  }
  // `max_tokens`, which the type requires, is a provider-native param the agent
  // carries; the catalog check (`validate`, `plan`) reports it when missing.
  return body as unknown as MessageCreateParamsNonStreaming;
}

function toAnthropicTool(tool: Tool): AnthropicTool {
  return {
    name: tool.name,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    // The API requires a schema; a tool without parameters takes an empty object.
    input_schema: { type: 'object', ...tool.parameters },
  };
}

export function fromMessage(message: Message, latencyMs: number): LlmResponse {
  const text: string[] = [];
  const toolCalls: ToolCall[] = [];
  for (const block of message.content ?? []) {
    if (block.type === 'text') text.push(block.text);
    else if (block.type === 'tool_use') toolCalls.push({ name: block.name, arguments: block.input });
  }
  const usage = message.usage;
  return {
    text: text.join(''),
    toolCalls,
    // Cache writes and reads are input the model processed, billed as input.
    usage: {
      inputTokens: (usage?.input_tokens ?? 0) + (usage?.cache_creation_input_tokens ?? 0) + (usage?.cache_read_input_tokens ?? 0),
      outputTokens: usage?.output_tokens ?? 0,
    },
    latencyMs,
    finishReason: message.stop_reason ?? 'unknown',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
