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
}

export interface Syntax {
  lineComment: readonly string[];
  blockComment?: readonly [string, string];
  quotes: string;
  /** Quotes that may span lines without a backslash (JS/Go backticks). */
  multiline?: string;
  /** `"""`/`'''` strings (Python; Java/Kotlin/C# text blocks). */
  triple?: boolean;
}

/**
 * Strings and comments of C-like and script languages, enough to tell a model id in a
 * literal from one in a comment. An interpolated literal (`f"gpt-{v}"`) never reads as a
 * whole id, so it is never a reference. It does not parse: regex literals and heredocs are rare
 * where model ids are, and a miss there costs one reference, never a wrong edit (an edit
 * replaces only the bytes of an id inside a literal it found).
 */
export function lex(text: string, syntax: Syntax): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  const next = starts(syntax);
  let i = 0;
  while (i < n) {
    // Jump to where a comment or string may open: most of a file is neither.
    next.lastIndex = i;
    const at = next.exec(text);
    if (!at) break;
    i = at.index;
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
    // Neither comment opened here, so the expression matched a quote.
    if (syntax.triple && text.startsWith(c.repeat(3), i)) {
      const close = text.indexOf(c.repeat(3), i + 3);
      const end = close === -1 ? n : close;
      spans.push({ type: 'string', open: i, start: i + 3, end, long: true });
      i = close === -1 ? n : close + 3;
      continue;
    }
    const multiline = syntax.multiline?.includes(c) ?? false;
    let j = i + 1;
    while (j < n && text[j] !== c && (multiline || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
    const end = Math.min(j, n);
    spans.push({ type: 'string', open: i, start: i + 1, end });
    i = end + 1;
  }
  return spans;
}

const STARTS = new WeakMap<Syntax, RegExp>();

/** One expression for every token opening of a syntax, compiled once per syntax. */
function starts(syntax: Syntax): RegExp {
  let re = STARTS.get(syntax);
  if (!re) {
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const markers = [...syntax.lineComment, ...(syntax.blockComment ? [syntax.blockComment[0]] : [])].map(escape);
    re = new RegExp([...markers, `[${escape(syntax.quotes)}]`].join('|'), 'g');
    STARTS.set(syntax, re);
  }
  return re;
}

export function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
