import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable, Transform } from 'node:stream';
import * as zlib from 'node:zlib';

/**
 * Idle connections are kept for the next call, as the global fetch keeps them.
 * Free sockets do not hold the process open: Node unrefs them in the pool.
 */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** Statuses whose response has no body; `Response` refuses one for them. */
const NO_BODY = new Set([101, 204, 205, 304]);

/** What the global fetch decodes; anything else is handed on as it came. */
const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/**
 * The SDKs' `fetch` for model calls, over `node:http(s)`. Node 20's global
 * fetch (undici: web streams, a transferable AbortSignal and a Request object
 * per call) took about twice the CPU per call in bench/eval.js, and an eval at
 * concurrency 20 keeps the runner's thread busy for most of its calls.
 *
 * Only the plain case is done here: a URL, a string or bytes body, an optional
 * signal, redirects followed by fetch's rules. Anything else (the batch APIs'
 * file uploads, a `Request`, `redirect: 'manual'`) is left to the global fetch.
 */
export const httpFetch: typeof fetch = (input, init) => send(input, init, 0);

/** Redirects followed before giving up, as fetch does. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function send(input: Parameters<typeof fetch>[0], init: RequestInit | undefined, redirects: number): Promise<Response> {
  const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
  const body = init?.body;
  const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
  const agent = url && agents[url.protocol as keyof typeof agents];
  if (!url || !agent || !plainBody || (init?.redirect && init.redirect !== 'follow')) return fetch(input, init);
  const signal = init?.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    let response: http.IncomingMessage | undefined;
    const fail = (err: unknown) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    };
    // Destroying the request ends it with the signal's reason, an AbortError the SDKs map to a timeout or a cancel.
    const onAbort = () => {
      response?.destroy(signal!.reason as Error);
      request.destroy(signal!.reason as Error);
    };
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: init?.method ?? 'GET', headers, agent }, (res) => {
      response = res;
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location) {
        res.resume();
        signal?.removeEventListener('abort', onAbort);
        return resolve(redirected(url, res.headers.location, status, init, redirects));
      }
      const decode = DECODERS[res.headers['content-encoding'] ?? ''];
      const stream: Readable = decode ? res.pipe(decode()) : res;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', fail);
      // A connection cut mid-body ends the response without 'end': that is a failed call, not a short answer.
      res.once('close', () => {
        if (!res.complete) fail(signal?.aborted ? signal.reason : new Error('the connection closed before the response was complete'));
      });
      stream.once('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve(new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: pairs }));
      });
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    request.once('error', fail);
    request.end(body ?? undefined);
  });
}

/** The next hop of a redirect, by fetch's rules: 303 (and 301/302 after a POST) turn into a GET without a body. */
function redirected(from: URL, location: string, status: number, init: RequestInit | undefined, redirects: number): Promise<Response> {
  if (redirects >= MAX_REDIRECTS) return Promise.reject(new Error(`more than ${MAX_REDIRECTS} redirects from ${from.origin}${from.pathname}`));
  const method = (init?.method ?? 'GET').toUpperCase();
  const toGet = status === 303 ? method !== 'GET' && method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
  const next = toGet ? { ...init, method: 'GET', body: undefined } : init;
  return send(new URL(location, from).href, next, redirects + 1);
}
