import { describe, expect, test } from 'vitest';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node } from 'yaml';
import { editYaml } from '../../src/edit/index.js';
import type { DocEdit, EditOp, YamlPath } from '../../src/edit/index.js';

/** mulberry32: small, seeded, good enough to pick shapes. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

const WORDS = ['triage', 'refund', 'prod', 'why not', 'TODO: check', 'owner @acme', 'keep', 'x'];
const NAMES = ['gpt-4.1', 'gpt-5.1', 'claude-sonnet-4.5', 'o3-mini'];
const NEW_STRINGS = ['gpt-5.1', '4.1', '123', 'true', 'on', 'yes', 'null', '~', '', 'a: b', 'x #y', "it's", '"q"', '-dash', '@at', 'gpt-5.1 # not a comment', ' padded ', 'tab\there'];
const INSTRUCTIONS = [
  'You are new.\nBe brief.\n',
  'One line',
  'Trailing spaces  \nstay  \n',
  'Keep\n\nblank lines\n\n',
  '  leading space\nline\n',
  'no final newline\nhere',
  'Folded text\n  more indented\nback\n',
  '',
];

function quoted(r: Rng, s: string): string {
  const style = r.int(3);
  if (style === 1) return `'${s}'`;
  if (style === 2) return `"${s}"`;
  return s;
}

/** An agent file in a random but realistic style; `params` may be block, flow, empty or absent. */
function agentYaml(r: Rng): string {
  const step = r.pick([2, 4]);
  const ind = (n: number) => ' '.repeat(n * step);
  const lines: string[] = [];
  const same = () => (r.chance(0.3) ? `${' '.repeat(1 + r.int(8))}# ${r.pick(WORDS)}` : '');
  const around = (depth: number) => {
    if (r.chance(0.2)) lines.push(`${ind(depth)}# ${r.pick(WORDS)}`);
    if (r.chance(0.1)) lines.push('');
  };
  if (r.chance(0.5)) lines.push('# yaml-language-server: $schema=https://example.com/agent.schema.json');
  lines.push(`apiVersion: modelshift.dev/v1${same()}`, 'kind: Agent');
  const anchored = r.chance(0.2);
  if (anchored) lines.push('x-defaults: &defaults', `${ind(1)}retries: 2`);
  around(0);
  lines.push(`metadata:${same()}`, `${ind(1)}name: ${quoted(r, `agent-${r.int(100)}`)}${same()}`);
  around(1);
  const labels = r.int(3);
  if (labels === 0) lines.push(`${ind(1)}labels: { team: support, tier: prod }${same()}`);
  if (labels === 1) lines.push(`${ind(1)}labels:${same()}`, `${ind(2)}team: support${same()}`, `${ind(2)}tier: prod`);
  around(0);
  lines.push(`spec:${same()}`, `${ind(1)}model:${same()}`);
  around(2);
  lines.push(`${ind(2)}provider: ${quoted(r, 'openai')}${same()}`, `${ind(2)}name: ${quoted(r, r.pick(NAMES))}${same()}`);
  const params = r.int(4);
  if (params === 0) lines.push(`${ind(2)}params: { temperature: 0.2, max_tokens: 800 }${same()}`);
  if (params === 1) {
    lines.push(`${ind(2)}params:${same()}`, `${ind(3)}temperature: 0.2${same()}`);
    around(3);
    lines.push(`${ind(3)}max_tokens: 800${same()}`);
  }
  if (params === 2) lines.push(`${ind(2)}params: {}${same()}`);
  const empty = r.chance(0.5);
  if (params === 3 && empty) lines.push(`${ind(2)}params:${same()}`);
  if (params === 3 && !empty) lines.push(`${ind(2)}params: {${same()}`, `${ind(3)}temperature: 0.2,${same()}`, `${ind(3)}max_tokens: 800${same()}`, `${ind(2)}}`);
  around(1);
  if (r.chance(0.7)) {
    const header = r.pick(['|', '|-', '|+', '>', '>-']);
    lines.push(`${ind(1)}instructions: ${header}${same()}`, `${ind(2)}You are the triage agent.  `, '', `${ind(2)}Be brief.`);
    if (header.endsWith('+')) lines.push('');
  } else {
    lines.push(`${ind(1)}instructions: ${quoted(r, 'Be brief.')}${same()}`);
  }
  around(1);
  if (anchored) lines.push(`${ind(1)}retryPolicy: *defaults`);
  if (r.chance(0.5)) {
    lines.push(`${ind(1)}tools:${same()}`, `${ind(2)}- name: lookup_order${same()}`, `${ind(2)}  description: Look up an order`);
    if (r.chance(0.5)) lines.push(`${ind(2)}- name: refund`);
  }
  return lines.join('\n') + '\n';
}

