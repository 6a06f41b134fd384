import type { BatchContext, BatchRoutes, RouteReply } from './llm-http.js';

interface MessageBatch {
  id: string;
  requests: { customId: string; status: number; body: unknown }[];
  ended: boolean;
  /** Requests with a result once ended; with `expire`, the rest expired. */
  kept: number;
}

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Message Batches: `POST /v1/messages/batches`, `GET /v1/messages/batches/:id`,
 * `GET /v1/messages/batches/:id/results` (JSONL, at the `results_url` the
 * ended batch hands out) and `DELETE /v1/messages/batches/:id` (ended batches only). Requests are answered by the scripted responder
 * when the batch is created; the batch stays `in_progress` for
 * `pollsUntilDone` polls, then ends (its requests expire with `expire`).
 */
export function anthropicBatchRoutes(ctx: BatchContext): BatchRoutes {
  const batches = new Map<string, MessageBatch>();

  return async ({ method, path, body }) => {
    if (method === 'POST' && path === '/v1/messages/batches') return create(asRecord(body));
    const results = /^\/v1\/messages\/batches\/([^/]+)\/results$/.exec(path);
    if (method === 'GET' && results) {
      const batch = batches.get(results[1]!);
      if (!batch?.ended) return error(404, 'not_found_error', `no results for ${results[1]}`);
      return { status: 200, body: null, text: `${resultLines(batch).join('\n')}\n` };
    }
    const one = /^\/v1\/messages\/batches\/([^/]+)$/.exec(path);
    if (method === 'DELETE' && one) {
      const status = ctx.options().deleteStatus;
      if (status !== undefined) return error(status, 'api_error', `cannot delete ${one[1]} now`);
      const batch = batches.get(one[1]!);
      if (!batch) return error(404, 'not_found_error', `no batch ${one[1]}`);
      // As at Anthropic: only an ended batch can be deleted, and its results go with it.
      if (!batch.ended) return error(400, 'invalid_request_error', `batch ${one[1]} is still processing; cancel it first`);
      batches.delete(one[1]!);
      return { status: 200, body: { id: one[1], type: 'message_batch_deleted' } };
    }
    if (method === 'GET' && one) {
      const batch = batches.get(one[1]!);
      if (!batch) return error(404, 'not_found_error', `no batch ${one[1]}`);
      const fake = ctx.batches.find((b) => b.id === batch.id)!;
      fake.polls++;
      if (!batch.ended && fake.polls > (ctx.options().pollsUntilDone ?? 0)) {
        batch.ended = true;
        batch.kept = Math.min(batch.requests.length, ctx.options().expire?.answered ?? batch.requests.length);
      }
      return { status: 200, body: batchObject(batch, ctx.origin()) };
    }
    return undefined;
  };

  async function create(body: Record<string, unknown>): Promise<RouteReply> {
    const list = Array.isArray(body.requests) ? (body.requests as unknown[]) : [];
    if (!list.length) return error(400, 'invalid_request_error', 'requests: at least one request is required');
    const requests: MessageBatch['requests'] = [];
    const seen = new Set<string>();
    for (const item of list.map(asRecord)) {
      const customId = String(item.custom_id);
      if (!CUSTOM_ID.test(customId)) return error(400, 'invalid_request_error', `custom_id ${customId} does not match ${CUSTOM_ID.source}`);
      if (seen.has(customId)) return error(400, 'invalid_request_error', `duplicate custom_id ${customId}`);
      seen.add(customId);
      requests.push({ customId, ...(await ctx.answer(asRecord(item.params))) });
    }
    const id = `msgbatch_${ctx.batches.length + 1}`;
    const batch: MessageBatch = { id, requests, ended: false, kept: 0 };
    batches.set(id, batch);
    ctx.batches.push({ id, customIds: requests.map((r) => r.customId), polls: 0 });
    return { status: 200, body: batchObject(batch, ctx.origin()) };
  }
}

function resultLines(batch: MessageBatch): string[] {
  return batch.requests.map((r, i) => JSON.stringify({ custom_id: r.customId, result: i >= batch.kept ? { type: 'expired' } : answerOf(r) }));
}

function answerOf(r: MessageBatch['requests'][number]): unknown {
  if (r.status === 200) return { type: 'succeeded', message: r.body };
  return { type: 'errored', error: r.body };
}

function batchObject(batch: MessageBatch, origin: string): Record<string, unknown> {
  const succeeded = batch.requests.slice(0, batch.kept).filter((r) => r.status === 200).length;
  return {
    id: batch.id,
    type: 'message_batch',
    processing_status: batch.ended ? 'ended' : 'in_progress',
    request_counts: batch.ended
      ? { processing: 0, succeeded, errored: batch.kept - succeeded, canceled: 0, expired: batch.requests.length - batch.kept }
      : { processing: batch.requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
    created_at: '2026-12-01T00:00:00Z',
    expires_at: '2026-12-02T00:00:00Z',
    ended_at: batch.ended ? '2026-12-01T00:10:00Z' : null,
    archived_at: null,
    cancel_initiated_at: null,
    results_url: batch.ended ? `${origin}/v1/messages/batches/${batch.id}/results` : null,
  };
}

function error(status: number, type: string, message: string): RouteReply {
  return { status, body: { type: 'error', error: { type, message } } };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
