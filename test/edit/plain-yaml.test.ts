import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { execFileSync } from 'node:child_process';
import { LineCounter, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../src/seeded.js';
import { readPlainYaml, type PlainDocument, type ValueTree } from '../../src/edit/plain-yaml.js';
import { indexPositions } from '../../src/workspace/positions.js';

/** What the full parser makes of a text, in the plain reader's terms; undefined when it finds any problem. */
function byYaml(text: string): Omit<PlainDocument, 'tree'> | undefined {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const doc = docs[0]!;
  if (doc.errors.length || doc.warnings.length) return undefined;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined; // an alias to an anchor defined after it
  }
  return {
    data,
    positions: indexPositions(doc.contents, lines).index,
    line: lines.linePos(doc.contents?.range?.[0] ?? doc.range[0]).line,
    lineStarts: lines.lineStarts,
  };
}

/** Whenever the plain reader reads a text, it reads exactly what `yaml` reads, and `yaml` finds nothing wrong. */
function agrees(text: string): boolean {
  const plain = readPlainYaml(text);
  if (!plain) return false;
  const full = byYaml(text);
  expect(full, `yaml finds a problem the plain reader missed in:\n${text}`).toBeDefined();
  expect(isDeepStrictEqual(plain.data, full!.data), `data differs for:\n${text}\nplain ${JSON.stringify(plain.data)}\nyaml  ${JSON.stringify(full!.data)}`).toBe(true);
  expect(plain.positions, text).toBe(full!.positions);
  expect(plain.line, text).toBe(full!.line);
  expect(plain.lineStarts, text).toEqual(full!.lineStarts);
  // The tree holds the same value, and a string with a position is its own characters there.
  expect(isDeepStrictEqual(valueOf(plain.tree), plain.data), text).toBe(true);
  for (const { value, at } of positioned(plain.tree)) expect(text.slice(at, at + value.length), text).toBe(value);
  return true;
}

function valueOf(tree: ValueTree): unknown {
  if ('scalar' in tree) return tree.scalar;
  if ('items' in tree) return tree.items.map(valueOf);
  return Object.fromEntries(tree.pairs.map(([key, value]) => [key, valueOf(value)]));
}

function positioned(tree: ValueTree, out: Array<{ value: string; at: number }> = []): Array<{ value: string; at: number }> {
  if ('scalar' in tree) {
    if (tree.at !== undefined && typeof tree.scalar === 'string') out.push({ value: tree.scalar, at: tree.at });
  } else if ('items' in tree) tree.items.forEach((item) => positioned(item, out));
  else tree.pairs.forEach(([, value]) => positioned(value, out));
  return out;
}


/** Mostly what agent files hold, sometimes what the reader must decline or read with care. */
const KEYS = ['model', 'name', 'provider', 'a.b', 'x-y', '_k', 'k9', 'params', 'on', 'yes', 'constructor'];
const ODD_KEYS = ['Null', 'true', '__proto__', '"q"', 'a b', '1'];
const SCALARS = [
  'gpt-4o', 'hello world', 'a#b', 'a # comment', 'x:y', 'https://example.com/a?b=c', '0.2', '800', '-1', '+3', '1e3', '.5', '0x1F', '0o17',
  '007', '~', 'null', 'Null', 'True', 'FALSE', 'yes', 'off', '.inf', '-.Inf', '.NaN', '2026-12-01', '"quoted"', '"a # b"', '"tab\there"',
  "'it''s'", "''", '""', '[a, "b", 1]', '{ team: x, tier: prod }', '{ a: { b: [c, d] } }', '[]', '{}', '[a, [b]]', '{a: 1}', 'a, b', 'x   ', 'été', '-x', 'a [b] {c}',
];
const ODD_SCALARS = ['x: y', 'end:', '1_000', '"a \\" b"', '[a:b]', '&anchor x', '*alias', '!tag x', '@x', '`x', '%x', '- x', '? x', ',x', 'x\t# tab', '|', '>', '[a, b', '{ a: b, a: c }', '-', '[a, ]'];

