import { lineCol } from '../line-col.js';

/**
 * A reader for the plain YAML most workspace files are written in: one document of block
 * mappings and block lists, one-line scalars (plain, single- or double-quoted without
 * escapes), one-line flow collections, `|` and `|-` block scalars, and comments. For such
 * a file it gives what the full parser gives (the data of `toJS()`, and the positions
 * index of positions.ts) at a small part of the cost; for anything else (anchors, tags,
 * escapes, `>` blocks, several documents, multi-line plain scalars or flow collections,
 * tabs, CRLF, duplicate keys, whatever is not YAML at all) it gives undefined, and the
 * caller parses the file with `yaml`, which reports what is wrong. Declining is always
 * safe; reading differently never is, so every construct read here is one whose meaning
 * is plain (tests compare the two on generated and on real files).
 */
export interface PlainDocument {
  data: unknown;
  /** The same value with where each one-line string's characters start (scan reports ids by position). */
  tree: ValueTree;
  /** positions.ts's index, entry for entry as `indexPositions` writes it. */
  positions: string;
  /** 1-based line where the content starts. */
  line: number;
  /** Offset of each line's first character. */
  lineStarts: number[];
}

/** A YAML or JSON value with the offset where each string's characters start, when its characters are its value. */
export type ValueTree =
  | { scalar: unknown; at?: number }
  | { pairs: Array<[key: string, value: ValueTree]> }
  | { items: ValueTree[] };

export function readPlainYaml(text: string): PlainDocument | undefined {
  if (text.includes('\r')) return undefined;
  const reader = new Reader(text);
  try {
    return reader.document();
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}

const NOT_PLAIN = Symbol('not plain YAML');
function decline(): never {
  throw NOT_PLAIN;
}

/** A mapping key read here: plain, starting with a letter or `_`, followed by `:` and a space or the line's end. */
const KEY = /^([A-Za-z_][A-Za-z0-9_./-]*):(?: +|$)/;
/** YAML ends an implicit key's `:` at most 1024 characters after the key starts (yaml's KEY_OVER_1024_CHARS). */
const MAX_KEY = 1024;
/**
 * Nesting deeper than any workspace file has is the full parser's, which reports it where it
 * runs out of stack; reading it here would both differ and recurse as deep.
 */
const MAX_DEPTH = 64;
/** Keys the core schema reads as something other than their text, or that `toJS` treats apart. */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
/** A plain scalar may not start with an indicator, or with `-` and a space (a list item). */
const INDICATOR = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?= |$))/;

