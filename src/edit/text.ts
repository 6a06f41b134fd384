/** Offset arithmetic on the raw text: every edit is a splice, so line boundaries are all we need to know. */

const BOM = '\uFEFF';

export function detectEol(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}

/** Start of the line holding `offset`; a leading BOM is not part of the first line. */
export function lineStart(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return start === 0 && text.startsWith(BOM) ? 1 : start;
}

/** Where the line holding `offset` ends, before its `\r\n` or `\n`. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > 0 && text[nl - 1] === '\r' && nl - 1 >= offset ? nl - 1 : nl;
}

/** Start of the line after the one holding `offset` (text length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function onlySpacesBefore(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: columnOf(text, offset) + 1 };
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping splices from the last to the first, so each one's offsets
 * still hold when it is applied; `history` receives them in that order. Splices at the
 * same offset land in the order they are listed.
 */
export function applySplices(text: string, splices: Splice[], history: OffsetHistory): string {
  let out = text;
  const order = splices.map((s, i) => ({ s, i })).sort((a, b) => b.s.start - a.s.start || b.i - a.i);
  for (const { s } of order) {
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
    history.record(s);
  }
  return out;
}

/** Maps an offset in the edited text back to the source, so errors point at the file the user has. */
export class OffsetHistory {
  private readonly splices: Splice[] = [];

  get size(): number {
    return this.splices.length;
  }

  record(splice: Splice): void {
    this.splices.push(splice);
  }

  /** `upTo`: only the first splices, for an offset taken before the later ones were made. */
  toSource(offset: number, upTo = this.splices.length): number {
    let o = offset;
    for (let i = upTo - 1; i >= 0; i--) {
      const s = this.splices[i]!;
      if (o < s.start) continue;
      o = o >= s.start + s.text.length ? o - s.text.length + (s.end - s.start) : s.start;
    }
    return o;
  }
}
