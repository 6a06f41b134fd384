/**
 * A fast reader for the plain subset of YAML that agent files are written in:
 * one document of block mappings and sequences, plain and single-line quoted
 * scalars, single-line flow collections and `|` / `|-` block scalars.
 *
 * `history` reads every version of every agent file, and the full `yaml`
 * parser costs ten times more per file than this. The reader is exact or
 * silent: for any text it either returns what `yaml`'s `parse()` returns
 * (core schema) or returns undefined, and the caller then runs the full
 * parser. Anything unusual (anchors, tags, tabs, multi-line scalars,
 * directives, several documents, a duplicate key, a syntax error) is left to
 * the full parser, so invalid YAML is always judged by it.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** Thrown inside the reader when the text leaves the subset. */
class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

interface Line {
  indent: number;
  /** The line without its indentation. */
  text: string;
}

/** A block mapping key: a plain word, never one the core schema would read as null, bool or number. */
const KEY_ENTRY = /^([A-Za-z_][A-Za-z0-9_./-]*):(?: +(.*))?$/;
const NOT_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
const SEQUENCE_ITEM = /^-(?: +(.*))?$/;
/** Whitespace other than a plain space. */
const OTHER_BLANK = /[^\S ]/;
/**
 * Collections nested deeper than this are left to the full parser. Agent
 * files nest a few levels; a committed file nested thousands deep would
 * otherwise overflow the stack of this recursive reader and crash `history`
 * on every run from then on.
 */
export const MAX_DEPTH = 64;

