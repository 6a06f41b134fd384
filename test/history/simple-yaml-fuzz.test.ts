import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { MAX_DEPTH, parseSimpleYaml } from '../../src/history/simple-yaml.js';

/**
 * Differential fuzzing of the fast reader against `yaml`: documents are
 * generated from a small grammar (block and flow collections, deep nesting,
 * anchors and aliases, tags, odd scalars, comments, block scalars), and for
 * every one the reader must either give exactly what `yaml` gives or step
 * aside. Seeded, so a failure names a document that can be replayed.
 */

/** mulberry32: a small seeded generator, so every run sees the same documents. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  /** How often a generated value is one of the odd ones; set per document. */
  return { int, pick, chance: (p: number) => next() < p, odd: 0.4 };
}
type Random = ReturnType<typeof generator>;

const SCALARS = [
  'plain', 'with space', 'gpt-4.1', 'a#b', 'x:y', 'http://h/p?q=1', '1', '-2', '+3', '0', '007', '1.5', '.5', '1e3', '-1.2E-3', '0x1F', '0o17',
  '0b101', '.inf', '-.Inf', '.nan', '~', 'null', 'Null', 'NULL', 'true', 'False', 'yes', 'no', 'on', 'off', 'y', 'n', '2026-01-15',
  '12:30:00', '1_000', '"double"', "'single'", "'it''s'", '"es\\"c"', '"tab\\t"', "''", '""', '"#not comment"', "'a: b'", '@at', '`tick',
  '%pct', '!tag x', '!!str 1', '!!int "7"', '&a 1', '*a', '- dash', '? q', ': c', 'trailing ', 'é ü', '😀', '[x]', '{a: 1}', '-', '--', '---',
];
/** Most values in real files are ordinary; odd ones mixed in at every position. */
const scalar = (r: Random) => (!r.chance(r.odd) ? r.pick(['plain', 'gpt-5.1', '0.2', '800', 'true', 'x y z', "'quoted'", '"dq"']) : r.pick(SCALARS));
const key = (r: Random) => (!r.chance(r.odd) ? r.pick(['a', 'b', 'c', 'd', 'e', 'f', 'name', 'model', 'params', 'k.dot', 'k-dash', 'k_u']) : r.pick(KEYS));
const KEYS = ['a', 'b', 'c', 'd', 'name', 'model', 'params', 'k.dot', 'k-dash', 'k_u', 'K', 'true', 'null', '1', '"q"', "'s'", 'x y', '__proto__', 'a#b', '-k'];

/** A flow value on one line: nesting up to `depth`. */
function flow(r: Random, depth: number): string {
  if (depth <= 0 || r.chance(0.4)) return scalar(r);
  const n = r.int(4);
  const items = Array.from({ length: n }, () => flow(r, depth - 1));
  if (r.chance(0.5)) return `[${items.join(r.pick([', ', ',', ' , ']))}]`;
  return `{ ${items.map((v) => `${key(r)}: ${v}`).join(', ')} }`;
}

