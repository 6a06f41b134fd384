import type { Provider, ProviderType } from '../schema/provider.js';
import { createAnthropicClient } from './anthropic.js';
import { createOpenAiClient } from './openai.js';
import type { ClientOptions, ClientSecrets, LlmClient } from './types.js';

export * from './types.js';
export { LlmError, type LlmErrorKind } from './errors.js';

export type ClientFactory = (provider: Provider, secrets: ClientSecrets, opts: ClientOptions) => LlmClient;

/** One implementation per provider type; the zod discriminant picks it. */
export const clientFactories: Record<ProviderType, ClientFactory> = {
  openai: createOpenAiClient,
  'openai-compatible': createOpenAiClient,
  'azure-openai': createOpenAiClient,
  anthropic: createAnthropicClient,
};

/**
 * A client for one provider. The key is read by the caller, once, from the
 * environment variable the provider names. Throws `LlmError` (kind `auth`)
 * when a provider that needs a key has none.
 */
export function createClient(provider: Provider, secrets: ClientSecrets, opts: ClientOptions): LlmClient {
  return clientFactories[provider.spec.type](provider, secrets, opts);
}
