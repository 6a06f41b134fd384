import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { indexPositions, type DocPositions } from './positions.js';
import type { Finding } from './types.js';

export const MAX_FILE_BYTES = 1024 * 1024;
/** Caps alias expansion so a "billion laughs" file cannot exhaust memory. */
export const MAX_ALIAS_COUNT = 100;
/** The folders that hold only modelshift documents (DESIGN §7). */
export const OWNED_DIRS = ['agents', 'providers', 'migrations', 'evals'] as const;

export interface ParsedDoc {
  index: number;
  /** The document as plain data; undefined when it could not be built. */
  data: unknown;
  positions: DocPositions;
  /** Line where the document's content starts. */
  line: number;
  /** `apiVersion` starts with `modelshift.dev/`. */
  ours: boolean;
}

export interface ParsedFile {
  file: string;
  text: string;
  docs: ParsedDoc[];
  findings: Finding[];
  /** Contains at least one modelshift document (or must, being in an owned folder). */
  ours: boolean;
}

/**
 * Parses one file's bytes into documents with positions. Pure, so it can run
 * in a worker. Problems become findings; nothing throws for bad input.
 */
export function parseFile(file: string, bytes: Uint8Array): ParsedFile {
  const owned = OWNED_DIRS.some((dir) => file.startsWith(`${dir}/`));
  const fail = (rule: string, message: string, line = 1, column = 1): ParsedFile => ({
    file,
    text: '',
    docs: [],
    ours: owned || looksOurs(bytes),
    findings: [{ file, line, column, path: '', rule, message, severity: 'error' }],
  });

  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fail('file-size', `file is ${bytes.byteLength} bytes, over the 1 MiB limit; split it into smaller files`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const [line, column] = firstInvalidUtf8(bytes);
    return fail('encoding', 'file is not valid UTF-8; save it as UTF-8', line, column);
  }

  const lines = new LineCounter();
  // The BOM is not content; positions are counted on the text after it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const docs = parseAllDocuments(bom ? text.slice(1) : text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const findings: Finding[] = [];
  const parsed: ParsedDoc[] = [];

  list.forEach((doc, index) => {
    for (const error of doc.errors) {
      const { line, col } = lines.linePos(syntaxErrorStart(error.code, error.pos[0], text.slice(bom)));
      findings.push({ file, line, column: col, path: '', rule: 'yaml-syntax', message: syntaxMessage(error.code, error.message), severity: 'error' });
    }
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const line = lines.linePos(start).line;
    let data: unknown;
    if (doc.errors.length === 0) {
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        findings.push({
          file, line, column: 1, path: '', rule: 'yaml-alias',
          message: `${(error as Error).message.split('\n')[0]}; aliases are limited to ${MAX_ALIAS_COUNT} expansions per document, write the values out instead`,
          severity: 'error',
        });
      }
    }
    const ours = isOurs(data);
    if (data === null && list.length > 1) return;
    parsed.push({ index, data, positions: indexPositions(doc.contents, lines), line, ours });
  });

  const ours = owned || parsed.some((d) => d.ours) || (findings.length > 0 && looksOurs(bytes));
  return { file, text, docs: parsed, findings, ours };
}

function isOurs(data: unknown): boolean {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  const version = (data as { apiVersion?: unknown }).apiVersion;
  return typeof version === 'string' && version.startsWith('modelshift.dev/');
}

/** For a file that did not parse: is it meant to be ours? Decides whether its errors are reported. */
function looksOurs(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAX_FILE_BYTES)).includes('modelshift.dev/');
}

/**
 * An unterminated quote is reported where the parser gave up; the user needs
 * the line where the quote opens (§7), which is the last quote before that point.
 */
function syntaxErrorStart(code: string, pos: number, text: string): number {
  if (code !== 'MISSING_CHAR') return pos;
  const before = text.slice(0, pos + 1);
  const quote = Math.max(before.lastIndexOf('"'), before.lastIndexOf("'"));
  return quote >= 0 ? quote : pos;
}

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'YAML indents with spaces only; replace the tab with spaces',
  DUPLICATE_KEY: 'each key may appear once in a mapping; remove or rename the repeated key',
  MISSING_CHAR: 'close the quote or bracket that opens here',
  BAD_INDENT: 'check the indentation and that every [ or { is closed',
  BLOCK_AS_IMPLICIT_KEY: 'a value containing ": " must be quoted',
};

function syntaxMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  const hint = SYNTAX_HINTS[code] ?? 'fix the YAML syntax';
  return `YAML syntax: ${first}; ${hint}`;
}

function firstInvalidUtf8(bytes: Uint8Array): [number, number] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
      continue;
    }
    const width = bytes[i]! < 0x80 ? 1 : bytes[i]! >= 0xf0 ? 4 : bytes[i]! >= 0xe0 ? 3 : 2;
    try {
      decoder.decode(bytes.subarray(i, i + width));
    } catch {
      return [line, i - lineStart + 1];
    }
    i += width - 1;
  }
  return [line, 1];
}
