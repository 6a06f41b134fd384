import { isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { addToBlockMap, appendToBlockSeq, deleteFromBlock, replaceBlockValue } from './block-edit.js';
import type { EditText } from './block-edit.js';
import { EditFailure } from './errors.js';
import { addToFlow, deleteFromFlow, replaceFlowValue } from './flow-edit.js';
import { aliasTargets, formatPath, isFlow, sharedInside, unsupported, walk } from './locate.js';
import type { Doc, Walk, YamlPath } from './locate.js';
import { readsAs } from './reads-as.js';
import { isPlain, isPlainObject } from './render.js';
import { formatKey } from './scalar.js';
import type { Plain } from './render.js';
import type { Splice } from './text.js';

export type EditOp =
  | { op: 'set'; path: YamlPath; value: unknown }
  | { op: 'delete'; path: YamlPath }
  /** Renames the last key of `path` where it stands, keeping its value's bytes and its comments. */
  | { op: 'rename'; path: YamlPath; to: string };

/**
 * The smallest text changes that carry out one op: `set` of a mapping onto a mapping (or a
 * list onto a list) becomes one change per entry that differs, so untouched entries keep
 * their bytes and comments. Each step names its target by path, re-found after the previous
 * step has been written.
 */
export type Step = { kind: 'replace' | 'add'; path: YamlPath; value: Plain } | { kind: 'delete'; path: YamlPath } | { kind: 'rename'; path: YamlPath; to: string };

interface PlanContext {
  doc: Doc;
  text: string;
  targets: Set<Node>;
}

export function planOp(doc: Doc, text: string, op: EditOp): Step[] {
  const ctx: PlanContext = { doc, text, targets: aliasTargets(doc, text) };
  if (op.path.length === 0) throw unsupported('the whole document', doc.range[0]);
  if (op.op === 'delete') return planDelete(ctx, op.path);
  if (op.op === 'rename') return planRename(ctx, op.path, op.to);
  if (!isPlain(op.value)) throw unsupported(`${formatPath(op.path)} to a value that is not JSON-like data`, doc.range[0]);
  return planSet(ctx, op.path, op.value);
}

function planDelete(ctx: PlanContext, path: YamlPath): Step[] {
  const w = walk(ctx.doc, ctx.text, ctx.targets, path);
  if (!w.found) return [];
  refuseShared(w, path);
  refuseSharedInside(ctx, w, path);
  return [{ kind: 'delete', path }];
}

function planRename(ctx: PlanContext, path: YamlPath, to: string): Step[] {
  const w = walk(ctx.doc, ctx.text, ctx.targets, path);
  if (!w.found || path.at(-1) === to) return [];
  const slot = w.slots.at(-1)!;
  if (slot.kind !== 'pair') throw unsupported(`renaming ${formatPath(path)}: it is not a mapping key`, ctx.doc.range[0]);
  refuseShared(w, path.slice(0, -1));
  if (slot.parent.items.some((p) => isScalar(p.key) && String(p.key.value) === to)) {
    throw unsupported(`renaming ${formatPath(path)} to ${to}: that key exists already`, pairOffsetOf(slot.pair));
  }
  return [{ kind: 'rename', path, to }];
}

function pairOffsetOf(pair: { key: unknown }): number {
  return (pair.key as Node | null)?.range?.[0] ?? 0;
}

function planSet(ctx: PlanContext, path: YamlPath, value: Plain): Step[] {
  const w = walk(ctx.doc, ctx.text, ctx.targets, path);
  const slot = w.slots.at(-1)!;
  if (!w.found) {
    refuseShared(w, path);
    const depth = w.slots.length - 1;
    const holder = slot.node;
    const rest = nest(path.slice(depth + 1), value);
    if (isMap(holder)) return [{ kind: 'add', path: path.slice(0, depth + 1), value: rest }];
    if (isSeq(holder) && path[depth] === holder.items.length) return [{ kind: 'add', path: path.slice(0, depth + 1), value: rest }];
    if (holder === null || (isScalar(holder) && holder.value === null)) {
      return [{ kind: 'replace', path: path.slice(0, depth), value: nest(path.slice(depth), value) }];
    }
    const parent = formatPath(path.slice(0, depth));
    const why = isSeq(holder) ? `${parent} has ${holder.items.length} items, so a new one goes at index ${holder.items.length}` : `${parent} is not a mapping, so it cannot take a key`;
    throw unsupported(`${formatPath(path)} (${why})`, holder.range?.[0] ?? 0);
  }
  const node = slot.node;
  if (readsAs(node, value, ctx.doc)) return [];
  refuseShared(w, path);
  if (isMap(node) && isPlainObject(value)) {
    const keys = node.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : []));
    if (keys.length !== node.items.length) throw unsupported('a mapping with complex keys', node.range?.[0] ?? 0);
    const updates = keys.filter((k) => Object.hasOwn(value, k)).flatMap((k) => planSet(ctx, [...path, k], value[k]!));
    const adds = Object.keys(value).filter((k) => !keys.includes(k)).map((k): Step => ({ kind: 'add', path: [...path, k], value: value[k]! }));
    const deletes = keys.filter((k) => !Object.hasOwn(value, k)).flatMap((k) => planDelete(ctx, [...path, k]));
    return [...updates, ...adds, ...deletes];
  }
  if (isSeq(node) && Array.isArray(value)) {
    const length = node.items.length;
    const updates = value.slice(0, length).flatMap((v, i) => planSet(ctx, [...path, i], v));
    const appends = value.slice(length).map((v, i): Step => ({ kind: 'add', path: [...path, length + i], value: v }));
    const deletes: Step[] = [];
    for (let i = length - 1; i >= value.length; i--) deletes.push(...planDelete(ctx, [...path, i]));
    return [...updates, ...appends, ...deletes];
  }
  refuseSharedInside(ctx, w, path);
  return [{ kind: 'replace', path, value }];
}

