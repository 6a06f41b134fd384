import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Doc } from './locate.js';

/**
 * Whether a parsed node reads as `value`, as `isDeepStrictEqual(node.toJS(),
 * value)` would say. Every edit is verified this way, thousands per plan, so
 * plain data (string keys, untagged scalars, no aliases) is compared node by
 * node without building it; anything else is converted and compared.
 */
export function readsAs(node: unknown, value: unknown, doc: Doc): boolean {
  const quick = compare(node, value);
  if (quick !== undefined) return quick;
  const data = node === null || node === undefined ? null : ((node as { toJS(doc: Doc): unknown }).toJS(doc) ?? null);
  return isDeepStrictEqual(data, value);
}

/** A document's whole content. */
export function docReadsAs(doc: Doc, value: unknown): boolean {
  const quick = compare(doc.contents, value);
  return quick ?? isDeepStrictEqual(doc.toJS(), value);
}

/** True or false when the node is plain data; undefined when only `toJS` can tell. */
function compare(node: unknown, value: unknown): boolean | undefined {
  if (node === null || node === undefined) return value === null;
  if (isScalar(node)) {
    if (node.tag) return undefined;
    const scalar = node.value;
    if (scalar !== null && typeof scalar === 'object') return undefined;
    if (typeof scalar === 'bigint') return undefined;
    return Object.is(scalar, value);
  }
  if (isMap(node)) {
    if (node.tag) return undefined;
    if (!isPlainRecord(value)) return false;
    let count = 0;
    for (const pair of node.items) {
      const key = pair.key;
      // `<<` may merge and `__proto__` sets a prototype when converted: left to toJS.
      if (!isScalar(key) || key.tag || typeof key.value !== 'string' || key.value === '<<' || key.value === '__proto__') return undefined;
      if (!Object.hasOwn(value, key.value)) return false;
      const inner = compare(pair.value, value[key.value]);
      if (inner !== true) return inner;
      count++;
    }
    return count === Object.keys(value).length;
  }
  if (isSeq(node)) {
    if (node.tag) return undefined;
    if (!Array.isArray(value) || value.length !== node.items.length) return false;
    for (let i = 0; i < value.length; i++) {
      const item = node.items[i];
      // A `key: value` inside a flow sequence becomes a one-entry mapping when converted.
      if (isPair(item)) return undefined;
      const inner = compare(item, value[i]);
      if (inner !== true) return inner;
    }
    return true;
  }
  // An alias, or a node of a custom tag.
  return undefined;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