/** A block collection at `indent`, `depth` levels deep at most, as lines. */
function block(r: Random, indent: number, depth: number, anchors: string[]): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  const sequence = r.chance(0.3);
  const entries = 1 + r.int(4);
  for (let i = 0; i < entries; i++) {
    const head = sequence ? `${pad}-` : `${pad}${key(r)}:`;
    if (r.chance(0.08)) lines.push(`${pad}# a comment`);
    if (r.chance(0.05)) lines.push('');
    const roll = r.int(10);
    if (depth > 0 && roll < 4) {
      // A nested collection: maps indented deeper, sequences may sit at their key's column.
      const step = r.pick([1, 2, 2, 2, 4]);
      const anchor = r.chance(r.odd / 2) ? ` &n${anchors.push(`n${anchors.length}`) - 1}` : '';
      if (sequence && r.chance(0.5)) {
        const inner = block(r, indent + 2, depth - 1, anchors);
        const first = inner[0] ?? '';
        lines.push(`${head} ${first.trimStart()}`, ...inner.slice(1));
      } else {
        lines.push(`${head}${anchor}`, ...block(r, indent + step, depth - 1, anchors));
      }
    } else if (roll < 6) {
      lines.push(`${head} ${flow(r, 3)}`);
    } else if (roll === 6) {
      lines.push(`${head} ${(r.chance(r.odd) ? r.pick(['>', '|+', '|2', '>-']) : r.pick(['|', '|-']))}`, `${pad}  line one`, ...(r.chance(0.5) ? [''] : []), `${pad}  line two`);
    } else if (roll === 7 && anchors.length > 0 && r.chance(r.odd * 2)) {
      lines.push(`${head} *${r.pick(anchors)}`);
    } else {
      const anchor = r.chance(r.odd / 2) ? `&s${anchors.push(`s${anchors.length}`) - 1} ` : '';
      const comment = r.chance(0.15) ? r.pick([' # c', '  #c', '#x']) : '';
      lines.push(`${head} ${anchor}${scalar(r)}${comment}`);
    }
  }
  return lines;
}

/** A document nested `depth` levels deep in one of the shapes that overflow a recursive reader. */
function deep(r: Random, shape: number, depth: number): string {
  const leaf = scalar(r);
  switch (shape) {
    case 0:
      return `a: ${'['.repeat(depth)}${leaf}${']'.repeat(depth)}\n`;
    case 1:
      return `a: ${'{ k: '.repeat(depth)}${leaf}${' }'.repeat(depth)}\n`;
    case 2:
      return `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} ${leaf}\n`;
    default:
      return `a:\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i + 1)}-`).join('\n')} ${leaf}\n`;
  }
}

/** `yaml`'s value of a single error-free document, or undefined. */
function full(text: string): { value: unknown } | undefined {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 1 || (docs[0]?.errors.length ?? 1) > 0) return undefined;
  return { value: docs[0]?.toJS() };
}

describe('parseSimpleYaml against yaml (differential fuzz)', () => {
  it('agrees with yaml on 6,000 generated documents or steps aside', () => {
    const r = generator(20261201);
    let fast = 0;
    for (let i = 0; i < 6000; i++) {
      const anchors: string[] = [];
      r.odd = r.pick([0, 0.02, 0.05, 0.2, 0.5]);
      const lines = block(r, 0, 1 + r.int(6), anchors);
      const text = `${r.chance(0.1) ? '---\n' : ''}${lines.join('\n')}${r.chance(0.8) ? '\n' : ''}`;
      const mine = parseSimpleYaml(text);
      if (mine === undefined) continue;
      fast++;
      // An answer from the fast reader must be yaml's answer for the same text.
      expect({ i, text, value: mine }).toEqual({ i, text, value: full(text)?.value });
    }
    // The generator must exercise the fast path, not only the fallback.
    expect(fast).toBeGreaterThan(1000);
  });

  it('steps aside, never overflows, on documents nested past its depth bound', () => {
    const r = generator(42);
    for (let i = 0; i < 200; i++) {
      const depth = r.pick([MAX_DEPTH + 1, 200, 1000, 10_000, 100_000]);
      const shape = r.int(4);
      // Block nesting grows quadratically with depth; 1,500 levels is about the 1 MiB file limit.
      const text = deep(r, shape, shape >= 2 ? Math.min(depth, 1500) : depth);
      expect(() => parseSimpleYaml(text)).not.toThrow();
      expect(parseSimpleYaml(text)).toBeUndefined();
    }
    // Just inside the bound the fast reader still answers, and answers as yaml does.
    const inside = `a: ${'['.repeat(MAX_DEPTH - 1)}x${']'.repeat(MAX_DEPTH - 1)}\n`;
    expect(parseSimpleYaml(inside)).toEqual(full(inside)?.value);
  });
});
