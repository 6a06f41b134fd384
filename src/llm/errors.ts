import { ExternalError } from '../errors.js';
import type { Provider } from '../schema/provider.js';
import { redactor } from '../secrets/redact.js';

/**
 * What went wrong with a model call. Decided from the HTTP status or the SDK's
 * error class, never from message text.
 */
export type LlmErrorKind =
  | 'auth' // 401/403, or no key configured
  | 'rate-limit' // 429 after the SDK's retries
  | 'server' // 408/409/5xx after the SDK's retries
  | 'request' // other 4xx: the request itself is wrong (unknown model, refused parameter)
  | 'timeout'
  | 'connection'
  | 'aborted' // the caller's signal fired: the call did not run, it did not fail
  | 'bad-response'; // 2xx with a body that is not the API's shape

/** A model call failed. `retryable` says whether trying again later may succeed. */
export class LlmError extends ExternalError {
  override name = 'LlmError';
  readonly kind: LlmErrorKind;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly provider: string;
  /** The provider's request id, for a support ticket. */
  readonly requestId: string | undefined;

  constructor(
    message: string,
    details: { kind: LlmErrorKind; provider: string; status?: number; requestId?: string; hint?: string; cause?: unknown },
  ) {
    super(message, { status: details.status, hint: details.hint, cause: details.cause });
    this.kind = details.kind;
    this.status = details.status;
    this.provider = details.provider;
    this.requestId = details.requestId;
    this.retryable = RETRYABLE[details.kind];
  }
}

const RETRYABLE: Record<LlmErrorKind, boolean> = {
  auth: false,
  'rate-limit': true,
  server: true,
  request: false,
  timeout: true,
  connection: true,
  aborted: false,
  'bad-response': false,
};

export function kindForStatus(status: number): LlmErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate-limit';
  if (status === 408 || status === 409 || status >= 500) return 'server';
  return 'request';
}

const HINTS: Partial<Record<LlmErrorKind, string>> = {
  auth: 'check the API key in the environment variable the provider names (spec.apiKeyEnv)',
  'rate-limit': 'lower --concurrency or raise the provider quota',
  timeout: 'raise spec.eval.timeoutMs in modelshift.yaml',
  connection: "check the provider's baseURL and the network",
};

/** The error classes both SDKs generate from the same template. */
export interface SdkErrorClasses {
  base: abstract new (...args: never[]) => Error;
  api: abstract new (...args: never[]) => Error & { status: number | undefined; requestID?: string | null };
  abort: abstract new (...args: never[]) => Error;
  timeout: abstract new (...args: never[]) => Error;
  connection: abstract new (...args: never[]) => Error;
}

/**
 * Turns whatever an SDK threw into an `LlmError`. The key is scrubbed from the
 * text because some servers echo the credential they refused, often only
 * part of it: any 12-character stretch of it goes. SDK API errors
 * are not kept as `cause`: their bodies may hold the same echo.
 */
export function normalizeSdkError(err: unknown, classes: SdkErrorClasses, provider: string, apiKey: string | undefined): LlmError {
  if (err instanceof LlmError) return err;
  const scrub = redactor(apiKey ? [apiKey] : []);
  if (err instanceof classes.abort) return new LlmError(`${provider}: call aborted`, { kind: 'aborted', provider });
  if (err instanceof classes.timeout) {
    return new LlmError(`${provider}: no response before the timeout`, { kind: 'timeout', provider, hint: HINTS.timeout });
  }
  if (err instanceof classes.connection) {
    return new LlmError(`${provider}: connection failed: ${scrub(err.message)}`, { kind: 'connection', provider, hint: HINTS.connection });
  }
  if (err instanceof classes.api && err.status !== undefined) {
    const kind = kindForStatus(err.status);
    return new LlmError(`${provider}: HTTP ${err.status}: ${scrub(err.message)}`, {
      kind,
      provider,
      status: err.status,
      requestId: err.requestID ?? undefined,
      hint: HINTS[kind],
    });
  }
  // A 2xx whose body is not JSON, or an SDK-side check on the response.
  if (err instanceof SyntaxError || err instanceof classes.base) {
    return new LlmError(`${provider}: unreadable response: ${scrub(err.message)}`, { kind: 'bad-response', provider });
  }
  throw err;
}


/** Thrown when a client is created for a provider that needs a key and has none. */
export function missingKey(provider: Provider): LlmError {
  const env = provider.spec.apiKeyEnv;
  return new LlmError(`${provider.metadata.name}: no API key`, {
    kind: 'auth',
    provider: provider.metadata.name,
    hint: env ? `set the environment variable ${env}` : `name the key's environment variable in spec.apiKeyEnv of provider ${provider.metadata.name}`,
  });
}

/** Runs one SDK call, turning whatever it throws into an `LlmError` with the key scrubbed. */
export function sdkGuard(errors: SdkErrorClasses, provider: string, apiKey: string | undefined): <T>(run: () => Promise<T>) => Promise<T> {
  return async (run) => {
    try {
      return await run();
    } catch (err) {
      throw normalizeSdkError(err, errors, provider, apiKey);
    }
  };
}
