import type { ResponseFormat, Tool } from '../schema/agent.js';
import type { ProviderType } from '../schema/provider.js';

export type { ResponseFormat, Tool };

export interface LlmMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** One chat turn, in provider-neutral form. Each client maps it to its API. */
export interface LlmRequest {
  model: string;
  instructions?: string;
  messages: LlmMessage[];
  tools?: Tool[];
  responseFormat?: ResponseFormat;
  /** Provider-native parameters (`max_tokens`, `temperature`, …), sent as they are. */
  params: Record<string, unknown>;
}

export interface ToolCall {
  name: string;
  /** Parsed JSON arguments; the raw string when the model sent invalid JSON. */
  arguments: unknown;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export interface LlmResponse {
  text: string;
  toolCalls: ToolCall[];
  usage: Usage;
  /** Time of the attempt that answered, without the SDK's back-off waits before it. */
  latencyMs: number;
  /** The provider's own word (`stop`, `length`, `tool_calls`, `end_turn`, …). */
  finishReason: string;
  /** Answered through the provider's batch API: priced at its batch rate, and no latency was measured (`latencyMs` is 0). */
  batch?: boolean;
}

/** The one call the eval core needs from a model provider. */
export interface LlmClient {
  complete(req: LlmRequest, signal?: AbortSignal): Promise<LlmResponse>;
}

export interface ClientOptions {
  /** Per attempt; the SDK retries a timed-out attempt while retries remain. */
  timeoutMs: number;
  /** Retries on 408/409/429/5xx and connection errors, honouring `retry-after`. */
  maxRetries: number;
}

export interface ClientSecrets {
  /** Read once by the caller from the env var the provider names; never logged. */
  apiKey?: string;
}

export type { ProviderType };
