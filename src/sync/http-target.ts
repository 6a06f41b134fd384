import { ExternalError, UsageError } from '../errors.js';
import type { SyncTarget as SyncTargetConfig } from '../schema/index.js';
import { redactor } from '../secrets/redact.js';
import { storedAgents, type BundleAgent } from './bundle.js';
import { redactUrl, requestWithRetry, type HttpResponse } from './http-client.js';
import type { SyncTarget, TargetDeps } from './target.js';

type HttpConfig = Extract<SyncTargetConfig, { type: 'http' }>;

/**
 * A runtime that serves its config over HTTP: GET returns the bundle it
 * holds (404: none yet), PUT replaces it. When the GET carries an ETag, the
 * PUT is conditional on it (If-Match), so a change made between the two is
 * reported instead of overwritten.
 */
export function httpTarget(config: HttpConfig, deps: TargetDeps): SyncTarget {
  const token = config.tokenEnv === undefined ? undefined : deps.env[config.tokenEnv];
  if (config.tokenEnv !== undefined && !token) {
    throw new UsageError(`sync target ${config.name}: the environment variable ${config.tokenEnv} is not set`, `set ${config.tokenEnv} to the runtime's bearer token (tokenEnv names the variable, it never holds the token)`);
  }
  const location = redactUrl(config.url);
  // A runtime may echo the bearer token it refused; its body is shown redacted.
  const redact = redactor(token ? [token] : []);
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let etag: string | undefined;

  const fail = (response: HttpResponse, action: string): ExternalError => {
    const denied = response.status === 401 || response.status === 403;
    return new ExternalError(`${action} ${location} was refused`, {
      status: response.status,
      hint: denied
        ? `check the token: ${config.tokenEnv ? `the value of ${config.tokenEnv}` : 'the target has no tokenEnv'} must be accepted by the runtime`
        : `the runtime answered: ${redact(response.text).slice(0, 200) || '(empty body)'}`,
    });
  };

  return {
    location,
    async read() {
      const response = await requestWithRetry({ method: 'GET', url: config.url, headers: { accept: 'application/json', ...auth } }, deps.http, deps.signal);
      if (response.status === 404) return new Map();
      if (response.status !== 200) throw fail(response, 'reading');
      etag = response.headers.get('etag') ?? undefined;
      let data: unknown;
      try {
        data = JSON.parse(response.text);
      } catch (error) {
        throw new ExternalError(`${location} did not answer with JSON`, { cause: error, hint: 'check that the URL is the runtime\'s config endpoint' });
      }
      return storedAgents(data, location);
    },
    render(bundle) {
      return { entries: new Map(Object.entries(bundle.agents)), warnings: [] };
    },
    async write(entries, bundle) {
      const body = JSON.stringify({ ...bundle, agents: Object.fromEntries(entries) as Record<string, BundleAgent> });
      const headers = { 'content-type': 'application/json', ...auth, ...(etag ? { 'if-match': etag } : {}) };
      const response = await requestWithRetry({ method: 'PUT', url: config.url, headers, body }, deps.http, deps.signal);
      if (response.status === 412) {
        throw new ExternalError(`${location} changed while modelshift was syncing; nothing was written`, { status: 412, hint: 'run modelshift sync again' });
      }
      if (response.status < 200 || response.status > 299) throw fail(response, 'writing');
    },
  };
}
