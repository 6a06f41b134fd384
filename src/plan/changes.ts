import { isDeepStrictEqual } from 'node:util';
import type { EditOp } from '../edit/index.js';
import type { FieldChange } from './types.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field-level differences between two versions of a document: leaves of mappings, whole values otherwise. */
export function diffFields(before: unknown, after: unknown, path: string[] = []): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    return keys.flatMap((key) => diffFields(before[key], after[key], [...path, key]));
  }
  if (isDeepStrictEqual(before, after)) return [];
  return [{ path: path.join('.'), before, after }];
}

/** The edits that turn `before` into `after`, in the order the changes were found. */
export function editOps(changes: readonly FieldChange[]): EditOp[] {
  return changes.map((change) => {
    const path = change.path.split('.');
    return change.after === undefined ? { op: 'delete', path } : { op: 'set', path, value: change.after };
  });
}
