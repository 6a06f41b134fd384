import type { ClientOptions, ClientSecrets } from '../llm/types.js';
import type { Provider, ProviderType } from '../schema/provider.js';
import type { BatchBackend } from './types.js';

export type BatchFactory = (provider: Provider, secrets: ClientSecrets, opts: ClientOptions) => Promise<BatchBackend>;

/**
 * The provider types with a batch API modelshift drives, keyed by the zod
 * discriminant. Each SDK is imported only when a batch runs, so an online
 * eval loads none of this.
 */
export const batchFactories: Partial<Record<ProviderType, BatchFactory>> = {
  openai: async (provider, secrets, opts) => (await import('../llm/openai-batch.js')).createOpenAiBatch(provider, secrets, opts),
  anthropic: async (provider, secrets, opts) => (await import('../llm/anthropic-batch.js')).createAnthropicBatch(provider, secrets, opts),
};

export function supportsBatch(type: ProviderType): boolean {
  return batchFactories[type] !== undefined;
}
