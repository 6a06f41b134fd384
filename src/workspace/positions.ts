import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** 1-based `[line, column]`. */
export type LineCol = readonly [number, number];

/**
 * Where each key and value of one document starts, by dotted path
 * (`spec.tools.0.name`). Kept as one string of `\n<path>\t<keyLine> <keyCol>
 * <valueLine> <valueCol>` entries (0 0 when there is no key): it crosses
 * worker threads as a single copy instead of thousands of small objects, and
 * it is only searched for the few paths that have a finding.
 */
export interface DocPositions {
  readonly index: string;
}

export function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Records where every key and value starts; done once per document so rules need no AST. */
export function indexPositions(root: Node | null | undefined, lines: LineCounter): DocPositions {
  const parts: string[] = [];
  const at = (offset: number): string => {
    const { line, col } = lines.linePos(offset);
    return `${line} ${col}`;
  };
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        // A key holding a tab or newline cannot be stored in the index; findings under it point at the parent.
        if (/[\t\n]/.test(key)) continue;
        const child = path ? `${path}.${key}` : key;
        const keyStart = (pair.key as Node | null)?.range?.[0];
        // `key:` with nothing after it holds an empty scalar at the end of the line; the key is the place to point at.
        const range = (pair.value as Node | null)?.range;
        const valueStart = range && range[1] > range[0] ? range[0] : keyStart;
        if (valueStart === undefined) continue;
        parts.push(`\n${child}\t${keyStart === undefined ? '0 0' : at(keyStart)} ${at(valueStart)}`);
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = path ? `${path}.${i}` : String(i);
        const start = (item as Node | null)?.range?.[0];
        if (start !== undefined) parts.push(`\n${child}\t0 0 ${at(start)}`);
        walk(item, child);
      });
    }
  };
  walk(root, '');
  return { index: parts.join('') };
}

function lookup(positions: DocPositions, path: string): { key?: LineCol; value: LineCol } | undefined {
  const needle = `\n${path}\t`;
  const start = positions.index.indexOf(needle);
  if (start < 0) return undefined;
  const end = positions.index.indexOf('\n', start + needle.length);
  const [kl, kc, vl, vc] = positions.index
    .slice(start + needle.length, end < 0 ? undefined : end)
    .split(' ')
    .map(Number) as [number, number, number, number];
  return { key: kl ? [kl, kc] : undefined, value: [vl, vc] };
}

/**
 * Where a finding at `path` points: the key when the path names one (an unknown
 * key, a wrong value's key), else the value; for a missing key the nearest
 * ancestor that exists (§7: the parent key's line). Undefined at the top level,
 * where the caller decides (line 1, or the start of a later document).
 */
export function locate(positions: DocPositions, path: string, prefer: 'key' | 'value' = 'key'): LineCol | undefined {
  const parts = path === '' ? [] : path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const hit = lookup(positions, parts.slice(0, n).join('.'));
    if (hit) return prefer === 'key' ? (hit.key ?? hit.value) : hit.value;
  }
  return undefined;
}