/** The value a missing path is created with: `['a', 'b']` and 1 give `{ a: { b: 1 } }`. */
function nest(path: YamlPath, value: Plain): Plain {
  return path.reduceRight<Plain>((inner, key) => {
    if (typeof key === 'string') return { [key]: inner };
    if (key === 0) return [inner];
    throw unsupported(`a new list with an item at index ${key}`, 0);
  }, value);
}

function refuseShared(w: Walk, path: YamlPath): void {
  if (w.shared) throw aliasFailure(path, w.shared);
}

function refuseSharedInside(ctx: PlanContext, w: Walk, path: YamlPath): void {
  const node = w.slots.at(-1)?.node;
  const inside = node && sharedInside(node, ctx.text, ctx.targets);
  if (inside) throw aliasFailure(path, inside);
}

function aliasFailure(path: YamlPath, shared: { name: string; offset: number }): EditFailure {
  return new EditFailure(
    `${formatPath(path)} is shared through the anchor &${shared.name} with another place in this document (an alias *${shared.name}); ` +
      `editing it here would silently change that place too. Inline the value (replace *${shared.name} with a copy of the anchored value) and run again.`,
    shared.offset,
    'alias',
  );
}

/** The splices of one step, against the text as it is now. */
export function stepSplices(doc: Doc, t: EditText, step: Step): Splice[] {
  const isAdd = step.kind === 'add';
  const w = walk(doc, t.text, new Set(), isAdd ? step.path.slice(0, -1) : step.path);
  const slot = w.slots.at(-1)!;
  if (!w.found) throw unsupported(`${formatPath(step.path)} after an earlier change moved it`, doc.range[0]);
  if (step.kind === 'add') {
    const key = step.path.at(-1)!;
    const holder = slot.node;
    if (isMap(holder)) return isFlow(holder) ? addToFlow(t.text, t.eol, holder, String(key), step.value) : addToBlockMap(t, holder, String(key), step.value);
    if (isSeq(holder)) return isFlow(holder) ? addToFlow(t.text, t.eol, holder, undefined, step.value) : appendToBlockSeq(t, holder, step.value);
    throw unsupported(`${formatPath(step.path)}: its parent is not a collection`, doc.range[0]);
  }
  if (slot.kind === 'root') throw unsupported('the whole document', doc.range[0]);
  const inFlow = isFlow(slot.parent);
  if (step.kind === 'rename') {
    const key = slot.kind === 'pair' ? (slot.pair.key as Node | null)?.range : undefined;
    if (!key) throw unsupported(`renaming ${formatPath(step.path)}: it is not a mapping key`, doc.range[0]);
    return [{ start: key[0], end: key[1], text: formatKey(step.to, inFlow) }];
  }
  if (step.kind === 'replace') return inFlow ? replaceFlowValue(slot, step.value) : replaceBlockValue(t, slot, step.value);
  return inFlow ? deleteFromFlow(t.text, slot) : deleteFromBlock(t, slot, w.slots.at(-2)!);
}
