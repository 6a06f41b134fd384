import { isDeepStrictEqual } from 'node:util';
import type { EditOp } from '../edit/index.js';
import type { FieldChange } from './types.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field-level differences between two versions of a document: leaves of mappings, whole values otherwise. */
export function diffFields(before: unknown, after: unknown, path: string[] = []): FieldChange[] {
  // The new document shares what it does not change with the old one: nothing to walk there.
  if (before === after) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    return keys.flatMap((key) => diffFields(before[key], after[key], [...path, key]));
  }
  if (isDeepStrictEqual(before, after)) return [];
  return [{ path: path.join('.'), before, after }];
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('.'));
const keyOf = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/**
 * The edits that turn `before` into `after`. A key removed and another added
 * under the same parent with the same value is a rename, edited in place so
 * the key keeps its line and its comments.
 */
export function editOps(changes: readonly FieldChange[]): EditOp[] {
  const added = changes.filter((c) => c.before === undefined);
  const renamedTo = new Map<FieldChange, FieldChange>();
  for (const removed of changes.filter((c) => c.after === undefined)) {
    const target = added.find((a) => !renamedTo.has(a) && parentOf(a.path) === parentOf(removed.path) && isDeepStrictEqual(a.after, removed.before));
    if (target) {
      renamedTo.set(target, removed);
      renamedTo.set(removed, target);
    }
  }
  return changes.flatMap((change): EditOp[] => {
    const path = change.path.split('.');
    const partner = renamedTo.get(change);
    if (partner && change.after === undefined) return [{ op: 'rename', path, to: keyOf(partner.path) }];
    if (partner) return [];
    return change.after === undefined ? [{ op: 'delete', path }] : [{ op: 'set', path, value: change.after }];
  });
}