function leadingSpaces(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

export function parseSimpleYaml(text: string): YamlValue | undefined {
  if (text.includes('\r') || text.startsWith('\uFEFF')) return undefined;
  try {
    return new Reader(text.split('\n')).document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Reader {
  private next = 0;
  private depth = 0;

  constructor(private readonly lines: string[]) {}

  document(): YamlValue {
    const first = this.peek();
    if (first?.indent === 0 && first.text === '---') this.next++;
    const root = this.peek();
    if (!root || root.indent !== 0) return unsupported();
    const value = this.mapping(0);
    // Anything after the root mapping (a second document, `...`) is for the full parser.
    if (this.peek()) unsupported();
    return value;
  }

  /** The next line that holds content, skipping blank and comment lines; undefined at the end. */
  private peek(): Line | undefined {
    for (; this.next < this.lines.length; this.next++) {
      const line = this.lines[this.next] ?? '';
      const indent = leadingSpaces(line);
      const text = line.slice(indent);
      if (text === '' || text.startsWith('#')) continue;
      // Tabs and other blanks are legal in places and illegal in others; the full parser knows which.
      if (OTHER_BLANK.test(line)) unsupported();
      return { indent, text };
    }
    return undefined;
  }

  /** A block mapping whose keys sit at column `indent`; `first` is an entry already read after a `- `. */
  private mapping(indent: number, first?: string): YamlValue {
    return this.nest(() => this.entries(indent, first));
  }

  /** Runs `read` one level deeper, leaving the text to the full parser past MAX_DEPTH. */
  private nest<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) unsupported();
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  private entries(indent: number, first: string | undefined): YamlValue {
    const map: Record<string, YamlValue> = {};
    let entry = first;
    for (;;) {
      if (entry === undefined) {
        const line = this.peek();
        if (!line || line.indent < indent) return map;
        if (line.indent > indent) unsupported();
        this.next++;
        entry = line.text;
      }
      const match = KEY_ENTRY.exec(entry);
      const key = match?.[1];
      if (key === undefined || NOT_STRING_KEY.test(key) || Object.hasOwn(map, key)) return unsupported();
      map[key] = this.value(match?.[2] ?? '', indent);
      entry = undefined;
    }
  }

  /** The value after `key:` on a line of a mapping at column `indent`. */
  private value(rest: string, indent: number): YamlValue {
    if (rest === '' || rest.startsWith('#')) return this.nested(indent);
    if (rest.startsWith('|')) return this.blockScalar(rest, indent);
    const value = inlineValue(rest);
    this.endOfInline(indent);
    return value;
  }

  /** What follows `key:` with nothing after it: a nested mapping or sequence, or null. */
  private nested(indent: number): YamlValue {
    const line = this.peek();
    if (!line) return null;
    const item = SEQUENCE_ITEM.test(line.text);
    // A sequence may sit at its key's own column; a mapping must be indented deeper.
    if (item && line.indent >= indent) return this.sequence(line.indent);
    if (line.indent > indent) return this.mapping(line.indent);
    return null;
  }

  private sequence(indent: number): YamlValue[] {
    return this.nest(() => this.items(indent));
  }

  private items(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (;;) {
      const line = this.peek();
      if (!line || line.indent < indent) return items;
      if (line.indent > indent) unsupported();
      const match = SEQUENCE_ITEM.exec(line.text);
      if (!match) return items;
      this.next++;
      const rest = match[1] ?? '';
      if (rest === '' || rest.startsWith('#') || rest.startsWith('|') || rest.startsWith('- ') || rest === '-') unsupported();
      if (KEY_ENTRY.test(rest)) {
        // `- key: value`: a mapping whose keys line up with this first key.
        items.push(this.mapping(indent + line.text.length - rest.length, rest));
      } else {
        items.push(inlineValue(rest));
        this.endOfInline(indent);
      }
    }
  }

  /** After a one-line value, a deeper line would continue it (a multi-line scalar): not ours to read. */
  private endOfInline(indent: number): void {
    const line = this.peek();
    if (line && line.indent > indent) unsupported();
  }

  /** `|` or `|-` after a key of a mapping at column `indent`. */
  private blockScalar(header: string, indent: number): string {
    const chomp = /^\|(-?)(?:\s+#.*)?\s*$/.exec(header);
    if (!chomp) return unsupported();
    const body: string[] = [];
    let contentIndent = -1;
    for (; this.next < this.lines.length; this.next++) {
      const line = this.lines[this.next] ?? '';
      const lineIndent = leadingSpaces(line);
      if (lineIndent === line.length) {
        // Spaces beyond the content indentation on an empty line are content in YAML; rare enough to leave.
        if (contentIndent < 0 ? line.length > indent : line.length > contentIndent) unsupported();
        body.push('');
        continue;
      }
      if (contentIndent < 0) {
        if (lineIndent <= indent) break;
        contentIndent = lineIndent;
      }
      if (lineIndent < contentIndent) {
        if (lineIndent > indent) unsupported();
        break;
      }
      body.push(line.slice(contentIndent));
    }
    // Clip and strip chomping both drop trailing empty lines; clip then keeps one line break.
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    if (body.length === 0) return '';
    return body.join('\n') + (chomp[1] === '-' ? '' : '\n');
  }
}

/** A scalar or flow collection that fits on the rest of the line, followed by nothing or a comment. */
function inlineValue(rest: string): YamlValue {
  const first = rest.charAt(0);
  if (first === '{' || first === '[' || first === '"' || first === "'") {
    const flow = new FlowReader(rest);
    const value = flow.value();
    flow.end();
    return value;
  }
  if (/^[,\]}#&*!|>%@`]/.test(rest) || /^[-?:](?:\s|$)/.test(rest)) unsupported();
  const comment = rest.search(/\s#/);
  const plain = (comment === -1 ? rest : rest.slice(0, comment)).trimEnd();
  if (plain.includes(': ') || plain.endsWith(':')) unsupported();
  return plainScalar(plain);
}

/** A plain scalar as the YAML 1.2 core schema reads it. */
function plainScalar(text: string): YamlValue {
  if (/^(?:~|null|Null|NULL)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text) || /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

/** One-line flow collections and quoted scalars: `{ team: support }`, `[a, "b"]`, `'it''s'`. */
class FlowReader {
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  value(): YamlValue {
    this.space();
    const c = this.text.charAt(this.at);
    if (c === '{' || c === '[') {
      // The block reader's depth is not added: a flow collection on one line is bounded on its own.
      if (++this.depth > MAX_DEPTH) unsupported();
      const value = c === '{' ? this.map() : this.seq();
      this.depth--;
      return value;
    }
    if (c === '"' || c === "'") return this.quoted(c);
    return this.plain();
  }

  /** Only a comment may follow the value. */
  end(): void {
    const rest = this.text.slice(this.at);
    if (rest.trim() !== '' && !/^\s+#/.test(rest)) unsupported();
  }

  private map(): YamlValue {
    const map: Record<string, YamlValue> = {};
    this.at++;
    for (;;) {
      this.space();
      if (this.eat('}')) return map;
      const key = this.value();
      if (typeof key !== 'string' || NOT_STRING_KEY.test(key) || Object.hasOwn(map, key)) return unsupported();
      // `key: value` only; an implicit null (`{ a }`) or `a:b` is left to the full parser.
      if (!this.text.startsWith(': ', this.at)) unsupported();
      this.at += 2;
      this.space();
      if (/^[,}\]]/.test(this.text.charAt(this.at))) unsupported();
      map[key] = this.value();
      this.space();
      if (!this.eat(',') && this.text.charAt(this.at) !== '}') unsupported();
    }
  }

  private seq(): YamlValue {
    const items: YamlValue[] = [];
    this.at++;
    for (;;) {
      this.space();
      if (this.eat(']')) return items;
      items.push(this.value());
      this.space();
      if (!this.eat(',') && this.text.charAt(this.at) !== ']') unsupported();
    }
  }

  private quoted(quote: string): string {
    let value = '';
    for (let i = this.at + 1; i < this.text.length; i++) {
      const c = this.text.charAt(i);
      // Escapes in double quotes have their own rules; the full parser applies them.
      if (quote === '"' && c === '\\') unsupported();
      if (c !== quote) {
        value += c;
        continue;
      }
      if (quote === "'" && this.text.charAt(i + 1) === "'") {
        value += "'";
        i++;
        continue;
      }
      this.at = i + 1;
      return value;
    }
    return unsupported();
  }

  private plain(): YamlValue {
    const rest = this.text.slice(this.at);
    // In a flow collection `-`, `?` and `:` start a plain scalar only before a character that is neither blank nor a flow indicator.
    if (rest.trim() === '' || /^[,[\]{}#&*!|>'"%@`]/.test(rest) || /^[-?:](?:[\s,[\]{}]|$)/.test(rest)) unsupported();
    const end = rest.search(/[,[\]{}]|:\s|\s#/);
    const raw = end === -1 ? rest : rest.slice(0, end);
    // A `:` that ends the scalar, or a plain scalar running into a quote, is JSON-style YAML: leave it.
    if (raw.endsWith(':') || /["']/.test(raw)) unsupported();
    this.at += raw.length;
    return plainScalar(raw.trimEnd());
  }

  private space(): void {
    while (this.text.charAt(this.at) === ' ') this.at++;
  }

  private eat(c: string): boolean {
    if (this.text.charAt(this.at) !== c) return false;
    this.at++;
    return true;
  }
}
