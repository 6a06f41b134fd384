import { formatKey, formatScalar, isScalarValue } from './scalar.js';
import type { Rendered } from './scalar.js';

/** A JSON-like value: what `set` can write. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function isPlain(value: unknown): value is Plain {
  if (isScalarValue(value)) return true;
  if (Array.isArray(value)) return value.every(isPlain);
  return isPlainObject(value) && Object.values(value).every(isPlain);
}

/** A value whose lines sit at `indent` (the mapping entries or `-` items of a new block collection). */
export function renderBlock(value: Plain, indent: number, step: number): Rendered {
  if (isScalarValue(value)) return formatScalar(value, false, indent);
  if (Array.isArray(value)) {
    return value.length === 0 ? { head: '[]', lines: [] } : { head: '', lines: value.flatMap((v) => renderItem(v, indent, step)) };
  }
  const entries = Object.entries(value);
  return entries.length === 0 ? { head: '{}', lines: [] } : { head: '', lines: entries.flatMap(([k, v]) => renderPair(k, v, indent, step)) };
}

export function renderPair(key: string, value: Plain, indent: number, step: number): string[] {
  const r = renderBlock(value, indent + step, step);
  return [`${' '.repeat(indent)}${formatKey(key, false)}:${r.head ? ` ${r.head}` : ''}`, ...r.lines];
}

export function renderItem(value: Plain, indent: number, step: number): string[] {
  const r = compact(renderBlock(value, indent + 2, step), indent + 2);
  return [`${' '.repeat(indent)}-${r.head ? ` ${r.head}` : ''}`, ...r.lines];
}

/** A block collection inside a sequence item starts on the `-` line. */
export function compact(r: Rendered, indent: number): Rendered {
  const [first, ...rest] = r.lines;
  return r.head !== '' || first === undefined ? r : { head: first.slice(indent), lines: rest };
}

export function renderFlow(value: Plain): string {
  if (isScalarValue(value)) return formatScalar(value, true, 0).head;
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${formatKey(k, true)}: ${renderFlow(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}
