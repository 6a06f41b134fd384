import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it; tests assert payloads on these. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeMessage {
  type: 'message';
  text?: string;
  /** `arguments` given as a string is sent verbatim (to script invalid JSON). */
  toolCalls?: { name: string; arguments: unknown }[];
  usage?: { input: number; output: number };
  finishReason?: string;
}

/** What a scripted responder answers for one request. */
export type FakeReply =
  | FakeMessage
  | { type: 'error'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Headers never come; the client has to time out or abort. */
  | { type: 'hang' }
  /** 200 with a body that is not JSON. */
  | { type: 'malformed' };

export type Responder = (req: RecordedRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeServerOptions {
  responder?: Responder;
  /** Delay before every answer. */
  latencyMs?: number;
  /** When set, requests without this key get a 401. */
  apiKey?: string;
}

export interface FakeLlmServer {
  /** What to give the SDK as `baseURL`. */
  baseURL: string;
  requests: RecordedRequest[];
  setResponder(responder: Responder): void;
  close(): Promise<void>;
}

/** The parts that differ between the OpenAI and the Anthropic fake. */
export interface Dialect {
  path: string;
  basePath: string;
  authorized(headers: Record<string, string>, apiKey: string): boolean;
  message(reply: FakeMessage, body: Record<string, unknown>, index: number): unknown;
  errorBody(status: number): unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFake(dialect: Dialect, options: FakeServerOptions): Promise<FakeLlmServer> {
  let responder: Responder = options.responder ?? (() => ({ type: 'message', text: 'ok' }));
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(err) } }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers, body: safeJson(raw) };
    requests.push(recorded);
    const index = requests.length - 1;
    if (req.method !== 'POST' || req.url !== dialect.path) return json(res, 404, dialect.errorBody(404));
    if (options.apiKey !== undefined && !dialect.authorized(headers, options.apiKey)) return json(res, 401, dialect.errorBody(401));
    const reply = await responder(recorded, index);
    if (options.latencyMs) await sleep(options.latencyMs);
    switch (reply.type) {
      case 'hang':
        return; // the socket stays open until the client gives up or the server closes
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "broken", "choices": [');
        return;
      case 'error':
        return json(res, reply.status, reply.body ?? dialect.errorBody(reply.status), reply.headers);
      case 'message':
        return json(res, 200, dialect.message(reply, asRecord(recorded.body), index));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}${dialect.basePath}`,
    requests,
    setResponder(next) {
      responder = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
