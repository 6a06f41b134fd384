import { Octokit } from '@octokit/rest';
import { ExternalError } from '../errors.js';
import { redactor } from '../secrets/redact.js';
import { sleep } from '../sleep.js';
import type { GitHubConfig } from './config.js';

/** How to behave when GitHub says the rate limit is hit. */
export interface RetryOptions {
  /** Tries per request, the first included. */
  maxAttempts?: number;
  /** The longest single wait; a reset further away fails at once instead of hanging the run. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** The parts of `@octokit/request-error`'s `RequestError` we decide on. */
export interface HttpError {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined>; data?: unknown };
}

const DEFAULTS = { maxAttempts: 3, maxWaitMs: 60_000 };
// GitHub's advice for a secondary limit that names no wait: at least a minute.
const SECONDARY_LIMIT_WAIT_MS = 60_000;

const quiet = () => undefined;

/**
 * An Octokit for `config`, whose requests wait and retry when rate limited
 * (429, or 403 with `x-ratelimit-remaining: 0` or `retry-after`), as many
 * times as `retry.maxAttempts` allows.
 */
export function createOctokit(config: GitHubConfig, retry: RetryOptions = {}): Octokit {
  const maxAttempts = retry.maxAttempts ?? DEFAULTS.maxAttempts;
  const maxWaitMs = retry.maxWaitMs ?? DEFAULTS.maxWaitMs;
  const pause = retry.sleep ?? sleep;
  const now = retry.now ?? Date.now;
  const octokit = new Octokit({
    auth: config.token,
    baseUrl: config.apiUrl,
    userAgent: 'modelshift',
    // Failed requests become ExternalErrors with a hint; Octokit's own error log would print them twice.
    log: { debug: quiet, info: quiet, warn: console.warn, error: quiet },
  });
  // Titles and bodies carry user and model text; no stretch of a secret from the environment leaves in one.
  const redact = redactor(config.secrets ?? [config.token]);
  octokit.hook.before('request', (options) => {
    for (const field of ['title', 'body'] as const) {
      if (typeof options[field] === 'string') options[field] = redact(options[field]);
    }
  });
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(options);
      } catch (error) {
        const wait = isHttpError(error) ? rateLimitWaitMs(error, now()) : undefined;
        if (wait === undefined || attempt >= maxAttempts || wait > maxWaitMs) throw error;
        await pause(wait);
      }
    }
  });
  return octokit;
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/** 429, or 403 carrying rate-limit headers (a 403 without them is a missing permission). */
export function isRateLimited(error: HttpError): boolean {
  if (error.status === 429) return true;
  const headers = error.response?.headers ?? {};
  return error.status === 403 && (headers['retry-after'] !== undefined || String(headers['x-ratelimit-remaining']) === '0');
}

/** How long GitHub asks us to wait, or undefined when `error` is not a rate limit. */
export function rateLimitWaitMs(error: HttpError, now: number): number | undefined {
  if (!isRateLimited(error)) return undefined;
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000);
  const reset = Number(headers['x-ratelimit-reset']);
  if (String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now);
  return SECONDARY_LIMIT_WAIT_MS;
}

/** When the limit lifts, from the headers: an absolute time needs no clock to be right. */
function rateLimitHint(error: HttpError): string {
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  const reset = Number(headers['x-ratelimit-reset']);
  const when =
    headers['retry-after'] !== undefined && Number.isFinite(retryAfter)
      ? `GitHub asks to wait ${retryAfter}s`
      : headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset)
        ? `the limit resets at ${new Date(reset * 1000).toISOString()}`
        : 'GitHub asks to wait at least a minute';
  return `${when}; run again then, or use a token with a higher limit`;
}

/**
 * Turns an Octokit failure into an `ExternalError` whose hint says what to do,
 * decided by HTTP status and rate-limit headers. `permission` is the token
 * permission the call needs, named in the hint of a 403.
 */
export function gitHubError(error: unknown, action: string, permission?: string): ExternalError {
  if (!isHttpError(error)) return new ExternalError(`GitHub: ${action} failed: ${String(error)}`, { cause: error });
  const { status } = error;
  const detail = errorDetail(error);
  if (error.response === undefined) {
    return new ExternalError(`GitHub: ${action} failed: could not reach the API (${detail})`, {
      status,
      cause: error,
      hint: 'check the network and GITHUB_API_URL',
    });
  }
  if (isRateLimited(error)) {
    return new ExternalError(`GitHub: ${action} failed: rate limit exceeded (HTTP ${status})`, { status, cause: error, hint: rateLimitHint(error) });
  }
  const hints: Record<number, string> = {
    401: 'the token in GITHUB_TOKEN/GH_TOKEN is invalid or expired; create a new one',
    403: permission
      ? `the token lacks the \`${permission}\` permission; grant it in the workflow's \`permissions:\` block or the token's settings`
      : 'the token is not allowed to do this; a workflow GITHUB_TOKEN cannot call every endpoint',
    404: 'check the repository (GITHUB_REPOSITORY or the origin remote) and that the token can see it: GitHub answers 404 to tokens without access',
    422: 'GitHub refused the request as invalid; the details above say which field',
  };
  return new ExternalError(`GitHub: ${action} failed (HTTP ${status}): ${detail}`, {
    status,
    cause: error,
    ...(hints[status] ? { hint: hints[status] } : {}),
  });
}

/** Runs one Octokit call; its failure becomes `gitHubError(error, action, permission)`. */
export async function callGitHub<T>(action: string, permission: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw gitHubError(error, action, permission);
  }
}

/** GitHub's message plus the per-field `errors` a 422 carries. */
export function errorDetail(error: HttpError): string {
  const data = error.response?.data;
  if (typeof data !== 'object' || data === null) return error.message;
  const { message, errors } = data as { message?: unknown; errors?: unknown };
  const fields = Array.isArray(errors) ? errors.map(fieldError).filter((text) => text !== '') : [];
  return [typeof message === 'string' ? message : error.message, ...fields].join('; ');
}

function fieldError(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'object' || entry === null) return '';
  const { message, field, code } = entry as { message?: unknown; field?: unknown; code?: unknown };
  if (typeof message === 'string') return message;
  return [field, code].filter((part) => typeof part === 'string').join(' ');
}