function document(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const scalar = () => pick(next() < 0.03 ? ODD_SCALARS : SCALARS);
  const lines: string[] = [];
  const comment = () => {
    if (next() < 0.15) lines.push(`${' '.repeat(Math.floor(next() * 6))}# a comment`);
    if (next() < 0.1) lines.push(pick(['', '  ', '    ']));
  };
  const map = (indent: number, depth: number, first?: string) => {
    const n = 1 + Math.floor(next() * 4);
    for (let i = 0; i < n; i++) {
      const lead = i === 0 && first !== undefined ? first : ' '.repeat(indent);
      const key = pick(next() < 0.03 ? ODD_KEYS : KEYS);
      const roll = next();
      comment();
      if (depth < 3 && roll < 0.2) {
        lines.push(`${lead}${key}:${pick(['', ' # why', '  '])}`);
        comment();
        map(indent + pick([1, 2, 4]), depth + 1);
      } else if (depth < 3 && roll < 0.35) {
        lines.push(`${lead}${key}:`);
        list(indent + pick([0, 2, 4]), depth + 1);
      } else if (roll < 0.45) {
        lines.push(`${lead}${key}: ${pick(['|', '|-', '|', '|-', '| # keep', next() < 0.2 ? pick(['|+', '|2', '>']) : '|'])}`);
        const body = indent + pick([1, 2, 4]);
        const m = 1 + Math.floor(next() * 4);
        for (let j = 0; j < m; j++) lines.push(pick([`${' '.repeat(body)}line ${j}: # not a comment`, `${' '.repeat(body)}line ${j}`, '', `${' '.repeat(body + 2)}indented`, ' '.repeat(body), `${' '.repeat(body)}\ttab`]));
      } else {
        lines.push(`${lead}${key}:${pick([' ', ' ', '  ', next() < 0.1 ? '' : ' '])}${scalar()}`);
      }
    }
  };
  const list = (indent: number, depth: number) => {
    const n = 1 + Math.floor(next() * 3);
    for (let i = 0; i < n; i++) {
      comment();
      const dash = `${' '.repeat(indent)}-${pick([' ', '   '])}`;
      if (depth < 3 && next() < 0.4) map(dash.length, depth + 1, dash);
      else lines.push(`${dash}${scalar()}`);
    }
  };
  if (next() < 0.2) lines.push('# yaml-language-server: $schema=x');
  map(0, 0);
  return lines.join('\n') + pick(['\n', '\n', '\n\n', '']);
}

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const roll = next();
  if (roll < 0.4) return text.slice(0, at) + text.slice(at + 1);
  if (roll < 0.8) return text.slice(0, at) + ' \n-:#"\'|[]{},\tx&*!'[Math.floor(next() * 19)] + text.slice(at);
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  lines.splice(line, 0, lines[line]!);
  return lines.join('\n');
}

describe('the plain YAML reader', () => {
  it('reads generated documents exactly as yaml does, or declines them', () => {
    const next = seeded(7);
    let read = 0;
    for (let i = 0; i < 3000; i++) if (agrees(document(next))) read++;
    // The generator writes many constructs the reader declines; it must still read a good share.
    console.log(`plain YAML reader: read ${read} of 3000 generated documents`);
    expect(read).toBeGreaterThan(1000);
  });

  it('never reads a damaged document differently from yaml', () => {
    const next = seeded(99);
    let read = 0;
    for (let i = 0; i < 10000; i++) if (agrees(mutate(document(next), next))) read++;
    console.log(`plain YAML reader: read ${read} of 10000 damaged documents`);
    expect(read).toBeGreaterThan(2000);
  });

  it('reads the agent, provider and eval files of this repository as yaml does', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const files = execFileSync('git', ['ls-files', '*.yaml', '*.yml'], { cwd: root, encoding: 'utf8' }).split('\n').filter((f) => f && !f.startsWith('test/fixtures/scan/'));
    let read = 0;
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      if (agrees(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) read++;
    }
    expect(read).toBeGreaterThan(files.length / 2);
  });

  it('reads characters YAML treats apart as yaml does, or declines them', () => {
    const texts = [
      'a: 1\n\u00a0\nb: 2\n', 'a: x\u00a0\n', 'a: \u00a0x\n', 'a: x\u2028y\n', 'a: x\u2029\n', 'a: x\ufeffy\n', 'a: x\u0000\n', 'a: x\u0007y\n',
      'a: \ud800\n', 'a: "x\u0085y"\n', 'a: x\u0085y\n', 'a: |\n  x\u00a0\n', 'a: [x\u00a0, y]\n', 'a:\u00a0x\n', 'k\u00e9: 1\n', 'a: x #\u00a0c\n',
    ];
    for (const text of texts) agrees(text);
  });

  it('declines keys over 1,024 characters and nesting no person writes, which yaml reports', () => {
    const long = `k${'x'.repeat(1024)}`;
    for (const text of [`${long}: 1\n`, `a:\n  ${long}: 1\n`, `- ${long}: 1\n`]) {
      expect(byYaml(text), 'yaml reports the long key').toBeUndefined();
      expect(readPlainYaml(text)).toBeUndefined();
    }
    const deep = `${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:\n`).join('')}${' '.repeat(100)}k: 1\n`;
    expect(readPlainYaml(deep)).toBeUndefined();
    const listed = `${Array.from({ length: 100 }, (_, i) => `${' '.repeat(2 * i)}- k:\n`).join('')}${' '.repeat(200)}- 1\n`;
    expect(readPlainYaml(listed)).toBeUndefined();
  });

  it('reads long runs of spaces in linear time', () => {
    // Half a megabyte of spaces between two words: a quadratic trim would take minutes.
    for (const text of [`a: x${' '.repeat(500_000)}y\n`, `a: [x${' '.repeat(500_000)}y]\n`, `a: x${' '.repeat(500_000)}\n`]) expect(agrees(text)).toBe(true);
  });

  it('declines what it does not read: flow over lines, anchors, tags, escapes, several documents, tabs, CRLF', () => {
    for (const text of [
      'a: [b,\n  c]\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: "x\\ty"\n', 'a: 1\n---\nb: 2\n', '---\na: 1\n', 'a:\n\tb: 1\n', 'a: 1\r\nb: 2\r\n',
      'a: one\n  two\n', 'a: 1\na: 2\n', 'a: >\n  folded\n', 'a: |\n  no final line break', '"quoted key": 1\n', '? complex\n: key\n', '',
    ]) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
