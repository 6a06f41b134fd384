import * as http from 'node:http';
import * as https from 'node:https';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

/**
 * Idle connections are kept for the next call, as the global fetch keeps them.
 * Free sockets do not hold the process open: Node unrefs them in the pool.
 */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** Statuses whose response has no body; `Response` refuses one for them. */
const NO_BODY = new Set([204, 205, 304]);

/**
 * The codings the global fetch decodes. `deflate` comes with the zlib wrapper
 * or without it (servers send both); its first byte tells which. Bodies are
 * decoded whole, on libuv's threads: model answers are small, and are read whole anyway.
 */
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const DECODERS: Record<string, (body: Buffer) => Promise<Buffer>> = {
  gzip: gunzip,
  'x-gzip': gunzip,
  br: promisify(zlib.brotliDecompress),
  deflate: (body) => ((body[0]! & 0x0f) === 0x08 ? inflate(body) : inflateRaw(body)),
};

/** Headers that carry credentials: not sent on to another origin, whatever a redirect says. */
const CREDENTIALS = ['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key'];

/**
 * The SDKs' `fetch` for model calls, over `node:http(s)`. Node 20's global
 * fetch (undici: web streams, a transferable AbortSignal and a Request object
 * per call) took about twice the CPU per call in bench/eval.js, and an eval at
 * concurrency 20 keeps the runner's thread busy for most of its calls.
 *
 * Only the plain case is done here: a URL, a string or bytes body, an optional
 * signal, redirects followed by fetch's rules. Anything else (the batch APIs'
 * file uploads, a `Request`, `redirect: 'manual'`) is left to the global fetch.
 * Whatever goes wrong rejects the call (the SDKs make it a connection error),
 * never the process.
 */
export const httpFetch: typeof fetch = (input, init) => send(input, init, 0);

/** Redirects followed before giving up, as fetch does. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function send(input: Parameters<typeof fetch>[0], init: RequestInit | undefined, redirects: number): Promise<Response> {
  const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
  const body = init?.body;
  const plainBody = body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;
  const agent = url && agents[url.protocol as keyof typeof agents];
  if (!url || !agent || !plainBody || (init?.redirect && init.redirect !== 'follow')) return fetch(input, init);
  const signal = init?.signal ?? undefined;
  if (signal?.aborted) throw signal.reason;
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
  // The SDKs (and AttemptClock) hand a Headers already: read as it is, not copied again.
  const given = init?.headers instanceof Headers ? init.headers : new Headers(init?.headers);
  given.forEach((value, name) => (headers[name] = value));

  const res = await new Promise<{ head: http.IncomingMessage; body: Buffer }>((resolve, reject) => {
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
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: init?.method ?? 'GET', headers, agent }, (head) => {
      response = head;
      const chunks: Buffer[] = [];
      head.on('data', (chunk: Buffer) => chunks.push(chunk));
      head.once('error', fail);
      // A connection cut mid-body ends the response without 'end': that is a failed call, not a short answer.
      head.once('close', () => {
        if (!head.complete) fail(signal?.aborted ? signal.reason : new Error('the connection closed before the response was complete'));
      });
      head.once('end', () => {
        signal?.removeEventListener('abort', onAbort);
        resolve({ head, body: Buffer.concat(chunks) });
      });
    });
    // Nothing here asks to switch protocols: Node drops such a socket without a word, so say it.
    request.once('upgrade', (_res, socket) => {
      socket.destroy();
      fail(new Error(`${url.origin} answered 101 Switching Protocols to a plain request`));
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    request.once('error', fail);
    request.end(body ?? undefined);
  });

  const status = res.head.statusCode ?? 0;
  const location = res.head.headers.location;
  if (REDIRECTS.has(status) && location) return redirected(url, location, status, init, redirects);
  if (status < 200 || status > 599) throw new Error(`${url.origin} answered with status ${status}, which is not an HTTP response status`);
  const pairs: [string, string][] = [];
  for (let i = 0; i < res.head.rawHeaders.length; i += 2) pairs.push([res.head.rawHeaders[i]!, res.head.rawHeaders[i + 1]!]);
  const decoded = NO_BODY.has(status) ? null : await decode(res.body, res.head.headers['content-encoding']);
  return new Response(decoded, { status, statusText: res.head.statusMessage ?? '', headers: pairs });
}

/**
 * The body without its content codings, undone last applied first. A body with
 * a coding fetch does not know is handed on as it came, as fetch does.
 */
async function decode(body: Buffer, header: string | undefined): Promise<Buffer> {
  const codings = (header ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  if (!codings.every((c) => c in DECODERS)) return body;
  let out = body;
  for (const coding of codings.reverse()) out = await DECODERS[coding]!(out);
  return out;
}

/**
 * The next hop of a redirect, by fetch's rules: 303 (and 301/302 after a POST)
 * turn into a GET without a body; only http(s) is followed. Credentials stay
 * with the origin they were meant for: fetch drops `authorization` and
 * `cookie` on another origin, and here the providers' key headers go too.
 */
function redirected(from: URL, location: string, status: number, init: RequestInit | undefined, redirects: number): Promise<Response> {
  if (redirects >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects from ${from.origin}${from.pathname}`);
  const to = new URL(location, from);
  if (to.protocol !== 'http:' && to.protocol !== 'https:') throw new Error(`${from.origin} redirected to a ${to.protocol} URL; only http and https are followed`);
  const method = (init?.method ?? 'GET').toUpperCase();
  const toGet = status === 303 ? method !== 'GET' && method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
  let next: RequestInit = toGet ? { ...init, method: 'GET', body: undefined } : { ...init };
  if (to.origin !== from.origin) {
    const headers = new Headers(next.headers);
    for (const name of CREDENTIALS) headers.delete(name);
    next = { ...next, headers };
  }
  return send(to.href, next, redirects + 1);
}
