import type { CasesSource, Message } from '../schema/eval-suite.js';
import { seeded } from '../seeded.js';
import { jsonLines } from './jsonl-cases.js';
import { fileFinding, type CasesRead } from './types.js';

type LogSource = Extract<CasesSource, { fromLog: string }>;

/** A conversation found on one line of a log, or why the line gave none. */
type Extracted = { messages: Message[] } | { skip: string } | { none: true };

/**
 * Production requests as cases. Each record's conversation up to its last
 * user turn is the case; system and developer messages are dropped because
 * the eval sends the agent's own instructions; tool turns are dropped (the
 * eval has no tool results to replay). `redact` masks before anything else
 * sees the text, identical conversations collapse into one, and `sample`
 * keeps N of them, chosen by `seed`, in log order.
 */
export function readLogCases(file: string, text: string, source: LogSource): CasesRead {
  const out: CasesRead = { cases: [], findings: [] };
  const masks = (source.redact ?? []).map((r) => new RegExp(r, 'g'));
  const redact = (s: string) => masks.reduce((t, m) => t.replace(m, '[redacted]'), s);
  const seen = new Map<string, number>();
  const found: { line: number; messages: Message[] }[] = [];
  let skipped = 0;
  for (const { line, text: json } of jsonLines(text)) {
    let record: unknown;
    try {
      record = JSON.parse(json);
    } catch (error) {
      out.findings.push(fileFinding(file, line, 1, '', `not valid JSON (${(error as Error).message}); a ${source.format} log holds one JSON object per line`));
      continue;
    }
    const conversations = source.format === 'openai-chat' ? [openAiChat(record)] : otelGenAi(record);
    for (const got of conversations) {
      if ('none' in got) {
        out.findings.push(fileFinding(file, line, 1, '', source.format === 'openai-chat' ? 'no messages here; each line must be a chat-completions request body ({"model", "messages"}) or a batch line with one in "body"' : 'no gen_ai.input.messages attribute in this record'));
        continue;
      }
      if ('skip' in got) {
        skipped++;
        if (skipped <= 5) out.findings.push(fileFinding(file, line, 1, '', `skipped: ${got.skip}`, 'warning'));
        continue;
      }
      const messages = got.messages.map((m) => ({ role: m.role, content: redact(m.content) }));
      const key = JSON.stringify(messages);
      if (seen.has(key)) continue;
      seen.set(key, line);
      found.push({ line, messages });
    }
  }
  if (skipped > 5) out.findings.push(fileFinding(file, 1, 1, '', `${skipped} records skipped in all (the first 5 are listed)`, 'warning'));
  const base = file.split('/').pop()!;
  for (const { line, messages } of sample(found, source.sample, source.seed ?? 0)) {
    const only = messages.length === 1 ? messages[0]!.content : undefined;
    out.cases.push({ case: { name: `${base}:${line}`, ...(only !== undefined ? { input: only } : { messages }), ...(source.assert ? { assert: source.assert } : {}) }, line });
  }
  return out;
}

/** Up to `n` items chosen by a seeded shuffle, returned in their original order. */
function sample<T>(items: T[], n: number | undefined, seed: number): T[] {
  if (n === undefined || n >= items.length) return items;
  const random = seeded(seed);
  const order = items.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, n).sort((a, b) => a - b).map((i) => items[i]!);
}

/** The turns up to and including the last user turn; nothing when there is no user turn. */
function upToLastUser(turns: Message[]): Extracted {
  const last = turns.map((t) => t.role).lastIndexOf('user');
  if (last < 0) return { skip: 'no user message' };
  return { messages: turns.slice(0, last + 1) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A chat-completions request body, bare or as a Batch API line (`{custom_id, method, url, body}`). */
function openAiChat(record: unknown): Extracted {
  const body = isRecord(record) && isRecord(record.body) ? record.body : record;
  if (!isRecord(body) || !Array.isArray(body.messages)) return { none: true };
  const turns: Message[] = [];
  for (const m of body.messages as unknown[]) {
    if (!isRecord(m)) return { skip: 'a message is not an object' };
    if (m.role !== 'user' && m.role !== 'assistant') continue; // system, developer, tool, function
    const text = chatContent(m.content);
    if (text === undefined) return { skip: `a ${m.role} message has content other than text (images, audio or files are not replayed)` };
    if (text === '' && m.role === 'assistant') continue; // a turn that only called tools
    turns.push({ role: m.role, content: text });
  }
  return upToLastUser(turns);
}

/** `content` as a string, a list of text parts, or null (an assistant's tool call). */
function chatContent(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) return undefined;
  const parts: string[] = [];
  for (const part of content) {
    if (!isRecord(part) || part.type !== 'text' || typeof part.text !== 'string') return undefined;
    parts.push(part.text);
  }
  return parts.join('\n');
}

/**
 * OTLP JSON as the collector's file exporter writes it, one export request a
 * line: spans (`resourceSpans`) or events (`resourceLogs`) whose attributes
 * hold `gen_ai.input.messages` (a JSON string, or an array value), per the
 * OpenTelemetry GenAI semantic conventions: `[{role, parts: [{type: "text", content}]}]`.
 */
function otelGenAi(record: unknown): Extracted[] {
  if (!isRecord(record)) return [{ none: true }];
  const holders: unknown[] = [];
  for (const rs of arrayOf(record.resourceSpans)) for (const ss of arrayOf(rs.scopeSpans)) holders.push(...arrayOf(ss.spans));
  for (const rl of arrayOf(record.resourceLogs)) for (const sl of arrayOf(rl.scopeLogs)) holders.push(...arrayOf(sl.logRecords));
  const found: Extracted[] = [];
  for (const holder of holders) {
    const attribute = isRecord(holder) ? arrayOf(holder.attributes).find((a) => a.key === 'gen_ai.input.messages') : undefined;
    if (!attribute) continue;
    found.push(otelMessages(anyValue(attribute.value)));
  }
  return found.length ? found : [{ none: true }];
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** An OTLP `AnyValue` as plain JSON. */
function anyValue(value: unknown): unknown {
  if (!isRecord(value)) return undefined;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (isRecord(value.arrayValue)) return arrayOf(value.arrayValue.values).map(anyValue);
  if (isRecord(value.kvlistValue)) return Object.fromEntries(arrayOf(value.kvlistValue.values).map((kv) => [kv.key, anyValue(kv.value)]));
  for (const k of ['intValue', 'doubleValue', 'boolValue']) if (k in value) return value[k];
  return undefined;
}

function otelMessages(value: unknown): Extracted {
  let messages = value;
  if (typeof value === 'string') {
    try {
      messages = JSON.parse(value);
    } catch {
      return { skip: 'gen_ai.input.messages is not valid JSON' };
    }
  }
  if (!Array.isArray(messages)) return { skip: 'gen_ai.input.messages is not a list of messages' };
  const turns: Message[] = [];
  for (const m of messages) {
    if (!isRecord(m)) return { skip: 'a message is not an object' };
    if (m.role !== 'user' && m.role !== 'assistant') continue; // system, tool
    const parts = arrayOf(m.parts);
    if (parts.some((p) => p.type !== 'text' && p.type !== 'tool_call' && p.type !== 'tool_call_response')) return { skip: `a ${m.role} message has parts other than text (images, audio or files are not replayed)` };
    const text = parts.filter((p) => p.type === 'text').map((p) => (typeof p.content === 'string' ? p.content : '')).join('\n');
    if (text === '') continue; // a turn that only called tools
    turns.push({ role: m.role, content: text });
  }
  return upToLastUser(turns);
}
