import type { BatchContext, BatchRoutes, RouteReply } from './llm-http.js';

interface StoredFile {
  id: string;
  filename: string;
  purpose: string;
  content: string;
}

interface OpenAiBatch {
  id: string;
  inputFileId: string;
  endpoint: string;
  createdAt: number;
  lines: { customId: string; status: number; body: unknown }[];
  status: string;
  outputFileId?: string;
  errorFileId?: string;
  counts: { total: number; completed: number; failed: number };
  refusal?: string;
}

const CHAT = '/v1/chat/completions';

/**
 * The Batch API's files and batches endpoints: `POST /v1/files` (multipart,
 * purpose `batch`), `GET /v1/files/:id/content`, `DELETE /v1/files/:id`,
 * `POST /v1/batches`, `GET /v1/batches/:id`. Each request in the JSONL is answered by the
 * scripted responder when the batch is created; the batch stays
 * `in_progress` for `pollsUntilDone` polls, then completes (or expires) and
 * writes the output and error files.
 */
export function openAiBatchRoutes(ctx: BatchContext): BatchRoutes {
  const files = new Map<string, StoredFile>();
  const batches = new Map<string, OpenAiBatch>();

  let uploads = 0;
  const addFile = (filename: string, purpose: string, content: string): StoredFile => {
    const file = { id: `file-${++uploads}`, filename, purpose, content };
    files.set(file.id, file);
    return file;
  };

  return async ({ method, path, headers, raw, body }) => {
    if (method === 'POST' && path === '/v1/files') {
      const form = await new Response(raw, { headers: { 'content-type': headers['content-type'] ?? '' } }).formData();
      const upload = form.get('file');
      if (!(upload instanceof Blob)) return invalid('file is required');
      const name = upload instanceof File ? upload.name : 'upload';
      const file = addFile(name, String(form.get('purpose')), await upload.text());
      return { status: 200, body: fileObject(file) };
    }
    const file = /^\/v1\/files\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && file) {
      const status = ctx.options().deleteStatus;
      if (status !== undefined) return { status, body: { error: { message: `cannot delete ${file[1]} now`, type: 'server_error', param: null, code: null } } };
      // A deleted file is gone for good, as at OpenAI: its content answers 404 from now on.
      return files.delete(file[1]!) ? { status: 200, body: { id: file[1], object: 'file', deleted: true } } : notFound(`no file ${file[1]}`);
    }
    const content = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    if (method === 'GET' && content) {
      const file = files.get(content[1]!);
      return file ? { status: 200, body: null, text: file.content } : notFound(`no file ${content[1]}`);
    }
    if (method === 'POST' && path === '/v1/batches') return create(asRecord(body));
    const one = /^\/v1\/batches\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) {
      const batch = batches.get(one[1]!);
      if (!batch) return notFound(`no batch ${one[1]}`);
      const fake = ctx.batches.find((b) => b.id === batch.id)!;
      fake.polls++;
      if (batch.status === 'in_progress' && fake.polls > (ctx.options().pollsUntilDone ?? 0)) finish(batch);
      return { status: 200, body: batchObject(batch) };
    }
    return undefined;
  };

  async function create(body: Record<string, unknown>): Promise<RouteReply> {
    const input = files.get(String(body.input_file_id));
    if (!input || input.purpose !== 'batch') return invalid(`input_file_id ${String(body.input_file_id)} is not a file uploaded with purpose batch`);
    if (body.endpoint !== CHAT) return invalid(`endpoint ${String(body.endpoint)} is not supported by this fake`);
    if (body.completion_window !== '24h') return invalid('completion_window must be 24h');
    const lines: OpenAiBatch['lines'] = [];
    const seen = new Set<string>();
    for (const text of input.content.split('\n').filter((l) => l.trim())) {
      const line = asRecord(JSON.parse(text));
      const customId = String(line.custom_id);
      if (seen.has(customId)) return invalid(`duplicate custom_id ${customId}`);
      if (line.method !== 'POST' || line.url !== CHAT) return invalid(`line ${customId}: method and url must be POST ${CHAT}`);
      seen.add(customId);
      lines.push({ customId, ...(await ctx.answer(asRecord(line.body))) });
    }
    const id = `batch_${ctx.batches.length + 1}`;
    const batch: OpenAiBatch = { id, inputFileId: input.id, endpoint: CHAT, createdAt: 1_700_000_000, lines, status: 'in_progress', counts: { total: lines.length, completed: 0, failed: 0 } };
    const refusal = ctx.options().refuse;
    if (refusal !== undefined) Object.assign(batch, { status: 'failed', refusal, counts: { total: 0, completed: 0, failed: 0 } });
    batches.set(id, batch);
    ctx.batches.push({ id, customIds: lines.map((l) => l.customId), polls: 0 });
    return { status: 200, body: batchObject(batch) };
  }

  function finish(batch: OpenAiBatch): void {
    const expire = ctx.options().expire;
    const answered = expire ? batch.lines.slice(0, expire.answered) : batch.lines;
    const output = answered.filter((l) => l.status === 200);
    const errors = answered.filter((l) => l.status !== 200);
    const lineText = (l: OpenAiBatch['lines'][number], i: number) =>
      JSON.stringify({ id: `batch_req_${i}`, custom_id: l.customId, response: { status_code: l.status, request_id: `req_${i}`, body: l.body }, error: null });
    const expired = expire
      ? batch.lines.slice(expire.answered).map((l, i) =>
          JSON.stringify({ id: `batch_req_x${i}`, custom_id: l.customId, response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }),
        )
      : [];
    if (output.length) batch.outputFileId = addFile(`${batch.id}_output.jsonl`, 'batch_output', `${output.map(lineText).join('\n')}\n`).id;
    const errorLines = [...errors.map(lineText), ...expired];
    if (errorLines.length) batch.errorFileId = addFile(`${batch.id}_error.jsonl`, 'batch_output', `${errorLines.join('\n')}\n`).id;
    batch.counts = { total: batch.lines.length, completed: output.length, failed: errors.length + expired.length };
    batch.status = expire ? 'expired' : 'completed';
  }
}

function batchObject(b: OpenAiBatch): Record<string, unknown> {
  return {
    id: b.id,
    object: 'batch',
    endpoint: b.endpoint,
    input_file_id: b.inputFileId,
    completion_window: '24h',
    status: b.status,
    created_at: b.createdAt,
    output_file_id: b.outputFileId ?? null,
    error_file_id: b.errorFileId ?? null,
    request_counts: b.counts,
    metadata: { tool: 'modelshift' },
    ...(b.refusal !== undefined ? { errors: { object: 'list', data: [{ code: 'invalid_request', message: b.refusal, line: 1, param: null }] } } : {}),
  };
}

function fileObject(f: StoredFile): Record<string, unknown> {
  return { id: f.id, object: 'file', bytes: Buffer.byteLength(f.content), created_at: 1_700_000_000, filename: f.filename, purpose: f.purpose, status: 'processed' };
}

function invalid(message: string): RouteReply {
  return { status: 400, body: { error: { message, type: 'invalid_request_error', param: null, code: null } } };
}

function notFound(message: string): RouteReply {
  return { status: 404, body: { error: { message, type: 'invalid_request_error', param: null, code: null } } };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