function randomOps(r: Rng): EditOp[] {
  const menu: (() => EditOp[])[] = [
    () => [{ op: 'set', path: ['spec', 'model', 'name'], value: r.pick([...NEW_STRINGS, ...NAMES]) }],
    () => [{ op: 'set', path: ['spec', 'model', 'provider'], value: r.pick(['anthropic', 'openai']) }],
    () => [{ op: 'set', path: ['spec', 'model', 'params', r.pick(['max_tokens', 'top_p', 'reasoning_effort'])], value: r.pick([800, 0.5, true, 'low', '1']) }],
    () => [{ op: 'delete', path: ['spec', 'model', 'params', r.pick(['temperature', 'max_tokens', 'missing'])] }],
    () => [
      { op: 'delete', path: ['spec', 'model', 'params', 'max_tokens'] },
      { op: 'set', path: ['spec', 'model', 'params', 'max_completion_tokens'], value: 800 },
    ],
    () => [{ op: 'set', path: ['spec', 'instructions'], value: r.pick(INSTRUCTIONS) }],
    () => [{ op: 'set', path: ['spec', 'rollout'], value: { migration: 'gpt-4.1-to-gpt-5.1', weight: 10, model: { provider: 'openai', name: 'gpt-5.1', params: { max_completion_tokens: 800 } } } }],
    () => [{ op: 'set', path: ['spec', 'rollout', 'weight'], value: r.pick([10, 50, 100]) }],
    () => [{ op: 'delete', path: ['metadata', 'labels', r.pick(['team', 'tier'])] }],
    () => [{ op: 'set', path: ['metadata', 'labels', 'owner'], value: r.pick(NEW_STRINGS) }],
    () => [{ op: 'set', path: ['metadata', 'description'], value: r.pick(NEW_STRINGS) }],
    () => [{ op: 'delete', path: ['spec', 'tools', ...(r.chance(0.5) ? [0] : [])] }],
    () => [{ op: 'set', path: ['spec', 'tools', 0, 'description'], value: r.pick(['Find an order', 'two\nlines']) }],
    () => [{ op: 'delete', path: ['spec', 'model', 'params'] }],
    () => [{ op: 'set', path: ['spec', 'model'], value: { provider: 'anthropic', name: 'claude-sonnet-4.5', params: { max_tokens: 1024 } } }],
  ];
  return Array.from({ length: 1 + r.int(4) }, () => r.pick(menu)()).flat();
}

/** The oracle: the same ops done on the parsed data, the way a program would. */
function applyToData(root: unknown, op: EditOp): void {
  let holder = root as Record<string | number, unknown>;
  for (const [i, key] of op.path.slice(0, -1).entries()) {
    const next = holder[key];
    if (typeof next !== 'object' || next === null) {
      if (op.op === 'delete') return;
      holder[key] = typeof op.path[i + 1] === 'number' ? [] : {};
    }
    holder = holder[key] as Record<string | number, unknown>;
  }
  const last = op.path.at(-1)!;
  if (op.op === 'set') holder[last] = structuredClone(op.value);
  else if (Array.isArray(holder)) holder.splice(Number(last), 1);
  else delete holder[last];
}

/**
 * Lines an op may rewrite: the lines of the key it changes (or of the deepest existing key
 * on its path), the line of the key holding that one (`key: {}`), and a flow collection it
 * touches, or the whole list an index points into. Everything else must come through byte for byte.
 */
function touchedLines(text: string, doc: Document.Parsed, path: YamlPath, into: Set<number>): void {
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  const mark = (from: number, to: number) => {
    const end = text[to - 1] === '\n' ? to - 1 : to;
    for (let l = lineOf(from); l <= lineOf(Math.max(from, end)); l++) into.add(l);
  };
  let node: Node | null = doc.contents;
  let owner: [number, number] = [doc.range[0], doc.range[0]];
  let parent = owner;
  for (const key of path) {
    if ((isMap(node) || isSeq(node)) && node.flow) mark(node.range![0], node.range![1]);
    // Earlier deletes shift indexes, so a path into a list may land on any of its items.
    if (isSeq(node)) mark(owner[0], node.range![1]);
    const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    const item = isSeq(node) && typeof key === 'number' ? (node.items[key] as Node | undefined) : undefined;
    if (!pair && !item) break;
    parent = owner;
    if (pair && isPair(pair)) {
      node = (pair.value as Node | null) ?? null;
      owner = [(pair.key as Node).range![0], node?.range?.[1] ?? (pair.key as Node).range![1]];
    } else if (item) {
      node = item;
      owner = [text.lastIndexOf('-', item.range![0]), item.range![1]];
    }
  }
  mark(owner[0], owner[1]);
  mark(parent[0], parent[0]);
}

function isSubsequence(needles: string[], haystack: string[]): boolean {
  let i = 0;
  for (const line of haystack) if (i < needles.length && line === needles[i]) i++;
  return i === needles.length;
}

describe('editYaml on generated agent files', () => {
  const r = rng(20261201);
  const cases = Array.from({ length: 300 }, (_, n) => {
    const docs = Array.from({ length: r.chance(0.2) ? 2 : 1 }, () => agentYaml(r));
    let text = docs.join('---\n');
    if (r.chance(0.3)) text = text.replaceAll('\n', '\r\n');
    if (r.chance(0.1)) text = '\uFEFF' + text;
    const edits: DocEdit[] = [{ doc: r.int(docs.length), ops: randomOps(r) }];
    return { n, text, edits };
  });

  test.each(cases)('case $n reads back as intended and keeps every untouched line', ({ text, edits }) => {
    const before = parseAllDocuments(text) as Document.Parsed[];
    const expected = before.map((d) => d.toJS() as unknown);
    const touched = new Set<number>();
    for (const edit of edits) {
      for (const op of edit.ops) {
        applyToData(expected[edit.doc], op);
        touchedLines(text, before[edit.doc]!, op.path, touched);
      }
    }
    const out = editYaml(text, edits);
    expect(parseAllDocuments(out).map((d) => d.toJS() as unknown)).toEqual(expected);
    const kept = text.split('\n').filter((_, i) => !touched.has(i));
    expect(isSubsequence(kept, out.split('\n'))).toBe(true);
    // As the planner does: each path is set once (a path set twice may change style in between).
    const sets = edits.map((e) => ({ doc: e.doc, ops: e.ops.filter((op, i) => op.op === 'set' && !e.ops.slice(i + 1).some((later) => later.path.join() === op.path.join())) }));
    const once = editYaml(text, sets);
    expect(editYaml(once, sets)).toBe(once);
  });
});
