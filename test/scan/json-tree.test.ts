import { describe, expect, it } from 'vitest';
import { seeded } from '../../src/seeded.js';
import type { ValueTree } from '../../src/edit/plain-yaml.js';
import { jsonTree } from '../../src/scan/finders/json-tree.js';

function toJs(node: ValueTree): unknown {
  if ('scalar' in node) return node.scalar;
  if ('items' in node) return node.items.map(toJs);
  return Object.fromEntries(node.pairs.map(([key, value]) => [key, toJs(value)]));
}

/** Every string, with its position when it has one. */
function strings(node: ValueTree, out: Array<{ value: string; at?: number }> = []): Array<{ value: string; at?: number }> {
  if ('scalar' in node) {
    if (typeof node.scalar === 'string') out.push({ value: node.scalar, at: node.at });
  } else if ('items' in node) node.items.forEach((item) => strings(item, out));
  else node.pairs.forEach(([, value]) => strings(value, out));
  return out;
}


const ATOMS = ['"gpt-4o"', '"a\\"b"', '"\\u00e9t\\u00e9"', '"é"', '""', '0', '-1.5e3', '12', 'true', 'false', 'null', '"model"', '"x\\ny"'];

function document(next: () => number, depth = 0): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const ws = () => pick(['', ' ', '\n  ', '\t', '\r\n']);
  const roll = next();
  if (depth > 3 || roll < 0.4) return pick(ATOMS);
  const n = Math.floor(next() * 4);
  if (roll < 0.7) return `[${ws()}${Array.from({ length: n }, () => document(next, depth + 1)).join(`${ws()},${ws()}`)}${ws()}]`;
  return `{${ws()}${Array.from({ length: n }, () => `${pick(['"model"', '"name"', '"value"', '"k\\u0041"', '"model"'])}${ws()}:${ws()}${document(next, depth + 1)}`).join(`,${ws()}`)}${ws()}}`;
}

describe('the strict JSON reader of scan', () => {
  it('reads what JSON.parse reads, with each string where its characters are', () => {
    const next = seeded(12);
    for (let i = 0; i < 2000; i++) {
      const text = `${document(next)}${next() < 0.5 ? '\n' : ''}`;
      const tree = jsonTree(text);
      expect(tree, text).toBeDefined();
      expect(toJs(tree!)).toEqual(JSON.parse(text));
      const quoted = text.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
      for (const { value, at } of strings(tree!)) {
        // A string is its own characters right after a quote, or it is written with escapes.
        if (at === undefined) expect(quoted.some((raw) => raw.includes('\\') && JSON.parse(raw) === value), text).toBe(true);
        else expect(`${text[at - 1]}${text.slice(at, at + value.length)}${text[at + value.length]}`, text).toBe(`"${value}"`);
      }
    }
  });

  it('declines exactly what JSON.parse declines: damaged documents fall back to the YAML parser', () => {
    const next = seeded(34);
    let declined = 0;
    for (let i = 0; i < 3000; i++) {
      const text = document(next);
      const at = Math.floor(next() * (text.length + 1));
      const damaged = next() < 0.5 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + '{}[],:"\\ x1/#'[Math.floor(next() * 14)] + text.slice(at);
      let parsed: unknown;
      let valid = true;
      try {
        parsed = JSON.parse(damaged);
      } catch {
        valid = false;
      }
      const tree = jsonTree(damaged);
      expect(tree !== undefined, damaged).toBe(valid);
      if (tree) expect(toJs(tree)).toEqual(parsed);
      else declined++;
    }
    expect(declined).toBeGreaterThan(500);
  });

  it('declines JSON with comments, trailing commas, a byte-order mark, two values or nesting no person writes', () => {
    for (const text of ['{"a": 1} // x', '{"a": 1,}', '[1, 2,]', '\uFEFF{"a": 1}', '{"a": 1} {"b": 2}', "{'a': 1}", '{"a": 01}', '{"a": "x\ty"}', `${'['.repeat(600)}${']'.repeat(600)}`]) {
      expect(jsonTree(text), text).toBeUndefined();
    }
    expect(toJs(jsonTree(`${'['.repeat(400)}${']'.repeat(400)}`)!)).toEqual(JSON.parse(`${'['.repeat(400)}${']'.repeat(400)}`));
    // A string that never closes fails at once: a backtracking reader would try every way to split it.
    expect(jsonTree(`{"model": "${'a'.repeat(100_000)}\\x`)).toBeUndefined();
  });
});
