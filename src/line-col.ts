/** 1-based line and column of `offset` in a text whose lines start at `lineStarts` (ascending, the first 0). */
export function lineCol(lineStarts: readonly number[], offset: number): [line: number, column: number] {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo + 1, offset - lineStarts[lo]! + 1];
}
