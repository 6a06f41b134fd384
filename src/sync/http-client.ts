import { ExternalError } from '../errors.js';
import { sleep } from '../sleep.js';
import type { HttpSettings } from './target.js';

export interface HttpRequest {
  method: 'GET' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Longest wait a server's Retry-After may ask for; a deploy step should fail rather than hang. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Sends the request, retrying what a retry can fix (network errors,
 * timeouts, 429, 5xx) with exponential backoff, honouring Retry-After. Both
 * methods used are idempotent, so a retried PUT cannot apply twice. Every
 * other answer is returned for the caller to judge; a cancelled `signal`
 * cancels at once.
 */
export async function requestWithRetry(request: HttpRequest, settings: HttpSettings, signal?: AbortSignal): Promise<HttpResponse> {
  const what = `${request.method} ${redactUrl(request.url)}`;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= settings.retries;
    let waitMs = settings.backoffMs * 2 ** attempt;
    try {
      const timeout = AbortSignal.timeout(settings.timeoutMs);
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      // The body is read under the same deadline: a server that stalls mid-answer is a timeout too.
      const answer = { status: response.status, headers: response.headers, text: await response.text() };
      if (last || !(answer.status === 429 || answer.status >= 500)) return answer;
      waitMs = Math.max(waitMs, retryAfterMs(answer.headers.get('retry-after')));
    } catch (error) {
      if (signal?.aborted) throw error;
      if (last) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        const reason = timedOut ? `timed out after ${settings.timeoutMs} ms` : `failed: ${describe(error)}`;
        throw new ExternalError(`${what} ${reason} (${attempt + 1} attempt${attempt === 0 ? '' : 's'})`, {
          cause: error,
          hint: 'check that the runtime is up and reachable from here',
        });
      }
    }
    await sleep(waitMs, signal);
    signal?.throwIfAborted();
  }
}

/** A URL fit for messages: user and password, if the URL carries any, are left out. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.username === '' && parsed.password === '') return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

function retryAfterMs(header: string | null): number {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : 0;
}

function describe(error: unknown): string {
  // fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED, …) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
