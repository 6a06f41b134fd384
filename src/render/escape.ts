/**
 * Escaping for text that came from a user or a model and goes into GitHub
 * markdown (PR comments, job summaries). The goal is that such text renders
 * as the same characters and can neither break the surrounding layout, inject
 * HTML, nor notify anyone.
 */

const ZWJ = '\u200d';

/** `@here`, `@org/team`: a zero-width joiner after `@` keeps the look and drops the ping. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`);
}

/**
 * Control characters (terminal escapes, NUL) render as garbage or worse; tabs
 * and newlines stay. Bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) go too: they make a name read differently from what it is
 * ("Trojan Source"), in a terminal and on GitHub alike.
 */
export function stripControlChars(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Bidi overrides and isolates only: for output that keeps its other characters (JSON, diffs). */
export function stripBidi(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * For a name or path shown as code (`spec.model.params.x`): a fence longer
 * than any backtick run inside, so the text cannot close it and what follows
 * cannot become HTML or a mention; in a table cell `|` is escaped, which GFM
 * honours inside code spans, so it cannot split the row.
 */
export function codeSpan(text: string, inTable = false): string {
  const clean = stripControlChars(text.replace(/\r\n?|\n/g, ' '));
  const body = inTable ? clean.replace(/\|/g, '\\|') : clean;
  const fence = '`'.repeat(Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** For HTML contexts (`<summary>`, `<pre>`): entities for the five special characters. */
export function escapeHtml(text: string): string {
  return neutralizeMentions(
    stripControlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
  );
}

/**
 * For inline markdown (table cells, list items, bold text): one line, HTML
 * characters as entities, markdown punctuation backslash-escaped, mentions
 * neutralised.
 */
export function escapeMarkdown(text: string): string {
  const oneLine = stripControlChars(text.replace(/\r\n?|\n/g, ' '));
  const html = oneLine.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return neutralizeMentions(html.replace(/[\\`*_[\]|~#]/g, (c) => `\\${c}`));
}

/**
 * A block of model output shown as it is, line breaks kept: `<pre>` stops
 * markdown processing until `</pre>`, and the escaped text cannot close it.
 */
export function preformatted(text: string): string {
  return `<pre>${escapeHtml(text)}</pre>`;
}
