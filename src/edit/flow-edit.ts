import { isMap, isScalar } from 'yaml';
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import { contentEnd, flowItemOffset, isEmptyNode, pairEnd, pairOffset, unsupported, valueIndicatorEnd } from './locate.js';
import type { Slot } from './locate.js';
import { renderFlow } from './render.js';
import type { Plain } from './render.js';
import { formatKey, formatScalar, isScalarValue } from './scalar.js';
import { columnOf, lineEnd, lineStart, nextLineStart, onlySpacesBefore } from './text.js';
import type { Splice } from './text.js';

type ValueSlot = Extract<Slot, { kind: 'pair' | 'item' }>;

/** Inside `{ … }` / `[ … ]` every value is written in flow style; a scalar keeps its quoting. */
export function replaceFlowValue(slot: ValueSlot, value: Plain): Splice[] {
  const node = slot.node;
  if (node && 'tag' in node && node.tag) throw unsupported('a value with an explicit tag', node.range?.[0] ?? 0);
  const written = isScalar(node) && isScalarValue(value) ? formatScalar(value, true, 0, { type: node.type }).head : renderFlow(value);
  if (node && !isEmptyNode(node)) return [{ start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0, text: written }];
  const at = slot.kind === 'pair' ? valueIndicatorEnd(slot.pair) : undefined;
  if (at === undefined) throw unsupported('a flow entry without a value', node?.range?.[0] ?? 0);
  return [{ start: at, end: at, text: ` ${written}` }];
}

/** A new entry goes after the last one: on its own line when the entries are one per line, else `, entry`. */
export function addToFlow(text: string, eol: string, collection: YAMLMap | YAMLSeq, key: string | undefined, value: Plain): Splice[] {
  const entry = key === undefined ? renderFlow(value) : `${formatKey(key, true)}: ${renderFlow(value)}`;
  const count = collection.items.length;
  const [open, close] = collection.range ?? [0, 0];
  if (count === 0) return [{ start: open + 1, end: close - 1, text: isMap(collection) ? ` ${entry} ` : entry }];
  const start = entryStart(collection, count - 1);
  const end = entryEnd(collection, count - 1);
  const ownLine = onlySpacesBefore(text, start) && lineStart(text, end) !== lineStart(text, close - 1);
  if (!ownLine) return [{ start: end, end, text: `, ${entry}` }];
  const comma = /^[ \t]*,/.test(text.slice(end)) ? [] : [{ start: end, end, text: ',' }];
  const lineEndAt = lineEnd(text, end);
  return [...comma, { start: lineEndAt, end: lineEndAt, text: `${eol}${' '.repeat(columnOf(text, start))}${entry}` }];
}

function entryStart(collection: YAMLMap | YAMLSeq, index: number): number {
  return isMap(collection) ? pairOffset(collection.items[index]!) : flowItemOffset(collection, index);
}

function entryEnd(collection: YAMLMap | YAMLSeq, index: number): number {
  return isMap(collection) ? pairEnd(collection.items[index]!) : contentEnd(collection.items[index] as Node);
}

/**
 * Removes an entry and one comma next to it. An entry on its own line goes with its line
 * (a trailing comma left on the line before is valid flow syntax).
 */
export function deleteFromFlow(text: string, slot: ValueSlot): Splice[] {
  const collection = slot.parent;
  const index = slot.kind === 'pair' ? collection.items.indexOf(slot.pair) : slot.index;
  const [open, close] = collection.range ?? [0, 0];
  if (collection.items.length === 1) return [{ start: open + 1, end: close - 1, text: '' }];
  const start = entryStart(collection, index);
  const end = entryEnd(collection, index);
  const after = /^[ \t]*(,[ \t]*)?/.exec(text.slice(end))?.[0] ?? '';
  const rest = text.slice(end + after.length, nextLineStart(text, end));
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart(text, start), start)) && /^(#.*)?\r?\n?$/.test(rest);
  if (ownLine) return [{ start: lineStart(text, start), end: nextLineStart(text, end), text: '' }];
  const before = /,[ \t]*$/.exec(text.slice(lineStart(text, start), start));
  if (index > 0 && before) return [{ start: start - before[0].length, end, text: '' }];
  if (after.includes(',')) return [{ start, end: end + after.length, text: '' }];
  throw unsupported('a flow collection entry laid out across lines like this', start);
}
