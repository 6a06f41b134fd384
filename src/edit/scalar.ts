import { parse } from 'yaml';

export type ScalarValue = string | number | boolean | null;

/** A value as text: `head` goes right after `key:` or `- `, `lines` (already indented, no line ending) follow it. */
export interface Rendered {
  head: string;
  lines: string[];
}

/** How the value being replaced was written, so its replacement is written the same way when it can be. */
export interface StyleHint {
  type?: string;
  chomp?: Chomp;
  /** Column of the lines of a block scalar being replaced. */
  blockIndent?: number;
  /** No blank line follows the value, so it may become a `|+` block. */
  keepAllowed?: boolean;
}

type Chomp = '' | '-' | '+';

// Characters that only a double-quoted scalar can carry.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NEEDS_ESCAPE = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isScalarValue(value: unknown): value is ScalarValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Writes a scalar for a block (`flow: false`) or flow context; `indent` is where block-scalar lines go. */
export function formatScalar(value: ScalarValue, flow: boolean, indent: number, hint: StyleHint = {}): Rendered {
  if (typeof value !== 'string') return inline(formatNonString(value));
  const block = !flow && blockStyle(value, hint, hint.blockIndent ?? indent);
  if (block) return block;
  if (hint.type === 'QUOTE_SINGLE' && !NEEDS_ESCAPE.test(value) && !/[\r\n]/.test(value)) return inline(`'${value.replaceAll("'", "''")}'`);
  if (hint.type !== 'QUOTE_DOUBLE' && plainReadsBack(value, flow)) return inline(value);
  return inline(doubleQuoted(value));
}

export function formatKey(key: string, flow: boolean): string {
  return plainReadsBack(key, flow) ? key : doubleQuoted(key);
}

function inline(head: string): Rendered {
  return { head, lines: [] };
}

function formatNonString(value: number | boolean | null): string {
  if (typeof value !== 'number') return String(value);
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * A block scalar keeps its indicator (`|` or `>`) and chomping when they can carry the new
 * text, else changes chomping; a new multi-line string gets a literal block.
 */
function blockStyle(value: string, hint: StyleHint, indent: number): Rendered | undefined {
  const wasBlock = hint.type === 'BLOCK_LITERAL' || hint.type === 'BLOCK_FOLDED';
  // An empty block scalar reads as nothing at all; `""` says what it is. A plain scalar that gains
  // lines (instructions.append) becomes a literal block, as a person would write it; quoted stays quoted.
  const mayBecomeBlock = hint.type === undefined || hint.type === 'PLAIN';
  if (value === '' || (!wasBlock && (!mayBecomeBlock || !value.includes('\n')))) return undefined;
  const body = value.replace(/\n+$/, '');
  const trailing = value.length - body.length;
  const chomp = hint.chomp !== undefined && chompFits(hint.chomp, trailing) ? hint.chomp : trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  // Keep chomping would take in the blank lines that follow the block.
  if (chomp === '+' && hint.chomp !== '+' && !hint.keepAllowed) return undefined;
  const indicators = hint.type === 'BLOCK_FOLDED' ? (['>', '|'] as const) : (['|'] as const);
  for (const indicator of indicators) {
    const rendered = blockScalar(body, trailing, indicator, chomp, indent);
    if (rendered && readsBack(rendered, value)) return rendered;
  }
  return undefined;
}

function chompFits(chomp: Chomp, trailing: number): boolean {
  return chomp === '-' ? trailing === 0 : chomp === '' ? trailing === 1 : trailing >= 1;
}

function blockScalar(body: string, trailing: number, indicator: '|' | '>', chomp: Chomp, indent: number): Rendered | undefined {
  if (NEEDS_ESCAPE.test(body) || body.includes('\r')) return undefined;
  const lines = body === '' ? [] : body.split('\n');
  // The first text line fixes the block's indentation, so it cannot start with a space.
  if (lines.find((l) => l !== '')?.startsWith(' ')) return undefined;
  const content = indicator === '|' ? lines : folded(lines);
  const pad = ' '.repeat(indent);
  const out = content.map((l) => (l === '' ? '' : pad + l));
  const extra = chomp === '+' ? (body === '' ? trailing : trailing - 1) : 0;
  for (let i = 0; i < extra; i++) out.push('');
  return { head: indicator + chomp, lines: out };
}

/**
 * In a folded scalar a single line break between two text lines reads as a space, so each
 * wanted line break needs one more empty line, except next to more-indented lines, where
 * breaks are kept as they are.
 */
function folded(lines: string[]): string[] {
  const out: string[] = [];
  let previous: string | undefined;
  let empties = 0;
  for (const line of lines) {
    if (line === '') {
      empties++;
      continue;
    }
    const spaced = previous !== undefined && (/^[ \t]/.test(line) || /^[ \t]/.test(previous));
    const blank = previous === undefined || spaced ? empties : empties + 1;
    for (let i = 0; i < blank; i++) out.push('');
    out.push(line);
    previous = line;
    empties = 0;
  }
  return out;
}

function readsBack(rendered: Rendered, value: string): boolean {
  try {
    const doc = parse(['k: ' + rendered.head, ...rendered.lines, ''].join('\n')) as unknown;
    return (doc as { k?: unknown } | null)?.k === value;
  } catch {
    return false;
  }
}

/**
 * Answers by value: a migration writes the same few model names and keys into
 * thousands of files, and each answer costs two YAML parses. Bounded, so a
 * run over many distinct strings does not grow it without end.
 */
const readsBackPlain = new Map<string, boolean>();
const MEMO_LIMIT = 10_000;

/** Plain only when a YAML 1.2 and a YAML 1.1 reader (`on`, `yes`, `1_000`, dates) both read the same string back. */
function plainReadsBack(value: string, flow: boolean): boolean {
  const key = `${flow ? 'f' : 'b'}${value}`;
  let known = readsBackPlain.get(key);
  if (known === undefined) {
    if (readsBackPlain.size >= MEMO_LIMIT) readsBackPlain.clear();
    known = plainReadsBackUncached(value, flow);
    readsBackPlain.set(key, known);
  }
  return known;
}

function plainReadsBackUncached(value: string, flow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\r\n\t]/.test(value) || NEEDS_ESCAPE.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':')) return false;
  if (flow && /[,[\]{}]/.test(value)) return false;
  try {
    return parse(value) === value && parse(value, { version: '1.1' }) === value;
  } catch {
    return false;
  }
}

function doubleQuoted(value: string): string {
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0' };
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    out += escapes[ch] ?? (NEEDS_ESCAPE.test(ch) ? `\\u${code.toString(16).padStart(4, '0')}` : ch);
  }
  return `"${out}"`;
}
