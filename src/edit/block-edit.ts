import { isMap, isScalar } from 'yaml';
import type { CST, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { contentEnd, dashOffset, isEmptyNode, pairEnd, pairOffset, seqItemEnd, unsupported, valueIndicatorEnd } from './locate.js';
import type { Slot } from './locate.js';
import { compact, renderBlock, renderItem, renderPair } from './render.js';
import type { Plain } from './render.js';
import { formatScalar, isScalarValue } from './scalar.js';
import type { Rendered, StyleHint } from './scalar.js';
import { columnOf, lineEnd, lineStart, nextLineStart, onlySpacesBefore } from './text.js';
import type { Splice } from './text.js';

export interface EditText {
  text: string;
  eol: string;
  step: number;
}

type ValueSlot = Extract<Slot, { kind: 'pair' | 'item' }>;

/** End of the line holding the last character before `end`, so a value ending in a line break ends on its own line. */
export function endOfLastLine(text: string, end: number): number {
  if (text[end - 1] !== '\n') return lineEnd(text, end);
  return text[end - 2] === '\r' ? end - 2 : end - 1;
}

function joinLines(lines: string[], eol: string): string {
  return lines.map((l) => eol + l).join('');
}

/** Where a new value goes: after `key:` or `-` (and any anchor or tag), and the column its own lines take. */
function indicator(t: EditText, slot: ValueSlot): { end: number; childIndent: number } {
  if (slot.kind === 'item') {
    const dash = dashOffset(slot.parent, slot.index);
    return { end: dash + 1, childIndent: columnOf(t.text, dash) + 2 };
  }
  const end = valueIndicatorEnd(slot.pair);
  if (end === undefined) throw unsupported('a mapping key without a value indicator', pairOffset(slot.pair));
  return { end, childIndent: columnOf(t.text, pairOffset(slot.pair)) + t.step };
}

/**
 * Replaces the value in a block slot. A scalar keeps its style; anything else is written
 * fresh. Text around the value — the key, its comment, the lines after it — stays.
 */
export function replaceBlockValue(t: EditText, slot: ValueSlot, value: Plain): Splice[] {
  const { text, eol } = t;
  const node = slot.node;
  const at = indicator(t, slot);
  if (node && 'tag' in node && node.tag) throw unsupported('a value with an explicit tag', node.range?.[0] ?? at.end);
  const inPlace = node && isBlockScalar(node) ? textEditInBlockScalar(text, node as Scalar, value) : undefined;
  if (inPlace) return [inPlace];
  const empty = isEmptyNode(node);
  const valStart = empty || !node ? at.end : (node.range?.[0] ?? at.end);
  const multiLine = !empty && node && (isBlockScalar(node) || (!isScalar(node) && !isFlowNode(node)));
  const valEnd = empty || !node ? at.end : multiLine ? endOfLastLine(text, contentEnd(node)) : contentEnd(node);
  let r: Rendered;
  let headSuffix = '';
  if (isScalar(node) && !empty && isScalarValue(value)) {
    const next = nextLineStart(text, valEnd);
    const hint = { ...styleHint(text, node), keepAllowed: next < text.length && text.slice(next, lineEnd(text, next)).trim() !== '' };
    r = formatScalar(value, false, at.childIndent, hint);
    headSuffix = hint.headerComment ?? '';
  } else {
    r = renderBlock(value, at.childIndent, t.step);
  }
  if (slot.kind === 'item') r = compact(r, at.childIndent);
  const tail = joinLines(r.lines, eol);
  if (lineStart(text, valStart) !== lineStart(text, at.end)) {
    // A block collection under the key: keep the key's line (and its comment), rewrite the lines below.
    return [
      { start: at.end, end: at.end, text: r.head ? ` ${r.head}` : '' },
      { start: lineEnd(text, at.end), end: valEnd, text: tail },
    ];
  }
  const head = r.head ? `${empty ? ' ' : ''}${r.head}${headSuffix}` : '';
  const splices: Splice[] = [{ start: r.head || empty ? valStart : at.end, end: valEnd, text: head }];
  if (tail) splices.push({ start: lineEnd(text, valEnd), end: lineEnd(text, valEnd), text: tail });
  return splices;
}

/**
 * A change inside one line of a block scalar's text (a phrase replaced in
 * instructions) is made where the phrase stands, so a folded scalar keeps its
 * line breaks and a literal one its layout. Undefined when the change spans
 * lines or the old phrase is not found exactly once; the caller then rewrites
 * the whole scalar. The re-read verification checks the result either way.
 */
function textEditInBlockScalar(text: string, node: Scalar, value: Plain): Splice | undefined {
  const old = node.value;
  if (typeof old !== 'string' || typeof value !== 'string' || !node.range) return undefined;
  let prefix = 0;
  while (prefix < old.length && prefix < value.length && old[prefix] === value[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < value.length - prefix && old[old.length - 1 - suffix] === value[value.length - 1 - suffix]) suffix++;
  const was = old.slice(prefix, old.length - suffix);
  const now = value.slice(prefix, value.length - suffix);
  // A whole new text is rendered anew: only a phrase changed in place keeps the layout.
  if (was === '' || (prefix === 0 && suffix === 0) || /[\r\n]/.test(was + now)) return undefined;
  const source = text.slice(node.range[0], node.range[1]);
  const at = source.indexOf(was);
  if (at < 0 || source.indexOf(was, at + 1) >= 0) return undefined;
  return { start: node.range[0] + at, end: node.range[0] + at + was.length, text: now };
}

function isBlockScalar(node: Node): boolean {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

function isFlowNode(node: Node): boolean {
  return node.srcToken?.type === 'flow-collection';
}

function styleHint(text: string, node: Scalar): StyleHint & { headerComment?: string } {
  const token = node.srcToken;
  if (token?.type !== 'block-scalar') return { type: node.type };
  const props = token.props.filter((p): p is CST.SourceToken => 'source' in p && 'offset' in p);
  const header = props.find((p) => p.type === 'block-scalar-header')?.source ?? '|';
  const chomp = header.includes('-') ? '-' : header.includes('+') ? '+' : '';
  const comment = props.find((p) => p.type === 'comment');
  const headerEnd = (node.range?.[0] ?? 0) + header.length;
  const headerComment = comment ? text.slice(headerEnd, comment.offset + comment.source.length) : undefined;
  const firstText = token.source.split('\n').find((l) => l.trim() !== '');
  const blockIndent = firstText === undefined ? undefined : firstText.length - firstText.trimStart().length;
  return { type: node.type, chomp, blockIndent, headerComment };
}

export function addToBlockMap(t: EditText, map: YAMLMap, key: string, value: Plain): Splice[] {
  const first = map.items[0];
  const last = map.items.at(-1);
  if (!first || !last) throw unsupported('an empty block mapping', map.range?.[0] ?? 0);
  const at = endOfLastLine(t.text, pairEnd(last));
  const lines = renderPair(key, value, columnOf(t.text, pairOffset(first)), t.step);
  return [{ start: at, end: at, text: joinLines(lines, t.eol) }];
}

export function appendToBlockSeq(t: EditText, seq: YAMLSeq, value: Plain): Splice[] {
  const last = seq.items.length - 1;
  if (last < 0) throw unsupported('an empty block sequence', seq.range?.[0] ?? 0);
  const at = endOfLastLine(t.text, seqItemEnd(seq, last));
  const lines = renderItem(value, columnOf(t.text, dashOffset(seq, 0)), t.step);
  return [{ start: at, end: at, text: joinLines(lines, t.eol) }];
}

/**
 * Removes an entry's lines — the key, its value's lines and its same-line comment —
 * and nothing else. An emptied collection is written `{}` / `[]` after its own key.
 */
export function deleteFromBlock(t: EditText, slot: ValueSlot, owner: Slot): Splice[] {
  const { text } = t;
  const collection = slot.parent;
  const start = slot.kind === 'pair' ? pairOffset(slot.pair) : dashOffset(slot.parent, slot.index);
  const end = endOfLastLine(text, slot.kind === 'pair' ? pairEnd(slot.pair) : seqItemEnd(slot.parent, slot.index));
  const only = collection.items.length === 1;
  const emptied = isMap(collection) ? '{}' : '[]';
  if (!onlySpacesBefore(text, start)) {
    // The first entry of a collection that starts on its parent's `- ` line.
    if (only) return [{ start, end, text: emptied }];
    const next = slot.kind === 'pair' ? slot.parent.items[1] : undefined;
    const nextStart = next ? pairOffset(next) : dashOffset(collection as YAMLSeq, 1);
    return [{ start, end: nextStart, text: '' }];
  }
  if (only && owner.kind === 'root') return [{ start, end, text: emptied }];
  let from = lineStart(text, start);
  const to = nextLineStart(text, end);
  // Without a final line break, the line break before the entry goes with it.
  if (to === text.length && !text.endsWith('\n') && from > 0) from = endOfLastLine(text, from);
  const splices: Splice[] = [{ start: from, end: to, text: '' }];
  if (only && owner.kind !== 'root') {
    const at = indicator(t, owner).end;
    splices.push({ start: at, end: at, text: ` ${emptied}` });
  }
  return splices;
}
