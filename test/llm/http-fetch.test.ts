import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/llm/http-fetch.js';
import { until } from '../helpers/until.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local server whose handler sees each request with its body read; counts the connections it accepted. */
async function serve(handle: (req: Seen, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[]; connections: () => number; server: Server }> {
  const seen: Seen[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      handle(entry, res);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, connections: () => connections, server };
}

const servers: Server[] = [];
const tcpServers: { server: TcpServer; sockets: Set<Socket> }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  for (const { server, sockets } of tcpServers.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server that answers every connection with these raw bytes: for answers an HTTP server library would not send. */
async function rawServer(reply: string): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => socket.write(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tcpServers.push({ server, sockets });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('httpFetch', () => {
  it('sends method, headers and body, and returns status, headers and body as fetch does', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(201, 'Made', [['content-type', 'application/json'], ['set-cookie', 'a=1'], ['set-cookie', 'b=2'], ['x-request-id', 'req_1']]);
      res.end('{"ok":true}');
    });
    const res = await httpFetch(`${url}/v1/chat?x=1`, { method: 'POST', headers: new Headers({ 'content-type': 'application/json', authorization: 'Bearer k' }), body: '{"q":"é"}' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/chat?x=1', body: '{"q":"é"}' });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer k', 'content-length': String(Buffer.byteLength('{"q":"é"}')) });
    expect(res.status).toBe(201);
    expect(res.statusText).toBe('Made');
    expect(res.ok).toBe(true);
    expect(res.headers.get('x-request-id')).toBe('req_1');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('decodes gzip and brotli bodies, and hands on an encoding it does not know as it came', async () => {
    const text = JSON.stringify({ answer: 'x'.repeat(5_000) });
    const { url, seen } = await serve((req, res) => {
      const kind = req.url.slice(1);
      const body = kind === 'gzip' ? gzipSync(text) : kind === 'br' ? brotliCompressSync(text) : Buffer.from(text);
      res.writeHead(200, { 'content-encoding': kind === 'zz' ? 'zz' : kind });
      res.end(body);
    });
    expect(await (await httpFetch(`${url}/gzip`)).text()).toBe(text);
    expect(await (await httpFetch(`${url}/br`)).text()).toBe(text);
    expect(await (await httpFetch(`${url}/zz`)).text()).toBe(text);
    expect(seen[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('decodes codings as fetch does: any letter case, a list of them last first, and deflate with or without its zlib wrapper', async () => {
    const text = JSON.stringify({ answer: 'y'.repeat(3_000) });
    const { url } = await serve((req, res) => {
      const [encoding, body] =
        req.url === '/upper' ? ['GZIP', gzipSync(text)] : req.url === '/list' ? ['gzip, br', brotliCompressSync(gzipSync(text))] : ['deflate', deflateRawSync(text)];
      res.writeHead(200, { 'content-encoding': encoding });
      res.end(body);
    });
    for (const path of ['/upper', '/list', '/raw-deflate']) expect(await (await httpFetch(`${url}${path}`)).text(), path).toBe(text);
  });

  it('fails on a body that does not decode, rather than answering with part of it', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(Buffer.from('not gzip at all'));
    });
    await expect(httpFetch(url)).rejects.toThrow();
  });

  it('gives an empty body for 204, and error statuses with their bodies for the SDK to map', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/none') {
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' });
      res.end('{"error":{"message":"slow down"}}');
    });
    const none = await httpFetch(`${url}/none`);
    expect(none.status).toBe(204);
    expect(none.body).toBeNull();
    const limited = await httpFetch(`${url}/limited`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toEqual({ error: { message: 'slow down' } });
  });

  it('keeps the connection for the next call', async () => {
    const { url, connections } = await serve((_req, res) => res.end('ok'));
    for (let i = 0; i < 5; i++) expect(await (await httpFetch(url, { method: 'POST', body: `call ${i}` })).text()).toBe('ok');
    expect(connections()).toBe(1);
  });

  it('rejects with the signal reason when aborted before the call, and while waiting for the answer', async () => {
    let closed = 0;
    const { url, seen } = await serve((req, res) => {
      res.on('close', () => closed++);
      if (req.url === '/slow') setTimeout(() => res.end('late'), 5_000).unref();
    });
    const early = new AbortController();
    early.abort();
    await expect(httpFetch(url, { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(0);

    const late = new AbortController();
    const call = httpFetch(`${url}/slow`, { method: 'POST', body: 'x', signal: late.signal });
    await until(() => seen.length === 1, 2_000, 'the request');
    late.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => closed === 1, 2_000, 'the server to see the connection close');
  });

  it('fails when the connection is cut before the body is complete, plain or encoded', async () => {
    const { url } = await serve((req, res) => {
      const gzip = req.url === '/gzip';
      res.writeHead(200, { 'content-length': '100', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      // Part of a whole gzip stream: what arrived decodes, so only the cut connection says it is short.
      res.write(gzip ? gzipSync('{"partial": "answer"}') : '{"partial":');
      setTimeout(() => (res.socket as Socket).destroy(), 20);
    });
    await expect(httpFetch(url)).rejects.toThrow();
    await expect(httpFetch(`${url}/gzip`)).rejects.toThrow();
  });

  it('fails when nothing listens', async () => {
    const { url, server } = await serve(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    await expect(httpFetch(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('follows redirects by fetch\'s rules: 307 keeps the method and body, 303 turns into a GET', async () => {
    const { url, seen } = await serve((req, res) => {
      if (req.url === '/moved' || req.url === '/see-other') {
        res.writeHead(req.url === '/moved' ? 307 : 303, { location: '/new' });
        res.end();
        return;
      }
      if (req.url === '/loop') {
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      }
      res.end(`${req.method} ${req.url} ${req.body}`);
    });
    expect(await (await httpFetch(`${url}/moved`, { method: 'POST', body: 'again' })).text()).toBe('POST /new again');
    expect(await (await httpFetch(`${url}/see-other`, { method: 'POST', body: 'again' })).text()).toBe('GET /new ');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /moved', 'POST /new', 'POST /see-other', 'GET /new']);
    await expect(httpFetch(`${url}/loop`)).rejects.toThrow('more than 20 redirects');
  });

  it('sends no credentials on to another origin, and keeps them on the same one', async () => {
    const other = await serve((req, res) => res.end(JSON.stringify(req.headers)));
    const { url } = await serve((req, res) => {
      res.writeHead(307, { location: req.url === '/same' ? '/echo' : `${other.url}/elsewhere` });
      res.end();
    });
    const headers = { authorization: 'Bearer sk-secret', 'x-api-key': 'sk-ant-secret', 'api-key': 'azure-secret', cookie: 'session=1', 'proxy-authorization': 'Basic x', 'content-type': 'application/json' };
    const elsewhere = (await (await httpFetch(`${url}/away`, { method: 'POST', headers, body: '{}' })).json()) as Record<string, string>;
    expect(elsewhere['content-type']).toBe('application/json');
    for (const name of ['authorization', 'x-api-key', 'api-key', 'cookie', 'proxy-authorization']) expect(elsewhere[name], name).toBeUndefined();
    expect(JSON.stringify(other.seen)).not.toContain('secret');

    const same = await serve((req, res) => {
      if (req.url === '/echo') return res.end(JSON.stringify(req.headers));
      res.writeHead(308, { location: '/echo' });
      res.end();
    });
    const kept = (await (await httpFetch(`${same.url}/same`, { method: 'POST', headers, body: '{}' })).json()) as Record<string, string>;
    expect(kept.authorization).toBe('Bearer sk-secret');
    expect(kept['x-api-key']).toBe('sk-ant-secret');
  });

  it('rejects, and never throws out of its callbacks, on answers that are not HTTP: a bad Location, a non-HTTP redirect, status 600, 101', async () => {
    const { url } = await serve((req, res) => {
      res.writeHead(302, { location: req.url === '/bad' ? 'http://[::1' : 'data:application/json,{"choices":[]}' });
      res.end();
    });
    await expect(httpFetch(`${url}/bad`)).rejects.toThrow(/Invalid URL/);
    await expect(httpFetch(`${url}/data`)).rejects.toThrow('redirected to a data: URL; only http and https are followed');
    const odd = await rawServer('HTTP/1.1 600 Odd\r\ncontent-length: 2\r\n\r\n{}');
    await expect(httpFetch(odd)).rejects.toThrow('answered with status 600, which is not an HTTP response status');
    const switching = await rawServer('HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n');
    await expect(httpFetch(switching, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow('answered 101 Switching Protocols to a plain request');
  });

  it('leaves bodies it does not send itself (the batch APIs\' uploads) to the global fetch', async () => {
    const { url } = await serve((req, res) => res.end(`${req.method} ${req.url} ${req.headers['content-type']?.split(';')[0]} ${req.body.includes('name="purpose"')}`));
    const form = new FormData();
    form.append('purpose', 'batch');
    expect(await (await httpFetch(`${url}/files`, { method: 'POST', body: form })).text()).toBe('POST /files multipart/form-data true');
  });
});
