import { Composer, Parser, isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { CST, Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { EditFailure } from './errors.js';
import type { EditErrorReason } from './errors.js';
import { columnOf } from './text.js';

export type Doc = Document.Parsed;
export type YamlPath = readonly (string | number)[];

/** Where a value sits: the slot survives re-reading the node it holds (null when the value is empty). */
export type Slot =
  | { kind: 'root'; node: Node | null }
  | { kind: 'pair'; parent: YAMLMap; pair: Pair; node: Node | null }
  | { kind: 'item'; parent: YAMLSeq; index: number; node: Node | null };

export interface Walk {
  /** From the document root down to the deepest slot that exists on the path. */
  slots: Slot[];
  found: boolean;
  /** The first alias or referenced anchor met on the path: changing anything below it changes another place too. */
  shared?: { name: string; offset: number };
}

/**
 * `reason` tells a file that never parsed ('syntax') from one an edit broke ('verify').
 * `keepSourceTokens: false` for a parse that is only read back, never edited (a little faster).
 */
export function parseDocs(text: string, reason: EditErrorReason, keepSourceTokens = true): Doc[] {
  const docs = [...new Composer({ keepSourceTokens }).compose(new Parser().parse(text))];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) throw new EditFailure(`the YAML does not parse: ${error.message.split('\n')[0]}`, error.pos[0], reason);
  }
  return docs;
}

const targetsOf = new WeakMap<Doc, Set<Node>>();

/**
 * Nodes that an alias points at: editing them, or anything inside them, edits the alias too. Found once per parse;
 * a text without `*` has no alias, and most files are walked for nothing.
 */
export function aliasTargets(doc: Doc, text: string): Set<Node> {
  const known = targetsOf.get(doc);
  if (known) return known;
  const targets = new Set<Node>();
  if (text.includes('*')) visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (target) targets.add(target);
    },
  });
  targetsOf.set(doc, targets);
  return targets;
}

export function walk(doc: Doc, text: string, targets: Set<Node>, path: YamlPath): Walk {
  let slot: Slot = { kind: 'root', node: doc.contents };
  const slots: Slot[] = [slot];
  let shared: Walk['shared'];
  for (const segment of path) {
    shared ??= sharing(slot.node, text, targets);
    const next = child(doc, slot.node, segment);
    if (!next) return { slots, found: false, shared };
    slots.push(next);
    slot = next;
  }
  return { slots, found: true, shared: shared ?? sharing(slot.node, text, targets) };
}

function child(doc: Doc, holder: Node | null, segment: string | number): Slot | undefined {
  // Reading through an alias is harmless; the walk records it and refuses only a real change.
  const node = isAlias(holder) ? (holder.resolve(doc) ?? null) : holder;
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    return pair && { kind: 'pair', parent: node, pair, node: (pair.value as Node | null) ?? null };
  }
  if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
    return { kind: 'item', parent: node, index: segment, node: (node.items[segment] as Node | null) ?? null };
  }
  return undefined;
}

function sharing(node: Node | null, text: string, targets: Set<Node>): Walk['shared'] {
  if (isAlias(node)) return { name: node.source, offset: node.range?.[0] ?? 0 };
  if (node?.anchor && targets.has(node)) return { name: node.anchor, offset: anchorOffset(text, node) };
  return undefined;
}

/** An anchored node inside `node` that an alias points at, if any. */
export function sharedInside(node: Node, text: string, targets: Set<Node>): Walk['shared'] {
  let found: Walk['shared'];
  visit(node, (_, n) => {
    if (isScalar(n) || isCollection(n)) found = sharing(n, text, targets);
    return found ? visit.BREAK : undefined;
  });
  return found;
}

function anchorOffset(text: string, node: Node): number {
  const start = node.range?.[0] ?? 0;
  const at = text.lastIndexOf(`&${node.anchor}`, start);
  return at === -1 ? start : at;
}

