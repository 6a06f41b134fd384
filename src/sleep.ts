/**
 * Resolves after `ms`, or at once when the signal fires. It never rejects: a
 * caller that must stop on abort checks the signal after it (a poll loop
 * ends, a retry loop throws the signal's reason).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
