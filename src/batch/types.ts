import type { LlmError } from '../llm/errors.js';
import type { LlmRequest, LlmResponse } from '../llm/types.js';

/** One request of a batch; `customId` is the eval cache key, so a result lands under the key an online call would use. */
export interface BatchItem {
  customId: string;
  request: LlmRequest;
}

/** A batch as one poll saw it. */
export interface BatchStatus {
  /** `ended`: no request will change any more (completed, expired, cancelled or refused as a whole). */
  state: 'running' | 'ended';
  /** The provider's own word (`in_progress`, `finalizing`, `expired`, `ended`, …), for progress and error messages. */
  providerStatus: string;
  /** How an ended batch ended; decides what an unanswered request's error says. */
  ending?: 'completed' | 'expired' | 'cancelled' | 'refused';
  counts: { total: number; completed: number; failed: number };
  /** Why the provider refused the whole batch, when it did. */
  detail?: string;
}

/** What a batch says about one request. A request it does not mention was not answered (expired, cancelled). */
export type BatchOutcome = { customId: string; response: LlmResponse } | { customId: string; error: LlmError };

/**
 * One provider connection's batch API. Implementations wrap the provider's
 * SDK (src/llm/*-batch.ts) and throw `LlmError` when a call of the batch API
 * itself fails after the SDK's retries.
 */
export interface BatchBackend {
  /** The most requests one batch takes; more are split over several batches. */
  maxRequests: number;
  /** The most bytes one batch takes; a batch is also split before it would grow past them. */
  maxBytes: number;
  /** An item's size as `submit` sends it. */
  itemBytes(item: BatchItem): number;
  /** Submits the requests as one batch; returns the provider's batch id. */
  submit(items: BatchItem[], signal?: AbortSignal): Promise<string>;
  status(id: string, signal?: AbortSignal): Promise<BatchStatus>;
  /** The outcomes of an ended batch, as they are read. */
  results(id: string, signal?: AbortSignal): AsyncIterable<BatchOutcome>;
  /**
   * Deletes what an ended batch left in the provider's storage (OpenAI: its
   * input, output and error files), once its answers are in the cache. Best
   * effort: returns a warning for each thing it could not delete instead of
   * throwing; something already gone is not a failure. Absent where a batch
   * leaves nothing behind that modelshift deletes.
   */
  cleanUp?(id: string, signal?: AbortSignal): Promise<string[]>;
}

/** What one provider's batches did in a run: the report's `batch` section. */
export interface ProviderBatchSummary {
  provider: string;
  /** Ids of the batches this run waited for, resumed ones first. */
  batches: string[];
  /** Batches an earlier run submitted that this run resumed. */
  resumed: number;
  /** Requests this run needed from batches: those not in the cache. */
  requests: number;
  answered: number;
  failed: number;
  /** Failed requests left to the online call (full price). */
  retriedOnline: number;
  polls: number;
  /** The share off the online price the answers were priced at. */
  discount: number;
}
