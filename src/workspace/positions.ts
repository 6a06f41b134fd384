import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';

/** 1-based `[line, column]`. */
export type LineCol = readonly [number, number];

/** Where each key and value of one document starts, by dotted path (`spec.tools.0.name`). */
export interface DocPositions {
  keys: Record<string, LineCol>;
  values: Record<string, LineCol>;
}

export function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Records positions of every node; done once per document so rules need no AST. */
export function indexPositions(root: Node | null | undefined, lines: LineCounter, offset = 0): DocPositions {
  const positions: DocPositions = { keys: Object.create(null), values: Object.create(null) };
  const at = (pos: number): LineCol => {
    const { line, col } = lines.linePos(pos + offset);
    return [line, col];
  };
  const walk = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    const range = (node as Node).range;
    if (range) positions.values[path] = at(range[0]);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const child = path ? `${path}.${key}` : key;
        const keyRange = (pair.key as Node | null)?.range;
        if (keyRange) positions.keys[child] = at(keyRange[0]);
        walk(pair.value, child);
        if (!pair.value && keyRange) positions.values[child] = at(keyRange[0]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i)));
    }
  };
  walk(root, '');
  return positions;
}

/**
 * Where a finding at `path` points: the key when the path names one (an unknown
 * key, a wrong value's key), else the value; for a missing key the nearest
 * ancestor that exists (§7: the parent key's line), else the document start.
 */
export function locate(positions: DocPositions, path: string, prefer: 'key' | 'value' = 'key'): LineCol | undefined {
  const parts = path === '' ? [] : path.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const p = parts.slice(0, n).join('.');
    const hit = prefer === 'key' ? (positions.keys[p] ?? positions.values[p]) : (positions.values[p] ?? positions.keys[p]);
    if (hit) return hit;
  }
  return undefined;
}
