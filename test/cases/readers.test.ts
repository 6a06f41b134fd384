import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/cases/csv.js';
import { readCsvCases } from '../../src/cases/csv-cases.js';
import { readLogCases } from '../../src/cases/from-log.js';
import { readJsonlCases } from '../../src/cases/jsonl-cases.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, keeping each cell\'s position', () => {
    const { rows, error } = parseCsv('\uFEFFinput,name\r\n"a, ""b""\nc",second\n\nplain,x\n');
    expect(error).toBeUndefined();
    expect(rows.map((r) => r.map((c) => c.value))).toEqual([['input', 'name'], ['a, "b"\nc', 'second'], ['plain', 'x']]);
    expect(rows[1]![1]).toMatchObject({ line: 3, column: 4 });
    expect(rows[2]![0]).toMatchObject({ line: 5, column: 1 });
  });
  it('points an unterminated quote at where it opens', () => {
    expect(parseCsv('input\nok\n"never closed\nmore\n').error).toEqual({ line: 3, column: 1, message: 'a quoted field is never closed; add the closing "' });
  });
});

describe('readJsonlCases', () => {
  it('reads cases, names the unnamed after file and line, and reports bad rows at their line', () => {
    const text = [
      '{"name": "refund", "input": "I want a refund", "assert": [{"type": "contains", "value": "refund"}], "tags": ["billing"]}',
      '',
      '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}, {"role": "user", "content": "order 12?"}]}',
      '{"input": "x", "assert": [{"type": "word-count"}]}',
      '{"input": "x", "bogus": 1}',
      '{not json',
      '["a list"]',
    ].join('\n');
    const read = readJsonlCases('evals/data/tickets.jsonl', text);
    expect(read.cases.map((c) => [c.line, c.case.name])).toEqual([[1, 'refund'], [3, 'tickets.jsonl:3']]);
    expect(read.cases[0]!.case.tags).toEqual(['billing']);
    expect(read.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      'evals/data/tickets.jsonl:4:1 assert.0.min: word-count needs min, max or both',
      'evals/data/tickets.jsonl:5:1 unknown key "bogus"; allowed keys are name, input, messages, assert, tags',
      expect.stringMatching(/^evals\/data\/tickets\.jsonl:6:1 not valid JSON \(.*\); write one JSON object per line$/),
      'evals/data/tickets.jsonl:7:1 each line must be a JSON object like {"input": "…", "assert": […]}',
    ]);
  });
});

describe('readCsvCases (promptfoo shape)', () => {
  it('reads input, name, tags, assert:<type> and __expected columns', () => {
    const csv = [
      'input,name,tags,assert:contains,assert:max-length,assert:contains-any,assert:is-refusal,assert:word-count,__expected,__expected2',
      '"Refund order 1182, please",refund,"billing, urgent",1182,600,"refund, credit",false,5-80,icontains: REFUND,not-starts-with: Sorry',
      'Where is my parcel?,,,parcel,,,,,Parcel is on its way,',
    ].join('\n');
    const read = readCsvCases('evals/tickets.csv', csv);
    expect(read.findings).toEqual([]);
    expect(read.cases[0]).toEqual({
      line: 2,
      case: {
        name: 'refund',
        input: 'Refund order 1182, please',
        tags: ['billing', 'urgent'],
        assert: [
          { type: 'contains', value: '1182' },
          { type: 'max-length', value: 600 },
          { type: 'contains-any', value: ['refund', 'credit'] },
          { type: 'is-refusal', not: true },
          { type: 'word-count', min: 5, max: 80 },
          { type: 'contains', value: 'REFUND', ignoreCase: true },
          { type: 'starts-with', value: 'Sorry', not: true },
        ],
      },
    });
    expect(read.cases[1]!.case).toEqual({ name: 'tickets.csv:3', input: 'Where is my parcel?', assert: [{ type: 'contains', value: 'parcel' }, { type: 'equals', value: 'Parcel is on its way' }] });
  });

  it('refuses a row whose input is blank: it would send an empty message', () => {
    const read = readCsvCases('evals/t.csv', 'input,__expected\n,x\n   ,y\nhello,hi\n');
    expect(read.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['2:1 input: is blank; write the user message the case sends', '3:1 input: is blank; write the user message the case sends']);
    expect(read.cases.map((c) => c.case.input)).toEqual(['hello']);
    expect(readJsonlCases('evals/t.jsonl', '{"input": ""}\n').findings.map((f) => f.message)).toEqual(['input: is blank; write the user message the case sends']);
  });

  it('points at the cell of a bad assertion, and refuses unknown columns and short rows', () => {
    const bad = readCsvCases('evals/t.csv', 'input,assert:max-length,assert:regex\nhi,lots,ok\nhi,3,(unclosed\nshort\n');
    expect(bad.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '2:4 assert:max-length: value must be a number, not text; change it to a number',
      expect.stringMatching(/^3:6 assert:regex: value: not a valid JavaScript regular expression/),
      '4:1 this row has 1 fields, the header 3; quote fields holding commas ("a, b")',
    ]);
    expect(readCsvCases('evals/t.csv', 'question,__expected\nhi,x\n').findings.map((f) => f.message)).toEqual([
      'unknown column "question"; use input, name, tags, assert:<type> or __expected (prompt variables are not supported: each row is one user message)',
      'no input column; add one holding the user message of each case',
    ]);
  });
});

