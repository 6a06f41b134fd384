import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

/**
 * The SDKs retry inside one `create()` call, sleeping between attempts. Timing
 * the whole call would count those sleeps as model latency, so the fetch each
 * SDK uses marks when its latest attempt started, in the call's async context.
 */
const currentCall = new AsyncLocalStorage<{ attemptStartedAt: number }>();

/** A `fetch` to hand to an SDK: the global one, stamping each attempt's start. */
export const stampingFetch: typeof fetch = (input, init) => {
  const call = currentCall.getStore();
  if (call) call.attemptStartedAt = performance.now();
  return fetch(input, init);
};

/** Runs one SDK call and measures its last attempt (request sent to body parsed). */
export async function timeLastAttempt<T>(run: () => Promise<T>): Promise<{ value: T; latencyMs: number }> {
  const call = { attemptStartedAt: performance.now() };
  const value = await currentCall.run(call, run);
  return { value, latencyMs: Math.round(performance.now() - call.attemptStartedAt) };
}
