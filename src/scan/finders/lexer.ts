/** A string literal or comment found by the lexer; offsets are into the file text. */
export interface Span {
  type: 'string' | 'comment';
  /** Content bounds: inside the quotes, after the comment marker. */
  start: number;
  end: number;
  /** Where the token starts (the opening quote or comment marker). */
  open: number;
  /** Triple-quoted / text-block strings: prose more often than values. */
  long?: boolean;
  /** The literal interpolates (`f"…{x}"`, `` `${x}` ``, `"#{x}"`): its text is not known before run time. */
  interpolated?: boolean;
}

export interface Syntax {
  lineComment: readonly string[];
  blockComment?: readonly [string, string];
  quotes: string;
  /** Quotes that may span lines without a backslash (JS/Go backticks). */
  multiline?: string;
  /** `"""`/`'''` strings (Python; Java/Kotlin/C# text blocks). */
  triple?: boolean;
  /** How the language interpolates in ordinary strings. */
  interpolation?: RegExp;
}

/**
 * Strings and comments of C-like and script languages, enough to tell a model id in a
 * literal from one in a comment. It does not parse: regex literals and heredocs are rare
 * where model ids are, and a miss there costs one reference, never a wrong edit (an edit
 * replaces only the bytes of an id inside a literal it found).
 */
export function lex(text: string, syntax: Syntax): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    const comment = syntax.lineComment.find((marker) => text.startsWith(marker, i));
    if (comment) {
      const end = lineEnd(text, i);
      spans.push({ type: 'comment', open: i, start: i + comment.length, end });
      i = end;
      continue;
    }
    if (syntax.blockComment && text.startsWith(syntax.blockComment[0], i)) {
      const close = text.indexOf(syntax.blockComment[1], i + syntax.blockComment[0].length);
      const end = close === -1 ? n : close;
      spans.push({ type: 'comment', open: i, start: i + syntax.blockComment[0].length, end });
      i = close === -1 ? n : close + syntax.blockComment[1].length;
      continue;
    }
    if (syntax.quotes.includes(c)) {
      if (syntax.triple && text.startsWith(c.repeat(3), i)) {
        const close = text.indexOf(c.repeat(3), i + 3);
        const end = close === -1 ? n : close;
        spans.push({ type: 'string', open: i, start: i + 3, end, long: true, interpolated: isInterpolated(text, i, i + 3, end, syntax) });
        i = close === -1 ? n : close + 3;
        continue;
      }
      const multiline = syntax.multiline?.includes(c) ?? false;
      let j = i + 1;
      while (j < n && text[j] !== c && (multiline || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      const end = Math.min(j, n);
      spans.push({ type: 'string', open: i, start: i + 1, end, interpolated: isInterpolated(text, i, i + 1, end, syntax) });
      i = end + 1;
      continue;
    }
    i++;
  }
  return spans;
}

function isInterpolated(text: string, open: number, start: number, end: number, syntax: Syntax): boolean {
  const content = text.slice(start, end);
  if (text[open] === '`') return content.includes('${');
  // Python f-strings and C# $-strings say so before the quote.
  if (/[fF$]$/.test(text.slice(Math.max(0, open - 2), open).replace(/[rRbB@]/g, ''))) return content.includes('{');
  return syntax.interpolation?.test(content) ?? false;
}

export function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
