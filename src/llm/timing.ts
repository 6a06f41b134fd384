import { performance } from 'node:perf_hooks';
import { httpFetch } from './http-fetch.js';

/** Carries a call's id from `create()` to the fetch of each attempt; removed before the request leaves. */
const CALL_HEADER = 'x-modelshift-call';

/**
 * The SDKs retry inside one `create()` call, sleeping between attempts. Timing
 * the whole call would count those sleeps as model latency, so each client's
 * fetch notes when the latest attempt of a call started. The call is named by
 * a request header the fetch strips again. (AsyncLocalStorage would avoid the
 * header, but on Node 20 it turns on async hooks and more than doubled the
 * eval runner's overhead in bench/eval.js.)
 */
export class AttemptClock {
  private readonly attemptStarts = new Map<string, number>();
  private nextId = 0;

  /** The `fetch` to hand to the SDK: node:http for model calls (http-fetch.ts). */
  readonly fetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    const id = headers.get(CALL_HEADER);
    if (id === null) return httpFetch(input, init);
    headers.delete(CALL_HEADER);
    if (this.attemptStarts.has(id)) this.attemptStarts.set(id, performance.now());
    return httpFetch(input, { ...init, headers });
  };

  /** Runs one SDK call with the headers to pass it, and measures its last attempt. */
  async time<T>(run: (headers: Record<string, string>) => Promise<T>): Promise<{ value: T; latencyMs: number }> {
    const id = String(this.nextId++);
    this.attemptStarts.set(id, performance.now());
    try {
      const value = await run({ [CALL_HEADER]: id });
      return { value, latencyMs: Math.round(performance.now() - (this.attemptStarts.get(id) ?? 0)) };
    } finally {
      this.attemptStarts.delete(id);
    }
  }
}
