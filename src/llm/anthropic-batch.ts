import type { MessageBatchIndividualResponse } from '@anthropic-ai/sdk/resources/messages/batches';
import type { BatchBackend, BatchItem, BatchOutcome } from '../batch/types.js';
import { BATCH_FACTS } from '../catalog/batch.js';
import type { Provider } from '../schema/provider.js';
import { redactor } from '../secrets/redact.js';
import { LlmError, missingKey, sdkGuard, type LlmErrorKind } from './errors.js';
import { anthropicSdk, ERRORS, fromMessage, toMessagesBody } from './anthropic.js';
import type { ClientOptions, ClientSecrets } from './types.js';


/** The API's error `type`s, as the kinds an online call's HTTP status would give. */
const KINDS: Record<string, LlmErrorKind> = {
  invalid_request_error: 'request',
  not_found_error: 'request',
  request_too_large: 'request',
  authentication_error: 'auth',
  permission_error: 'auth',
  billing_error: 'auth',
  rate_limit_error: 'rate-limit',
  timeout_error: 'timeout',
  api_error: 'server',
  overloaded_error: 'server',
};

/**
 * Message Batches through `@anthropic-ai/sdk`: `messages.batches.create` with
 * one Messages body per request, `retrieve` to poll, `results` to stream the
 * JSONL of outcomes once processing has ended, `delete` once they are cached
 * (https://platform.claude.com/docs/en/api/deleting-message-batches).
 */
export function createAnthropicBatch(provider: Provider, secrets: ClientSecrets, opts: ClientOptions): BatchBackend {
  const name = provider.metadata.name;
  if (!secrets.apiKey) throw missingKey(provider);
  const scrub = redactor([secrets.apiKey]);
  const sdk = anthropicSdk(provider, secrets.apiKey, opts);
  const guard = sdkGuard(ERRORS, name, secrets.apiKey);

  return {
    maxRequests: BATCH_FACTS.anthropic!.maxRequests,
    maxBytes: BATCH_FACTS.anthropic!.maxBytes,
    // One entry of the `requests` array, with its comma.
    itemBytes: (item) => Buffer.byteLength(JSON.stringify(entry(item))) + 1,
    submit: (items, signal) =>
      guard(async () => {
        const requests = items.map(entry);
        return (await sdk.messages.batches.create({ requests }, { signal })).id;
      }),
    status: (id, signal) =>
      guard(async () => {
        const batch = await sdk.messages.batches.retrieve(id, {}, { signal });
        const c = batch.request_counts;
        const ended = batch.processing_status === 'ended';
        return {
          state: ended ? 'ended' : 'running',
          providerStatus: batch.processing_status,
          counts: { total: c.processing + c.succeeded + c.errored + c.canceled + c.expired, completed: c.succeeded, failed: c.errored + c.canceled + c.expired },
          ...(ended ? { ending: batch.cancel_initiated_at ? 'cancelled' : 'completed' } : {}),
        } as const;
      }),
    async *results(id, signal) {
      const lines = await guard(() => sdk.messages.batches.results(id, {}, { signal }));
      const iterator = lines[Symbol.asyncIterator]();
      for (;;) {
        const next = await guard(() => iterator.next());
        if (next.done) return;
        yield outcomeOf(next.value, name, scrub);
      }
    },
    // The batch goes with its results, which hold every prompt and answer: read, they are in the cache.
    async cleanUp(id, signal) {
      try {
        await guard(() => sdk.messages.batches.delete(id, {}, { signal }));
        return [];
      } catch (err) {
        if (!(err instanceof LlmError)) throw err;
        // Already gone: another run that resumed the same batch deleted it first.
        if (err.status === 404) return [];
        return [`could not delete batch ${id} (${err.message}); Anthropic keeps it and its results until it is deleted`];
      }
    },
  };
}

/** One result line as the answer or the error an online call would have given. */
/** One entry of the batch's `requests`. */
function entry(item: BatchItem) {
  return { custom_id: item.customId, params: toMessagesBody(item.request) };
}

function outcomeOf(line: MessageBatchIndividualResponse, provider: string, scrub: (text: string) => string): BatchOutcome {
  const customId = line.custom_id;
  const { result } = line;
  switch (result.type) {
    case 'succeeded':
      return { customId, response: fromMessage(result.message, 0) };
    case 'errored': {
      const { type, message } = result.error.error;
      return { customId, error: new LlmError(`${provider}: in a batch, ${type}: ${scrub(message)}`, { kind: KINDS[type] ?? 'server', provider }) };
    }
    case 'expired':
      return { customId, error: new LlmError(`${provider}: the batch expired before it answered this request (its window is 24 hours)`, { kind: 'timeout', provider }) };
    case 'canceled':
      return { customId, error: new LlmError(`${provider}: the batch was cancelled before it answered this request`, { kind: 'server', provider }) };
  }
}
