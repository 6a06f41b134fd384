import { UsageError } from '../errors.js';
import { LlmError } from '../llm/errors.js';
import type { LlmClient, LlmRequest, LlmResponse } from '../llm/types.js';
import type { Provider } from '../schema/provider.js';
import { cacheKey, type ResponseCache } from './cache.js';
import { Semaphore } from './semaphore.js';

/** `--offline` and the answer is not in the cache. */
export class CacheMissError extends UsageError {
  override name = 'CacheMissError';
}

/** The cache key of one model call: what an online call and a batch request of it share. */
export function requestKey(provider: Provider, request: LlmRequest, repeat: number): string {
  return cacheKey({ providerType: provider.spec.type, baseURL: provider.spec.baseURL ?? null, request, repeat });
}

/** What the provider batches of this run gave, by cache key. */
export interface BatchResults {
  answers: Map<string, LlmResponse>;
  /** Requests a batch failed and that are not retried online: reported as errors, without calling. */
  errors: ReadonlyMap<string, LlmError>;
}

export interface CallerOptions {
  /** Builds the client for a provider; called once per provider. */
  clientFor: (provider: Provider) => LlmClient;
  cache: ResponseCache;
  /** Answer only from the cache. */
  offline: boolean;
  /** Calls in flight per provider. */
  concurrency: number;
  signal?: AbortSignal;
  /** Answers and failures of this run's batches: calls made in this run, so they count as calls, not as cached. */
  batch?: BatchResults;
}

export interface CallResult {
  response: LlmResponse;
  /** No call was made: the cache (or an identical call in flight) answered. */
  cached: boolean;
}

/**
 * Every model call of an eval goes through here: the cache first, then a slot
 * on the provider's semaphore, then the client; the answer is written to the
 * cache as soon as it arrives.
 */
export class ModelCaller {
  /** Calls made (not counting the SDK's retries inside one call). */
  calls = 0;
  /** Answers that needed no call. */
  cached = 0;
  private readonly clients = new Map<string, LlmClient>();
  private readonly slots = new Map<string, Semaphore>();
  /** Identical requests in flight share one call (base and head configs can be equal). */
  private readonly inFlight = new Map<string, Promise<CallResult>>();

  constructor(private readonly opts: CallerOptions) {}

  /** Creates the provider's client now, so a missing key stops the run before any call. */
  prepare(provider: Provider): void {
    this.client(provider);
  }

  async call(provider: Provider, request: LlmRequest, repeat: number): Promise<CallResult> {
    const key = requestKey(provider, request, repeat);
    const shared = this.inFlight.get(key);
    if (shared) {
      const { response } = await shared;
      this.cached++;
      return { response, cached: true };
    }
    // Registered before the first await, so an identical request arriving meanwhile waits for this one.
    const pending = this.lookupOrCall(provider, request, key);
    this.inFlight.set(key, pending);
    try {
      return await pending;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async lookupOrCall(provider: Provider, request: LlmRequest, key: string): Promise<CallResult> {
    const { batch } = this.opts;
    const answered = batch?.answers.get(key);
    if (answered) {
      // Taken once: a later identical request finds it in the cache, as after an online call.
      batch!.answers.delete(key);
      this.calls++;
      return { response: answered, cached: false };
    }
    const failed = batch?.errors.get(key);
    if (failed) {
      this.calls++;
      throw failed;
    }
    const hit = await this.opts.cache.get(key);
    if (hit) {
      this.cached++;
      return { response: hit, cached: true };
    }
    if (this.opts.offline) {
      throw new CacheMissError(`no cached answer for ${provider.metadata.name}/${request.model}`, 'run once without --offline to fill the cache');
    }
    const { signal } = this.opts;
    const release = await this.slot(provider).acquire(signal);
    if (!release) throw aborted(provider);
    let response: LlmResponse;
    const call = followingSignal(signal);
    try {
      if (signal?.aborted) throw aborted(provider);
      this.calls++;
      response = await this.client(provider).complete(request, call.signal);
    } finally {
      call.done();
      release();
    }
    await this.opts.cache.put(key, response);
    return { response, cached: false };
  }

  private client(provider: Provider): LlmClient {
    const name = provider.metadata.name;
    let client = this.clients.get(name);
    if (!client) {
      client = this.opts.clientFor(provider);
      this.clients.set(name, client);
    }
    return client;
  }

  private slot(provider: Provider): Semaphore {
    const name = provider.metadata.name;
    let slot = this.slots.get(name);
    if (!slot) {
      slot = new Semaphore(this.opts.concurrency);
      this.slots.set(name, slot);
    }
    return slot;
  }
}

/**
 * A signal of the call's own that aborts with the run's. The SDKs add an abort
 * listener to the signal a call gets and never remove it: handed the run's
 * signal, every call of the run would leave one there, kept to the end, and
 * each add walks the list (10,000 calls took 0.5 s of adding, 30,000 took 6 s).
 * This way the run's signal holds one listener per call in flight.
 */
function followingSignal(run: AbortSignal | undefined): { signal: AbortSignal | undefined; done: () => void } {
  if (!run) return { signal: undefined, done: () => undefined };
  const own = new AbortController();
  const abort = () => own.abort(run.reason);
  run.addEventListener('abort', abort, { once: true });
  return { signal: own.signal, done: () => run.removeEventListener('abort', abort) };
}

function aborted(provider: Provider): LlmError {
  return new LlmError(`${provider.metadata.name}: call aborted`, { kind: 'aborted', provider: provider.metadata.name });
}
