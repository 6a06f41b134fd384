import { Scalar, visit, type Document, type LineCounter, type Node, type YAMLError } from 'yaml';
import type { Finding } from './types.js';

const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'YAML indents with spaces only; replace the tab with spaces',
  DUPLICATE_KEY: 'each key may appear once in a mapping; remove or rename the repeated key',
  MISSING_CHAR: 'add the character the message names',
  BAD_INDENT: 'check the indentation and that every [ or { is closed',
  BLOCK_AS_IMPLICIT_KEY: 'a value containing ": " must be quoted',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; quote the value if it holds ": "',
  UNEXPECTED_TOKEN: 'remove the stray character or quote the value that contains it',
  BAD_ALIAS: 'define the anchor (&name) before using the alias (*name)',
};

/**
 * YAML syntax errors, each placed where the problem starts (§7). After the
 * first error the parser's view of the rest is unreliable (one tab yields five
 * errors), so only the first is reported, plus every duplicate key: those are
 * found after parsing and are each real.
 */
export function syntaxFindings(file: string, doc: Document.Parsed, text: string, lines: LineCounter): Finding[] {
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]).filter((error, i) => i === 0 || error.code === 'DUPLICATE_KEY');
  return errors.map((error) => {
    const opener = unclosedAt(doc, error, text);
    const { line, col } = lines.linePos(opener?.start ?? error.pos[0]);
    const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    const hint = opener ? `close the ${opener.open} that opens here with ${opener.close}` : (HINTS[error.code] ?? 'fix the YAML syntax here');
    return { file, line, column: col, path: '', rule: 'yaml-syntax', message: `YAML syntax: ${what}; ${hint}`, severity: 'error' };
  });
}

interface Opener {
  start: number;
  open: string;
  close: string;
}

/**
 * The parser reports an unterminated quote or flow collection where it gave up
 * (often the end of the file); the user needs where it opens. That is the
 * innermost quoted scalar or flow collection ending at the error that lacks
 * its closing character.
 */
function unclosedAt(doc: Document.Parsed, error: YAMLError, text: string): Opener | undefined {
  if (error.code !== 'MISSING_CHAR' && error.code !== 'BAD_INDENT') return undefined;
  const pos = error.pos[0];
  let found: Opener | undefined;
  const consider = (node: Node, open: string, close: string) => {
    const [start, end] = node.range ?? [];
    if (start === undefined || end === undefined || start >= pos || end < pos) return;
    const closed = end - start >= 2 && text[end - 1] === close;
    if (!closed && (!found || start > found.start)) found = { start, open, close };
  };
  visit(doc, {
    Scalar: (_, node) => {
      if (node.type === Scalar.QUOTE_DOUBLE) consider(node, '"', '"');
      else if (node.type === Scalar.QUOTE_SINGLE) consider(node, "'", "'");
    },
    Map: (_, node) => {
      if (node.flow) consider(node, '{', '}');
    },
    Seq: (_, node) => {
      if (node.flow) consider(node, '[', ']');
    },
  });
  return found;
}

/** Where the first alias of a document is: an alias bomb is reported there rather than at the top. */
export function firstAlias(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias: (_, node) => {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

