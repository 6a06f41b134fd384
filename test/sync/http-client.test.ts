import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestWithRetry } from '../../src/sync/http-client.js';

let server: Server;
let url: string;
let hits = 0;
beforeEach(async () => {
  hits = 0;
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(503).end('busy');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/config`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('requestWithRetry', () => {
  it('stops waiting out its backoff when the signal fires, with the signal\'s reason', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const sent = requestWithRetry({ method: 'GET', url, headers: {} }, { timeoutMs: 5_000, retries: 3, backoffMs: 10_000 }, abort.signal);
    while (hits < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const reason = new Error('stopped by the user');
    abort.abort(reason);
    await expect(sent).rejects.toBe(reason);
    // The first retry was 10 s away: it neither waited for it nor sent it.
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(hits).toBe(1);
  });
});
