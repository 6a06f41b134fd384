import type { ValueTree } from '../../edit/plain-yaml.js';

/**
 * Reads strict JSON (RFC 8259) into a tree, or undefined when the text is anything else
 * (comments, trailing commas, several values, a byte-order mark, nesting deeper than a
 * person writes): the caller then reads it as YAML, as before. A JSON file is the most
 * common configuration file, and reading one this way costs a small part of composing it
 * as a YAML document.
 */
export function jsonTree(text: string): ValueTree | undefined {
  const reader = new Reader(text);
  try {
    const node = reader.value(0);
    reader.space();
    return reader.at === text.length ? node : undefined;
  } catch (error) {
    if (error === NOT_JSON) return undefined;
    throw error;
  }
}

const NOT_JSON = Symbol('not strict JSON');
const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/**
 * A string's characters up to its closing quote: anything but a quote, a backslash or a control
 * character, or an escape. One character per repetition, so that a string that does not close
 * fails in linear time (a run per repetition would backtrack through every way to split it).
 */
// eslint-disable-next-line no-control-regex -- JSON forbids control characters in strings: the class names them
const STRING = /"((?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*)"/y;

class Reader {
  at = 0;

  constructor(readonly text: string) {}

  space(): void {
    while (this.at < this.text.length) {
      const c = this.text.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.at++;
    }
  }

  value(depth: number): ValueTree {
    if (depth > MAX_DEPTH) throw NOT_JSON;
    this.space();
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      const at = this.at + 1;
      const value = this.string();
      // A string with escapes is not its characters.
      return this.text.charCodeAt(at + value.length) === 0x22 && this.text.startsWith(value, at) ? { scalar: value, at } : { scalar: value };
    }
    for (const [word, scalar] of WORDS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return { scalar };
      }
    }
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (!number) throw NOT_JSON;
    this.at += number[0].length;
    return { scalar: Number(number[0]) };
  }

  string(): string {
    STRING.lastIndex = this.at;
    const match = STRING.exec(this.text);
    if (!match) throw NOT_JSON;
    this.at += match[0].length;
    const raw = match[1]!;
    return raw.includes('\\') ? (JSON.parse(match[0]) as string) : raw;
  }

  object(depth: number): ValueTree {
    this.at++;
    const pairs: Array<[string, ValueTree]> = [];
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return { pairs };
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw NOT_JSON;
      const key = this.string();
      this.space();
      if (this.text[this.at++] !== ':') throw NOT_JSON;
      pairs.push([key, this.value(depth + 1)]);
      this.space();
      const next = this.text[this.at++];
      if (next === '}') return { pairs };
      if (next !== ',') throw NOT_JSON;
    }
  }

  array(depth: number): ValueTree {
    this.at++;
    const items: ValueTree[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return { items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.space();
      const next = this.text[this.at++];
      if (next === ']') return { items };
      if (next !== ',') throw NOT_JSON;
    }
  }
}

const WORDS: ReadonlyArray<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
