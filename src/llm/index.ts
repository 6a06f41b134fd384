import type { Provider, ProviderType } from '../schema/provider.js';
import { missingKey } from './errors.js';
import type { ClientOptions, ClientSecrets, LlmClient } from './types.js';

export * from './types.js';
export { LlmError, type LlmErrorKind } from './errors.js';

export type ClientFactory = (provider: Provider, secrets: ClientSecrets, opts: ClientOptions) => LlmClient;

/**
 * A client whose SDK is imported on its first call: an OpenAI-only run never
 * loads `@anthropic-ai/sdk` (~100 ms of start-up), and a cached one neither.
 * The missing-key check stays where the client is made, as the SDK clients do it.
 */
function onFirstCall(load: () => Promise<ClientFactory>, needsKey: (type: ProviderType) => boolean): ClientFactory {
  return (provider, secrets, opts) => {
    if (!secrets.apiKey && needsKey(provider.spec.type)) throw missingKey(provider);
    let client: Promise<LlmClient> | undefined;
    return {
      async complete(req, signal) {
        client ??= load().then((create) => create(provider, secrets, opts));
        return (await client).complete(req, signal);
      },
    };
  };
}

const openai = onFirstCall(async () => (await import('./openai.js')).createOpenAiClient, (type) => type !== 'openai-compatible');
const anthropic = onFirstCall(async () => (await import('./anthropic.js')).createAnthropicClient, () => true);

/** One implementation per provider type; the zod discriminant picks it. */
export const clientFactories: Record<ProviderType, ClientFactory> = {
  openai,
  'openai-compatible': openai,
  'azure-openai': openai,
  anthropic,
};

/**
 * A client for one provider. The key is read by the caller, once, from the
 * environment variable the provider names. Throws `LlmError` (kind `auth`)
 * when a provider that needs a key has none.
 */
export function createClient(provider: Provider, secrets: ClientSecrets, opts: ClientOptions): LlmClient {
  return clientFactories[provider.spec.type](provider, secrets, opts);
}
