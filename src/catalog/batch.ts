import type { ProviderType } from '../schema/provider.js';

/** What a provider's batch API charges and takes, with where that was read. */
export interface BatchFacts {
  /** Share taken off the synchronous price, on input and output tokens alike. */
  discount: number;
  /** The most requests one batch takes; a larger run is submitted as several batches. */
  maxRequests: number;
  /** The most bytes one batch's requests take, as sent (OpenAI: the JSONL file; Anthropic: the request body). */
  maxBytes: number;
  /** Where each fact was read: the discount's page and the limits' page. */
  sources: { discount: string; limits: string };
  checked: string;
}

/**
 * The provider types whose batch API modelshift drives. `openai-compatible`
 * servers and Azure deployments are left out: whether they offer the API,
 * and at what price, depends on the server, so a run there stays online.
 */
export const BATCH_FACTS: Partial<Record<ProviderType, BatchFacts>> = {
  openai: {
    // "Each model will be offered at 50% cost discount vs. the synchronous APIs"; an input file holds up to
    // 50,000 requests and 200 MB (the API reference, also in the openai SDK's BatchCreateParams).
    discount: 0.5,
    maxRequests: 50_000,
    maxBytes: 200 * 1024 * 1024,
    sources: { discount: 'https://help.openai.com/en/articles/9197833-batch-api-faq', limits: 'https://developers.openai.com/api/reference/cli/resources/batches/index.md' },
    checked: '2026-12-01',
  },
  anthropic: {
    // "reducing costs by 50%"; a batch is limited to 100,000 requests or 256 MB.
    discount: 0.5,
    maxRequests: 100_000,
    maxBytes: 256 * 1024 * 1024,
    sources: { discount: 'https://platform.claude.com/docs/en/build-with-claude/batch-processing', limits: 'https://docs.claude.com/de/api/creating-message-batches' },
    checked: '2026-12-01',
  },
};

/** The batch discount for answers of this provider type; 0 where modelshift runs no batches. */
export function batchDiscount(providerType: ProviderType): number {
  return BATCH_FACTS[providerType]?.discount ?? 0;
}