/** Chat-completions request bodies as an app logs them before sending, and one Batch API line. */
const OPENAI_LOG = [
  { model: 'gpt-4.1', temperature: 0.2, messages: [{ role: 'system', content: 'You are Acme support v3.' }, { role: 'user', content: 'I was charged twice. My email is jane.doe@example.com, card 4111 1111 1111 1111.' }] },
  { model: 'gpt-4.1', messages: [{ role: 'system', content: 'You are Acme support v3.' }, { role: 'user', content: 'I was charged twice. My email is jane.doe@example.com, card 4111 1111 1111 1111.' }] },
  {
    model: 'gpt-4.1',
    messages: [
      { role: 'developer', content: 'Be terse.' },
      { role: 'user', content: [{ type: 'text', text: 'Where is order 7781?' }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup_order', arguments: '{"id":"7781"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"status":"shipped"}' },
      { role: 'assistant', content: 'It shipped yesterday.' },
      { role: 'user', content: 'Call me at +1 415 555 0100 when it lands.' },
      { role: 'assistant', content: 'Will do.' },
    ],
  },
  { custom_id: 'req-4', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Cancel my subscription' }] } },
  { model: 'gpt-4.1', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }] },
  { model: 'gpt-4.1', messages: [{ role: 'system', content: 'only system' }] },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

const PII = ['[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}', '\\b(?:\\d[ -]?){13,16}\\b', '\\+?\\d[\\d ]{8,}\\d'];

describe('readLogCases', () => {
  it('openai-chat: conversation up to the last user turn, system and tool turns dropped, duplicates collapsed, PII masked', () => {
    const read = readLogCases('logs/support.jsonl', OPENAI_LOG, { fromLog: 'support.jsonl', format: 'openai-chat', redact: PII, assert: [{ type: 'is-refusal', not: true }] });
    expect(read.cases).toEqual([
      { line: 1, case: { name: 'support.jsonl:1', input: 'I was charged twice. My email is [redacted], card [redacted].', assert: [{ type: 'is-refusal', not: true }] } },
      {
        line: 3,
        case: {
          name: 'support.jsonl:3',
          messages: [
            { role: 'user', content: 'Where is order 7781?' },
            { role: 'assistant', content: 'It shipped yesterday.' },
            { role: 'user', content: 'Call me at [redacted] when it lands.' },
          ],
          assert: [{ type: 'is-refusal', not: true }],
        },
      },
      { line: 4, case: { name: 'support.jsonl:4', input: 'Cancel my subscription', assert: [{ type: 'is-refusal', not: true }] } },
    ]);
    expect(JSON.stringify(read.cases)).not.toMatch(/jane|4111|555|Acme support|Be terse/);
    expect(read.findings.map((f) => `${f.line} ${f.severity} ${f.message}`)).toEqual([
      '5 warning skipped: a user message has content other than text (images, audio or files are not replayed)',
      '6 warning skipped: no user message',
    ]);
  });

  it('samples N distinct conversations by seed, the same ones every time, in log order', () => {
    const log = Array.from({ length: 50 }, (_, i) => JSON.stringify({ messages: [{ role: 'user', content: `ticket ${i % 40}` }] })).join('\n');
    const pick = (seed: number) => readLogCases('l.jsonl', log, { fromLog: 'l.jsonl', format: 'openai-chat', sample: 5, seed }).cases.map((c) => c.case.input);
    expect(pick(7)).toEqual(pick(7));
    expect(pick(7)).toHaveLength(5);
    expect(pick(7)).not.toEqual(pick(8));
    const lines = readLogCases('l.jsonl', log, { fromLog: 'l.jsonl', format: 'openai-chat', sample: 5, seed: 7 }).cases.map((c) => c.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(readLogCases('l.jsonl', log, { fromLog: 'l.jsonl', format: 'openai-chat' }).cases).toHaveLength(40);
  });

  it('otel-genai: spans and events of the collector\'s file exporter carrying gen_ai.input.messages', () => {
    const messages = [
      { role: 'system', parts: [{ type: 'text', content: 'You are the old prompt.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'My order 1182 is late, mail me at bob@example.org' }] },
    ];
    const span = { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 'app' }, spans: [{ name: 'chat gpt-4.1', attributes: [{ key: 'gen_ai.operation.name', value: { stringValue: 'chat' } }, { key: 'gen_ai.input.messages', value: { stringValue: JSON.stringify(messages) } }] }] }] }] };
    const event = { resourceLogs: [{ scopeLogs: [{ logRecords: [{ eventName: 'gen_ai.client.inference.operation.details', attributes: [{ key: 'gen_ai.input.messages', value: { stringValue: JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Reset my password' }] }]) } }] }] }] }] };
    const read = readLogCases('logs/otel.jsonl', [span, span, event, { resourceSpans: [] }].map((r) => JSON.stringify(r)).join('\n'), { fromLog: 'otel.jsonl', format: 'otel-genai', redact: PII });
    expect(read.cases.map((c) => [c.line, c.case.input])).toEqual([[1, 'My order 1182 is late, mail me at [redacted]'], [3, 'Reset my password']]);
    expect(read.findings.map((f) => `${f.line} ${f.message}`)).toEqual(['4 no gen_ai.input.messages attribute in this record']);
  });
});