/** A key in a flow mapping, with its `: `. */
const FLOW_KEY = /^([A-Za-z_][A-Za-z0-9_./-]*): +/;
/** A plain scalar in a flow collection runs up to a flow indicator; one that would hold a quote, `#` or another collection is declined. */
const FLOW_PLAIN = /^[^,[\]{}#"'\t]+/;

/** The core schema's plain scalars other than strings, tested as `yaml` tests them (schema/core). */
const CORE: ReadonlyArray<[RegExp, (s: string) => unknown]> = [
  [/^(?:~|[Nn]ull|NULL)?$/, () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'],
  [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
];

interface Node {
  value: unknown;
  /** Offset where the node starts, as `yaml` sets `range[0]`. */
  start: number;
  tree: ValueTree;
}

/** A value read from a line: where it ends there, and its tree. */
interface Read {
  value: unknown;
  end: number;
  tree: ValueTree;
}

class Reader {
  readonly lines: string[];
  readonly lineStarts: number[] = [];
  /** The positions index, in the order `indexPositions` writes it. */
  readonly parts: string[] = [];
  /** The line being read. */
  i = 0;

  constructor(readonly text: string) {
    this.lines = text.split('\n');
    let offset = 0;
    for (const line of this.lines) {
      this.lineStarts.push(offset);
      offset += line.length + 1;
    }
  }

  document(): PlainDocument {
    this.skipBlank();
    if (this.i >= this.lines.length || this.indent(this.i) !== 0) decline();
    const line = this.i + 1;
    const root = this.block(0, '', 0);
    this.skipBlank();
    if (this.i < this.lines.length) decline();
    return { data: root.value, tree: root.tree, positions: this.parts.join(''), line, lineStarts: this.lineStarts };
  }

  /** Passes blank and comment lines; declines document markers, directives and tabs in indentation. */
  skipBlank(): void {
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i]!;
      // Only spaces indent or blank a line: a tab, a no-break space or any other character is content.
      const first = line.charCodeAt(spaces(line));
      if (first === 0x09) decline();
      if (Number.isNaN(first) || first === 0x23) continue;
      if (/^(?:---|\.\.\.)(?:\s|$)|^%/.test(line)) decline();
      return;
    }
  }

  /** The indentation of line i; a tab in it is not YAML indentation. */
  indent(i: number): number {
    const line = this.lines[i]!;
    const n = spaces(line);
    if (line.charCodeAt(n) === 0x09) decline();
    return n;
  }

  /** A mapping or a list whose first entry starts at column `col` of the current line. */
  block(col: number, path: string, depth: number): Node {
    if (depth > MAX_DEPTH) decline();
    return isDash(this.lines[this.i]!.slice(col)) ? this.list(col, path, depth) : this.map(col, path, this.i, depth);
  }

  map(col: number, path: string, first: number, depth: number): Node {
    const map: Record<string, unknown> = {};
    const pairs: Array<[string, ValueTree]> = [];
    const start = this.lineStarts[first]! + col;
    for (;;) {
      if (this.i !== first) {
        this.skipBlank();
        if (this.i >= this.lines.length) break;
        const indent = this.indent(this.i);
        if (indent < col) break;
        if (indent > col) decline();
      }
      const content = this.lines[this.i]!.slice(col);
      // A list at a mapping's own indentation is the value of the key before it (read there), never an entry.
      if (isDash(content)) decline();
      const key = KEY.exec(content);
      if (!key || key[1]!.length >= MAX_KEY || SPECIAL_KEY.test(key[1]!) || Object.hasOwn(map, key[1]!)) decline();
      const name = key[1]!;
      const keyLine = this.i;
      const child = path ? `${path}.${name}` : name;
      const slot = this.parts.push('') - 1;
      const value = this.value(col, col + key[0].length, child, depth);
      map[name] = value.value;
      pairs.push([name, value.tree]);
      const keyAt = `${keyLine + 1} ${col + 1}`;
      this.parts[slot] = `\n${child}\t${keyAt} ${value.start < 0 ? keyAt : this.at(value.start)}`;
    }
    return { value: map, start, tree: { pairs } };
  }

  list(col: number, path: string, depth: number): Node {
    const list: unknown[] = [];
    const items: ValueTree[] = [];
    const start = this.lineStarts[this.i]! + col;
    for (let first = true; ; first = false) {
      if (!first) {
        this.skipBlank();
        if (this.i >= this.lines.length) break;
        const indent = this.indent(this.i);
        if (indent < col) break;
        if (indent > col) decline();
        if (!isDash(this.lines[this.i]!.slice(col))) break;
      }
      const line = this.lines[this.i]!;
      let at = col + 1;
      while (line.charCodeAt(at) === 0x20) at++;
      const rest = line.slice(at);
      // An empty item, a list in a list and a block scalar item are rare enough to leave to the full parser.
      if (rest === '' || rest[0] === '#' || isDash(rest) || rest[0] === '|' || line.charCodeAt(at) === 0x09) decline();
      const child = `${path ? `${path}.` : ''}${list.length}`;
      const slot = this.parts.push('') - 1;
      const item = KEY.test(rest) ? this.map(at, child, this.i, depth + 1) : this.scalarLine(at, col, child);
      list.push(item.value);
      items.push(item.tree);
      this.parts[slot] = `\n${child}\t0 0 ${this.at(item.start)}`;
    }
    return { value: list, start, tree: { items } };
  }

  /**
   * The value after a key whose line goes on at column `at`: on the same line, or a block
   * below. `start` is -1 for an empty value (null), which the index places at its key.
   */
  value(col: number, at: number, path: string, depth: number): Node {
    const line = this.lines[this.i]!;
    const rest = line.slice(at);
    if (rest === '' || rest[0] === '#') {
      this.i++;
      this.skipBlank();
      if (this.i >= this.lines.length) return { value: null, start: -1, tree: { scalar: null } };
      const indent = this.indent(this.i);
      const content = this.lines[this.i]!.slice(indent);
      if (indent > col || (indent === col && isDash(content))) return this.block(indent, path, depth + 1);
      return { value: null, start: -1, tree: { scalar: null } };
    }
    if (rest[0] === '|') return this.literal(col, at);
    return this.scalarLine(at, col, path);
  }

  /** A scalar or a one-line flow collection that is the rest of the current line from `at`; the next line must not carry it on. */
  scalarLine(at: number, col: number, path: string): Node {
    const rest = this.lines[this.i]!.slice(at);
    const start = this.lineStarts[this.i]! + at;
    let read: Read;
    if (rest[0] === '[' || rest[0] === '{') {
      read = this.flow(rest, 0, start, path);
    } else if (rest[0] === '"' || rest[0] === "'") {
      read = quoted(rest, 0, start);
    } else {
      if (INDICATOR.test(rest)) decline();
      const comment = rest.indexOf(' #');
      const raw = trimSpaces(comment < 0 ? rest : rest.slice(0, comment));
      if (raw.includes('\t') || raw.includes(': ') || raw.endsWith(':')) decline();
      read = plainRead(raw, 0, start);
    }
    if (!/^(?: *| +#.*)$/.test(rest.slice(read.end))) decline();
    this.i++;
    this.continuation(col);
    return { value: read.value, start, tree: read.tree };
  }

  /**
   * A flow collection (`[a, "b"]`, `{ team: x, tier: [y] }`) starting at `from` of `line`
   * (which starts at offset `base`) and closing on the same line.
   */
  flow(line: string, from: number, base: number, path: string, depth = 0): Read {
    if (depth > 32) decline();
    const close = line[from] === '[' ? ']' : '}';
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    const items: ValueTree[] = [];
    const pairs: Array<[string, ValueTree]> = [];
    const done = (end: number): Read => (close === ']' ? { value: list, end, tree: { items } } : { value: map, end, tree: { pairs } });
    let at = from + 1;
    const space = () => {
      while (line[at] === ' ') at++;
    };
    space();
    if (line[at] === close) return done(at + 1);
    for (;;) {
      space();
      let key: string | undefined;
      const keyAt = at;
      if (close === '}') {
        const match = FLOW_KEY.exec(line.slice(at));
        if (!match || SPECIAL_KEY.test(match[1]!) || Object.hasOwn(map, match[1]!)) decline();
        key = match[1]!;
        at += match[0].length;
      }
      const child = `${path ? `${path}.` : ''}${key ?? list.length}`;
      const valueAt = at;
      // The entry comes before those of a collection inside it, as in indexPositions.
      const slot = this.parts.push('') - 1;
      let read: Read;
      if (line[at] === '"' || line[at] === "'") read = quoted(line, at, base + at);
      else if (line[at] === '[' || line[at] === '{') read = this.flow(line, at, base, child, depth + 1);
      else {
        const plain = FLOW_PLAIN.exec(line.slice(at));
        if (!plain || INDICATOR.test(plain[0]) || plain[0].includes(':')) decline();
        const raw = trimSpaces(plain[0]);
        read = plainRead(raw, at, base + at);
      }
      this.parts[slot] = `\n${child}\t${key === undefined ? '0 0' : this.at(base + keyAt)} ${this.at(base + valueAt)}`;
      at = read.end;
      if (key === undefined) {
        list.push(read.value);
        items.push(read.tree);
      } else {
        map[key] = read.value;
        pairs.push([key, read.tree]);
      }
      space();
      const next = line[at++];
      if (next === close) return done(at);
      if (next !== ',') decline();
    }
  }

  /** A line more indented than the entry just read would carry its scalar on (or be an error): the full parser's case. */
  continuation(col: number): void {
    const save = this.i;
    this.skipBlank();
    if (this.i < this.lines.length && this.indent(this.i) > col) decline();
    this.i = save;
  }

  /** A `|` or `|-` block scalar whose indicator is at column `at`, under an entry at column `col`. */
  literal(col: number, at: number): Node {
    const header = this.lines[this.i]!.slice(at);
    const strip = header[1] === '-';
    if (!/^(?:\|-?)(?: *| +#.*)$/.test(header)) decline();
    const start = this.lineStarts[this.i]! + at;
    this.i++;
    // The content's indentation is that of its first non-empty line; a longer blank line before it is an error in YAML.
    let first = this.i;
    while (first < this.lines.length && /^ *$/.test(this.lines[first]!)) first++;
    if (first >= this.lines.length) decline();
    const indent = spaces(this.lines[first]!);
    if (indent <= col) decline();
    const content: string[] = [];
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i]!;
      if (/^ *$/.test(line)) {
        if (line.length > indent) decline();
        content.push('');
        continue;
      }
      // A tab after the indentation is content.
      if (spaces(line) < indent) break;
      content.push(line.slice(indent));
    }
    // The last line of the text is the empty string after its final line break; without one, YAML's chomping is the parser's to judge.
    if (this.i >= this.lines.length && this.lines[this.lines.length - 1] !== '') decline();
    let kept = content.length;
    while (kept > 0 && content[kept - 1] === '') kept--;
    if (kept === 0) decline();
    // Blank lines after the scalar belong to what follows; give them back so the caller's skip sees them.
    this.i -= content.length - kept;
    const body = content.slice(0, kept).join('\n');
    const value = strip ? body : `${body}\n`;
    return { value, start, tree: { scalar: value } };
  }

  /** `line col` (1-based) of an offset. */
  at(offset: number): string {
    return lineCol(this.lineStarts, offset).join(' ');
  }
}

/**
 * A quoted scalar at `from` of `line` (offset `offset` in the text) that closes on it, without
 * escapes (a `\\` in double quotes is declined); a single-quoted one with `''` is not its bytes.
 */
function quoted(line: string, from: number, offset: number): Read {
  const quote = line[from]!;
  if (quote === '"') {
    const end = line.indexOf('"', from + 1);
    if (end < 0 || line.slice(from + 1, end).includes('\\')) decline();
    const value = line.slice(from + 1, end);
    return { value, end: end + 1, tree: { scalar: value, at: offset + 1 } };
  }
  let end = from + 1;
  for (;;) {
    const at = line.indexOf("'", end);
    if (at < 0) decline();
    if (line[at + 1] !== "'") {
      const raw = line.slice(from + 1, at);
      const value = raw.replaceAll("''", "'");
      return { value, end: at + 1, tree: value === raw ? { scalar: value, at: offset + 1 } : { scalar: value } };
    }
    end = at + 2;
  }
}

/** A plain scalar `raw` at `from` of its line (offset `offset` in the text). */
function plainRead(raw: string, from: number, offset: number): Read {
  const value = plainValue(raw);
  return { value, end: from + raw.length, tree: { scalar: value, at: offset } };
}

/** Without its trailing spaces; by hand, since `/ +$/` tries every run of spaces to the end (quadratic on long runs). */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(0, end);
}

function spaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 0x20) n++;
  return n;
}

function isDash(content: string): boolean {
  return content[0] === '-' && (content.length === 1 || content[1] === ' ');
}

function plainValue(raw: string): unknown {
  for (const [test, resolve] of CORE) if (test.test(raw)) return resolve(raw);
  return raw;
}
