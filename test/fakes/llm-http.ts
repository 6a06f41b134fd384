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

/** How the fake's batch endpoints behave (test/fakes/*-batch.ts). */
export interface FakeBatchOptions {
  /** Polls that still see the batch in progress before it ends (default 0: it ends at the first poll). */
  pollsUntilDone?: number;
  /** The batch expires instead of completing: only its first `answered` requests have an answer, the rest expire. */
  expire?: { answered: number };
  /** The provider refuses the whole batch with this message (OpenAI: status `failed`). */
  refuse?: string;
  /** `DELETE` of a file (OpenAI) or a batch (Anthropic) answers this error status instead of deleting. */
  deleteStatus?: number;
}

/** A batch the fake accepted; tests count submissions and polls on these. */
export interface FakeBatch {
  id: string;
  customIds: string[];
  polls: number;
}

/** What a dialect's batch routes get from the server. */
export interface BatchContext {
  options(): FakeBatchOptions;
  /** The scripted reply to one request of a batch, as the online endpoint would answer it. */
  answer(body: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** `http://127.0.0.1:PORT`, for URLs the fake hands out. */
  origin(): string;
  batches: FakeBatch[];
}

export interface RouteReply {
  status: number;
  body: unknown;
  /** Sent as it is (a JSONL file), instead of as JSON. */
  text?: string;
}

/** Answers a request to one of the dialect's other routes; undefined when it is none of them. */
export type BatchRoutes = (req: { method: string; path: string; headers: Record<string, string>; raw: string; body: unknown }) => Promise<RouteReply | undefined>;

export interface FakeServerOptions {
  responder?: Responder;
  batch?: FakeBatchOptions;
  /** Delay before every answer. */
  latencyMs?: number;
  /** When set, requests without this key get a 401. */
  apiKey?: string;
}

export interface FakeLlmServer {
  /** What to give the SDK as `baseURL`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Batches submitted, in order. */
  batches: FakeBatch[];
  /** The requests inside batches, as the online endpoint would have received them. */
  batchRequests: RecordedRequest[];
  setResponder(responder: Responder): void;
  setBatchOptions(options: FakeBatchOptions): void;
  close(): Promise<void>;
}

/** The parts that differ between the OpenAI and the Anthropic fake. */
export interface Dialect {
  path: string;
  basePath: string;
  authorized(headers: Record<string, string>, apiKey: string): boolean;
  message(reply: FakeMessage, body: Record<string, unknown>, index: number): unknown;
  errorBody(status: number): unknown;
  /** The batch endpoints (files and batches, or message batches). */
  batchRoutes?: (ctx: BatchContext) => BatchRoutes;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFake(dialect: Dialect, options: FakeServerOptions): Promise<FakeLlmServer> {
  let responder: Responder = options.responder ?? (() => ({ type: 'message', text: 'ok' }));
  const requests: RecordedRequest[] = [];
  const batches: FakeBatch[] = [];
  const batchRequests: RecordedRequest[] = [];
  let batchOptions: FakeBatchOptions = options.batch ?? {};
  let origin = '';
  const routes = dialect.batchRoutes?.({
    options: () => batchOptions,
    async answer(body) {
      const recorded: RecordedRequest = { method: 'POST', path: dialect.path, headers: { 'x-fake-via': 'batch' }, body };
      batchRequests.push(recorded);
      const index = batchRequests.length - 1;
      const reply = await responder(recorded, index);
      if (reply.type === 'message') return { status: 200, body: dialect.message(reply, body, index) };
      if (reply.type === 'error') return { status: reply.status, body: reply.body ?? dialect.errorBody(reply.status) };
      return { status: 500, body: dialect.errorBody(500) };
    },
    origin: () => origin,
    batches,
  });

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
    if (options.apiKey !== undefined && !dialect.authorized(headers, options.apiKey)) return json(res, 401, dialect.errorBody(401));
    const routed = await routes?.({ method: req.method ?? '', path: req.url ?? '', headers, raw, body: recorded.body });
    if (routed?.text !== undefined) {
      res.writeHead(routed.status, { 'content-type': 'application/octet-stream' });
      res.end(routed.text);
      return;
    }
    if (routed) return json(res, routed.status, routed.body);
    if (req.method !== 'POST' || req.url !== dialect.path) return json(res, 404, dialect.errorBody(404));
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
  origin = `http://127.0.0.1:${port}`;
  return {
    baseURL: `${origin}${dialect.basePath}`,
    requests,
    batches,
    batchRequests,
    setResponder(next) {
      responder = next;
    },
    setBatchOptions(next) {
      batchOptions = next;
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
