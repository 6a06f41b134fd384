// The patch module through the package's public `lib/*` path: its index loads every differ it has
// (19 modules against these 4), and every plan and eval loads this file before its first step.
import type { StructuredPatchHunk } from 'diff';
import { formatPatch, structuredPatch } from 'diff/lib/patch/create.js';

/** Unchanged lines shown around each change, as git shows them. */
const CONTEXT = 3;
/**
 * Above this many line pairs in the changed middle, the general differ runs
 * instead of the table below, which grows with their product.
 */
const MAX_TABLE = 4096;

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * The unified diff of one file, `--- a/<from>` / `+++ b/<to>`, with 3 lines
 * of context. A migration changes a few lines of each of thousands of files:
 * the lines both sides start and end with are set aside and only the changed
 * middle is compared, by a longest-common-subsequence table, so a plan does
 * not pay a general differ's set-up for every file. Any minimal diff is a
 * right answer; where several are (a repeated line inserted), this one may
 * place the change elsewhere than `diff`'s would.
 */
export function unifiedDiff(from: string, to: string, before: string, after: string): string {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n * m > MAX_TABLE) return formatPatch(structuredPatch(`a/${from}`, `b/${to}`, before, after, '', '', { context: CONTEXT })).replace(/^={10,}\n/, '');
  const first = Math.max(0, head - CONTEXT);
  const ops: Op[] = [];
  for (let i = first; i < head; i++) ops.push({ kind: ' ', line: a[i]! });
  ops.push(...middle(a.slice(head, head + n), b.slice(head, head + m)));
  for (let i = a.length - tail; i < Math.min(a.length, a.length - tail + CONTEXT); i++) ops.push({ kind: ' ', line: a[i]! });
  const patch = { oldFileName: `a/${from}`, newFileName: `b/${to}`, oldHeader: '', newHeader: '', hunks: hunks(ops, first) };
  return formatPatch(patch).replace(/^={10,}\n/, '');
}

/** Lines with their line breaks; the last one may have none. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    out.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** The edit script of the changed middle: a longest common subsequence kept, removals before additions. */
function middle(a: readonly string[], b: readonly string[]): Op[] {
  const width = b.length + 1;
  // common[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? common[(i + 1) * width + j + 1]! + 1 : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (j === b.length || (i < a.length && common[(i + 1) * width + j]! >= common[i * width + j + 1]!)) {
      ops.push({ kind: '-', line: a[i++]! });
    } else {
      ops.push({ kind: '+', line: b[j++]! });
    }
  }
  return ops;
}

/**
 * Hunks of the script, which starts at line `first` of both texts: each
 * change with up to 3 lines of context, changes at most 6 lines apart in one hunk.
 */
function hunks(ops: readonly Op[], first: number): StructuredPatchHunk[] {
  const out: StructuredPatchHunk[] = [];
  let oldLine = first;
  let newLine = first;
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      oldLine++;
      newLine++;
      continue;
    }
    // A change: back up over its leading context, then run until a gap too long to bridge.
    const lead = Math.min(CONTEXT, countBack(ops, i));
    const hunk: StructuredPatchHunk = { oldStart: oldLine - lead + 1, oldLines: 0, newStart: newLine - lead + 1, newLines: 0, lines: [] };
    let end = i;
    for (let k = i; k < ops.length; k++) {
      if (ops[k]!.kind !== ' ') end = k;
      else if (k - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + 1 + CONTEXT);
    for (let k = i - lead; k < stop; k++) {
      const { kind, line } = ops[k]!;
      if (kind !== '+') hunk.oldLines++;
      if (kind !== '-') hunk.newLines++;
      hunk.lines.push(kind + (line.endsWith('\n') ? line.slice(0, -1) : line));
      if (!line.endsWith('\n')) hunk.lines.push('\\ No newline at end of file');
    }
    // The lead was counted on the way here; the rest of the hunk moves both line numbers on.
    oldLine += hunk.oldLines - lead;
    newLine += hunk.newLines - lead;
    out.push(hunk);
    i = stop;
  }
  return out;
}

/** How many unchanged lines come right before `i`. */
function countBack(ops: readonly Op[], i: number): number {
  let n = 0;
  while (i - n - 1 >= 0 && ops[i - n - 1]!.kind === ' ') n++;
  return n;
}
