import { toFile } from 'openai';
import type { Batch } from 'openai/resources/batches';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { BatchBackend, BatchItem, BatchOutcome, BatchStatus } from '../batch/types.js';
import { BATCH_FACTS } from '../catalog/batch.js';
import type { Provider } from '../schema/provider.js';
import { redactor } from '../secrets/redact.js';
import { kindForStatus, LlmError, missingKey, sdkGuard, type LlmErrorKind } from './errors.js';
import { ERRORS, fromChatCompletion, openAiSdk, toChatBody } from './openai.js';
import type { ClientOptions, ClientSecrets } from './types.js';


const ENDPOINT = '/v1/chat/completions';

const ENDINGS: Partial<Record<Batch['status'], BatchStatus['ending']>> = { completed: 'completed', expired: 'expired', cancelled: 'cancelled', failed: 'refused' };

/** One line of a batch's output or error file (the Batch API's request output object). */
interface OutputLine {
  custom_id?: string;
  response?: { status_code?: number; body?: unknown } | null;
  error?: { code?: string | null; message?: string | null } | null;
}

/**
 * The Batch API through the `openai` SDK: the requests go up as a JSONL file
 * (`files.create`, purpose `batch`), `batches.create` runs it on
 * `/v1/chat/completions`, and the answers come back in the batch's output
 * and error files (`files.content`). Once they are read, all three files are
 * deleted (`files.delete`): OpenAI keeps files until they are. Only for
 * `openai` providers.
 */
export function createOpenAiBatch(provider: Provider, secrets: ClientSecrets, opts: ClientOptions): BatchBackend {
  const name = provider.metadata.name;
  if (!secrets.apiKey) throw missingKey(provider);
  const scrub = redactor([secrets.apiKey]);
  const sdk = openAiSdk(provider, secrets.apiKey, opts);
  const guard = sdkGuard(ERRORS, name, secrets.apiKey);
  // The batch as the last poll saw it: `results` reads its file ids and `cleanUp` deletes them, neither
  // retrieving the batch again for what that poll already said.
  const polled = new Map<string, Batch>();
  const latest = (id: string, signal: AbortSignal | undefined) => polled.get(id) ?? guard(() => sdk.batches.retrieve(id, { signal }));

  return {
    maxRequests: BATCH_FACTS.openai!.maxRequests,
    maxBytes: BATCH_FACTS.openai!.maxBytes,
    itemBytes: (item) => Buffer.byteLength(line(item)) + 1,
    submit: (items, signal) =>
      guard(async () => {
        const jsonl = items.map(line).join('\n');
        const file = await sdk.files.create({ file: await toFile(Buffer.from(`${jsonl}\n`), 'modelshift-eval.jsonl', { type: 'application/jsonl' }), purpose: 'batch' }, { signal });
        const batch = await sdk.batches.create({ input_file_id: file.id, endpoint: ENDPOINT, completion_window: '24h', metadata: { tool: 'modelshift' } }, { signal });
        return batch.id;
      }),
    status: (id, signal) =>
      guard(async () => {
        const batch = await sdk.batches.retrieve(id, { signal });
        polled.set(id, batch);
        const ending = ENDINGS[batch.status];
        const counts = batch.request_counts ?? { total: 0, completed: 0, failed: 0 };
        const detail = batch.errors?.data?.map((e) => e.message).filter(Boolean).join('; ');
        return { state: ending ? 'ended' : 'running', providerStatus: batch.status, counts, ...(ending ? { ending } : {}), ...(detail ? { detail: scrub(detail) } : {}) };
      }),
    async *results(id, signal) {
      const batch = await latest(id, signal);
      // Expired and cancelled batches keep what they finished in the same two files.
      for (const fileId of [batch.output_file_id, batch.error_file_id]) {
        if (!fileId) continue;
        const text = await guard(async () => (await sdk.files.content(fileId, { signal })).text());
        for (const line of text.split('\n')) {
          if (!line.trim()) continue;
          const outcome = outcomeOf(parseLine(line), name, scrub);
          if (outcome) yield outcome;
        }
      }
    },
    async cleanUp(id, signal) {
      let batch: Batch;
      try {
        batch = await latest(id, signal);
      } catch (err) {
        if (!(err instanceof LlmError)) throw err;
        return [`could not look up the files of batch ${id} to delete them (${err.message}); OpenAI keeps them until they are deleted`];
      }
      polled.delete(id);
      const warnings: string[] = [];
      for (const fileId of [batch.input_file_id, batch.output_file_id, batch.error_file_id]) {
        if (!fileId) continue;
        try {
          await guard(() => sdk.files.delete(fileId, { signal }));
        } catch (err) {
          if (!(err instanceof LlmError)) throw err;
          // Already gone: another run that resumed the same batch deleted it first.
          if (err.status === 404) continue;
          warnings.push(`could not delete file ${fileId} of batch ${id} (${err.message}); OpenAI keeps it until it is deleted`);
        }
      }
      return warnings;
    },
  };
}

/** One line of the batch's input file. */
function line(item: BatchItem): string {
  return JSON.stringify({ custom_id: item.customId, method: 'POST', url: ENDPOINT, body: toChatBody(item.request) });
}

function parseLine(line: string): OutputLine {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as OutputLine) : {};
  } catch {
    return {};
  }
}

/** A line as the answer or the error an online call would have given; undefined when it names no request. */
function outcomeOf(line: OutputLine, provider: string, scrub: (text: string) => string): BatchOutcome | undefined {
  const customId = line.custom_id;
  if (typeof customId !== 'string') return undefined;
  const status = line.response?.status_code;
  if (status === 200 && !line.error) {
    try {
      return { customId, response: fromChatCompletion(line.response!.body as ChatCompletion, 0, provider) };
    } catch (err) {
      if (err instanceof LlmError) return { customId, error: err };
      throw err;
    }
  }
  const body = line.response?.body as { error?: { message?: string } } | undefined;
  const message = scrub(body?.error?.message ?? line.error?.message ?? 'no message');
  const kind: LlmErrorKind = status !== undefined ? kindForStatus(status) : line.error?.code === 'batch_expired' ? 'timeout' : 'server';
  const shown = status !== undefined ? `HTTP ${status}: ${message}` : `${line.error?.code ?? 'error'}: ${message}`;
  return { customId, error: new LlmError(`${provider}: in a batch, ${shown}`, { kind, provider, ...(status !== undefined ? { status } : {}) }) };
}