export function isEmptyNode(node: Node | null): boolean {
  return !node || (isScalar(node) && !!node.range && node.range[0] === node.range[1]);
}

export function isFlow(node: Node | null): boolean {
  return isCollection(node) && node.srcToken?.type === 'flow-collection';
}

/** Offset of the item itself: its key, `-`, `?` or the anchor/tag before it, past comments and commas. */
export function itemOffset(item: CST.CollectionItem): number | undefined {
  const lead = item.start.find((t) => !['space', 'newline', 'comment', 'comma'].includes(t.type));
  return lead?.offset ?? item.key?.offset ?? item.sep?.[0]?.offset ?? item.value?.offset;
}

export function pairOffset(pair: Pair): number {
  const at = pair.srcToken && itemOffset(pair.srcToken);
  if (at === undefined) throw unsupported('a mapping entry the parser did not keep the source of', 0);
  return at;
}

/** Offset of the `-` of a block sequence's item. */
export function dashOffset(seq: YAMLSeq, index: number): number {
  const token = seq.srcToken;
  const items = token?.type === 'block-seq' ? token.items.filter((it) => it.start.some((t) => t.type === 'seq-item-ind')) : [];
  const dash = items[index]?.start.find((t) => t.type === 'seq-item-ind');
  if (!dash) throw unsupported('a sequence item the parser did not keep the source of', seq.range?.[0] ?? 0);
  return dash.offset;
}

/** Offset of a flow sequence's item, before any anchor or tag on it. */
export function flowItemOffset(seq: YAMLSeq, index: number): number {
  const node = seq.items[index] as Node;
  const token = seq.srcToken;
  const item = token?.type === 'flow-collection' ? token.items.find((it) => it.value === node.srcToken) : undefined;
  return (item && itemOffset(item)) ?? node.range?.[0] ?? 0;
}

/** Just past the `:` of a pair and any anchor or tag that follows it: where a new value can be written. */
export function valueIndicatorEnd(pair: Pair): number | undefined {
  const sep = pair.srcToken?.sep ?? [];
  const colon = sep.findIndex((t) => t.type === 'map-value-ind');
  if (colon === -1) return undefined;
  let end = sep[colon]!.offset + 1;
  for (const t of sep.slice(colon + 1)) if (t.type === 'anchor' || t.type === 'tag') end = t.offset + t.source.length;
  return end;
}

/** Exclusive end of the last thing that belongs to the node (not the comments after it). */
export function contentEnd(node: Node): number {
  if (isMap(node) || isSeq(node)) {
    const last = node.items.at(-1);
    if (isFlow(node) || last === undefined) return node.range?.[1] ?? 0;
    return isPair(last) ? pairEnd(last) : contentEnd(last as Node);
  }
  return node.range?.[1] ?? 0;
}

export function pairEnd(pair: Pair): number {
  const value = (pair.value as Node | null) ?? null;
  if (value && !isEmptyNode(value)) return contentEnd(value);
  return valueIndicatorEnd(pair) ?? contentEnd(pair.key as Node);
}

export function seqItemEnd(seq: YAMLSeq, index: number): number {
  const node = (seq.items[index] as Node | null) ?? null;
  return node && !isEmptyNode(node) ? contentEnd(node) : dashOffset(seq, index) + 1;
}

/** The document's indentation step, read from the first nested block mapping; 2 when there is none. */
export function indentStep(doc: Doc, text: string): number {
  let step = 2;
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (!isMap(value) || isFlow(value) || !isPair(value.items[0])) return undefined;
      const inner = columnOf(text, pairOffset(value.items[0])) - columnOf(text, pairOffset(pair));
      if (inner <= 0) return undefined;
      step = inner;
      return visit.BREAK;
    },
  });
  return step;
}

export function unsupported(what: string, offset: number): EditFailure {
  return new EditFailure(`modelshift cannot rewrite ${what}; edit this value by hand`, offset, 'unsupported');
}

export function formatPath(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(document)';
}
