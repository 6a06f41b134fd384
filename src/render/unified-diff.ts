import { formatPatch, structuredPatch, type StructuredPatchHunk } from 'diff';

/** Unchanged lines shown around each change, as git shows them. */
const CONTEXT = 3;

/**
 * The unified diff of one file, `--- a/<from>` / `+++ b/<to>`. A migration
 * changes a few lines of each of thousands of files, so only the window from
 * the first changed line to the last, with its context, goes to the line
 * differ, and the hunks are then moved to the lines they stand at. The line
 * differ may place a change differently from the characters (a repeated line
 * inserted); when that leaves a hunk short of context at the window's edge,
 * the whole texts are diffed instead.
 */
export function unifiedDiff(from: string, to: string, before: string, after: string): string {
  const same = commonPrefix(before, after);
  const start = windowStart(before, same);
  const [beforeEnd, afterEnd] = windowEnds(before, after, same);
  const windowed = structuredPatch(`a/${from}`, `b/${to}`, before.slice(start, beforeEnd), after.slice(start, afterEnd), '', '', { context: CONTEXT });
  const fits = fullContext(windowed.hunks[0], 'leading', start === 0) && fullContext(windowed.hunks.at(-1), 'trailing', beforeEnd === before.length);
  const patch = fits ? windowed : structuredPatch(`a/${from}`, `b/${to}`, before, after, '', '', { context: CONTEXT });
  if (fits && start > 0) {
    const skipped = countLines(before, start);
    for (const hunk of patch.hunks) {
      hunk.oldStart += skipped;
      hunk.newStart += skipped;
    }
  }
  return formatPatch(patch).replace(/^={10,}\n/, '');
}

/** Whether a hunk at the window's edge has all its context there: it does when the edge is the file's own. */
function fullContext(hunk: StructuredPatchHunk | undefined, side: 'leading' | 'trailing', fileEdge: boolean): boolean {
  if (!hunk || fileEdge) return true;
  const lines = side === 'leading' ? hunk.lines : hunk.lines.toReversed();
  let context = 0;
  for (const line of lines) {
    if (line[0] !== ' ') break;
    context++;
  }
  return context >= CONTEXT;
}

function commonPrefix(before: string, after: string): number {
  const limit = Math.min(before.length, after.length);
  let same = 0;
  while (same < limit && before.charCodeAt(same) === after.charCodeAt(same)) same++;
  return same;
}

/** Offset of the line `CONTEXT` lines above the first line that differs (0 near the top). */
function windowStart(before: string, same: number): number {
  let start = same === 0 ? 0 : before.lastIndexOf('\n', same - 1) + 1;
  for (let i = 0; i < CONTEXT && start > 0; i++) start = start === 1 ? 0 : before.lastIndexOf('\n', start - 2) + 1;
  return start;
}

/**
 * Ends of the window in each text: just past the first line break inside the
 * common tail (so the window ends on a whole line, the same on both sides), then `CONTEXT` lines on.
 */
function windowEnds(before: string, after: string, same: number): [number, number] {
  // The tail stops where the common start ends: an inserted copy of a line could otherwise be counted in both.
  const limit = Math.min(before.length, after.length) - same;
  let tail = 0;
  while (tail < limit && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  let end = before.length - tail;
  if (tail > 0) end = nextLine(before, end);
  for (let i = 0; i < CONTEXT && end < before.length; i++) end = nextLine(before, end);
  return [end, after.length - (before.length - end)];
}

function nextLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
