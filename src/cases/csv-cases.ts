import { Assertion, EvalCase } from '../schema/eval-suite.js';
import { parseCsv, type CsvCell } from './csv.js';
import { issueFindings } from '../workspace/schema-findings.js';
import { CASE_FILE_HINT, fileFinding, type CasesRead } from './types.js';

const LIST_TYPES = new Set(['contains-all', 'contains-any', 'tool-sequence']);
const NUMBER_TYPES = new Set(['max-length', 'max-cost', 'max-latency']);
const FLAG_TYPES = new Set(['is-json', 'is-refusal']);
const NAME_TYPES: Record<string, string> = { 'tool-call': 'name', javascript: 'file' };

/**
 * An `assert:<type>` cell as an assertion: text for text checks, a number for
 * limits, `a, b` (or a JSON list) for lists, true/false for flags (false is
 * the negation), `10-80` or `80` for word-count, a JSON object for anything else.
 */
function cellAssertion(type: string, raw: string): unknown {
  const value = raw.trim();
  if (value.startsWith('{')) return { type, ...(JSON.parse(value) as object) };
  if (LIST_TYPES.has(type)) return { type, value: value.startsWith('[') ? JSON.parse(value) : value.split(',').map((v) => v.trim()).filter(Boolean) };
  if (NUMBER_TYPES.has(type)) return { type, value: numberOrText(value) };
  if (FLAG_TYPES.has(type)) return /^(true|yes|1)$/i.test(value) ? { type } : /^(false|no|0)$/i.test(value) ? { type, not: true } : { type, value };
  if (type === 'word-count') {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(value);
    return range ? { type, min: Number(range[1]), max: Number(range[2]) } : { type, max: numberOrText(value) };
  }
  if (NAME_TYPES[type]) return { type, [NAME_TYPES[type]]: value };
  return { type, value: raw };
}

/** A cell that is not a number stays text, so the schema's finding says what it is rather than NaN. */
function numberOrText(value: string): number | string {
  const n = Number(value);
  return value !== '' && Number.isFinite(n) ? n : value;
}

/**
 * promptfoo's `__expected` cell: `type: value` (`contains: refund`,
 * `icontains: refund` for ignoreCase, `not-contains: …`); a bare value means equals.
 */
function expectedAssertion(raw: string): unknown {
  const match = /^([a-z][a-z-]*):\s?([\s\S]*)$/.exec(raw.trim());
  if (!match) return { type: 'equals', value: raw };
  const value = match[2]!;
  let type = match[1]!;
  // `not-contains` is a type of its own; on any other type `not-` is the negation.
  const negate = type.startsWith('not-') && !TYPES.has(type);
  if (negate) type = type.slice('not-'.length);
  const ignoreCase = !TYPES.has(type) && type.startsWith('i') && TYPES.has(type.slice(1));
  if (ignoreCase) type = type.slice(1);
  const base = cellAssertion(type, value) as Record<string, unknown>;
  return { ...base, ...(ignoreCase ? { ignoreCase: true } : {}), ...(negate ? { not: true } : {}) };
}

const TYPES = new Set<string>(Assertion.options.map((o) => o.shape.type.value));

const KNOWN = ['input', 'name', 'tags', '__description'];

/**
 * Cases from CSV in promptfoo's shape: an `input` column (the user message),
 * optional `name` (or promptfoo's `__description`) and `tags` (comma
 * separated), `assert:<type>` columns and promptfoo's `__expected` columns.
 */
export function readCsvCases(file: string, text: string): CasesRead {
  const out: CasesRead = { cases: [], findings: [] };
  const { rows, error } = parseCsv(text);
  if (error) return { cases: [], findings: [fileFinding(file, error.line, error.column, '', error.message)] };
  const [header, ...body] = rows;
  if (!header) return { cases: [], findings: [fileFinding(file, 1, 1, '', 'the file is empty; write a header row with an input column')] };
  const columns = header.map((c) => c.value.trim());
  let ok = true;
  columns.forEach((name, i) => {
    if (KNOWN.includes(name) || name.startsWith('assert:') || /^__expected\d*$/.test(name)) return;
    ok = false;
    out.findings.push(fileFinding(file, header[i]!.line, header[i]!.column, name, `unknown column "${name}"; use input, name, tags, assert:<type> or __expected (prompt variables are not supported: each row is one user message)`));
  });
  if (!columns.includes('input')) {
    out.findings.push(fileFinding(file, 1, 1, '', 'no input column; add one holding the user message of each case'));
    return out;
  }
  if (!ok) return out;
  const base = file.split('/').pop()!;
  for (const row of body) {
    const line = row[0]!.line;
    if (row.length !== columns.length) {
      out.findings.push(fileFinding(file, line, 1, '', `this row has ${row.length} fields, the header ${columns.length}; quote fields holding commas ("a, b")`));
      continue;
    }
    const cell = (name: string): CsvCell | undefined => row[columns.indexOf(name)];
    const assertions: unknown[] = [];
    let bad = false;
    columns.forEach((name, i) => {
      const c = row[i]!;
      if (c.value.trim() === '' || !(name.startsWith('assert:') || name.startsWith('__expected'))) return;
      let assertion: unknown;
      try {
        assertion = name.startsWith('assert:') ? cellAssertion(name.slice('assert:'.length), c.value) : expectedAssertion(c.value);
      } catch (err) {
        bad = true;
        out.findings.push(fileFinding(file, c.line, c.column, name, `not valid JSON (${(err as Error).message})`));
        return;
      }
      const parsed = Assertion.safeParse(assertion);
      if (!parsed.success) {
        bad = true;
        out.findings.push(...issueFindings(parsed.error.issues, Assertion, assertion as object, (_, message) => fileFinding(file, c.line, c.column, name, `${name}: ${message}`), CASE_FILE_HINT));
      } else assertions.push(parsed.data);
    });
    if (bad) continue;
    const tags = cell('tags')?.value.split(',').map((t) => t.trim()).filter(Boolean);
    const data = {
      name: cell('name')?.value.trim() || cell('__description')?.value.trim() || `${base}:${line}`,
      input: cell('input')!.value,
      ...(assertions.length ? { assert: assertions } : {}),
      ...(tags?.length ? { tags } : {}),
    };
    const parsed = EvalCase.safeParse(data);
    if (!parsed.success) {
      out.findings.push(...issueFindings(parsed.error.issues, EvalCase, data, (path, message) => fileFinding(file, line, 1, path, message), CASE_FILE_HINT));
      continue;
    }
    out.cases.push({ case: parsed.data, line });
  }
  return out;
}
