import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A runtime's config endpoint on 127.0.0.1, for the `http` sync target:
 * GET answers the stored bundle with an ETag (404 before the first PUT),
 * PUT stores it, honouring If-Match. Every request is recorded; `fail` makes
 * the next requests of a method answer an error status or hang until the
 * client gives up.
 */

export interface RuntimeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type RuntimeFailure = { status: number; headers?: Record<string, string> } | { hang: true };

export class FakeRuntime {
  readonly requests: RuntimeRequest[] = [];
  /** The stored bundle as the last PUT sent it; undefined before the first one. */
  stored: string | undefined;
  url = '';
  /** Bumped on every write; the ETag is `"v<version>"`. */
  version = 0;
  private readonly failures: { method: string; failure: RuntimeFailure; left: number }[] = [];
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();

  private constructor(readonly token: string | undefined) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }, res));
    });
  }

  /** `token`: the only bearer token accepted; none means no authentication. */
  static async start(options: { token?: string } = {}): Promise<FakeRuntime> {
    const fake = new FakeRuntime(options.token);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/config`;
    return fake;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` requests of `method` fail this way. */
  fail(method: 'GET' | 'PUT', failure: RuntimeFailure, times = 1): void {
    this.failures.push({ method, failure, left: times });
  }

  /** Changes the stored bundle as another writer would, bumping the ETag. */
  setStored(bundle: unknown): void {
    this.stored = JSON.stringify(bundle);
    this.version++;
  }

  requested(method: string): RuntimeRequest[] {
    return this.requests.filter((r) => r.method === method);
  }

  private handle(request: RuntimeRequest, res: ServerResponse): void {
    this.requests.push(request);
    const failure = this.failures.find((f) => f.left > 0 && f.method === request.method);
    if (failure) {
      failure.left--;
      if ('hang' in failure.failure) {
        this.hanging.add(res);
        return;
      }
      return send(res, failure.failure.status, { error: `fake failure ${failure.failure.status}` }, failure.failure.headers);
    }
    if (this.token !== undefined && request.headers.authorization !== `Bearer ${this.token}`) return send(res, 401, { error: 'unauthorized' });
    const etag = `"v${this.version}"`;
    if (request.method === 'GET') {
      if (this.stored === undefined) return send(res, 404, { error: 'no config yet' });
      res.writeHead(200, { 'content-type': 'application/json', etag });
      return void res.end(this.stored);
    }
    if (request.method === 'PUT') {
      const ifMatch = request.headers['if-match'];
      if (ifMatch !== undefined && ifMatch !== etag) return send(res, 412, { error: 'precondition failed' });
      this.stored = request.body;
      this.version++;
      return send(res, 200, { ok: true });
    }
    send(res, 405, { error: 'method not allowed' });
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
