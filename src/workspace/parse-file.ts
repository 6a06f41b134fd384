import { LineCounter, parseAllDocuments } from 'yaml';
import type { FilePlan, planParsedFile, ThreadPlanning } from '../plan/file-plan.js';
import type { Doc } from '../edit/locate.js';
import type { Agent, Kind, Resource } from '../schema/index.js';
import { readPlainYaml } from '../edit/plain-yaml.js';
import { indexPositions, type DocPositions } from './positions.js';
import { literalSecrets } from './rules/secrets.js';
import { checkSchema } from './schema-findings.js';
import type { Finding } from './types.js';
import { firstAlias, syntaxFindings } from './yaml-syntax.js';

export const MAX_FILE_BYTES = 1024 * 1024;
/** Caps alias expansion so a "billion laughs" file cannot exhaust memory. */
export const MAX_ALIAS_COUNT = 100;
/** The folders that hold only modelshift documents (DESIGN §7). */
export const OWNED_DIRS = ['agents', 'providers', 'migrations', 'evals'] as const;

/** One document after its own checks: plain data only, so it can cross from a worker thread. */
export interface CheckedDoc {
  index: number;
  /** Line where the document's content starts. */
  line: number;
  positions: DocPositions;
  /** The kind it declares, when its apiVersion and kind are known, valid or not. */
  kind?: Kind;
  /** Set when the document passed its schema. */
  resource?: Resource;
  /** `metadata.name` as written, also when the document failed its schema, so references to it can say so. */
  name?: string;
}

/** A document with the data it was built from, before it leaves the thread that parsed it. */
export interface ParsedDoc extends CheckedDoc {
  data: unknown;
}

export interface CheckedFile {
  file: string;
  /** The decoded text, byte order mark included, for edits and diffs. */
  text: string;
  docs: CheckedDoc[];
  /** Everything wrong inside this file on its own: syntax, schema, literal secrets. */
  findings: Finding[];
  /** Contains at least one modelshift document (or must, being in an owned folder). */
  ours: boolean;
  /** Its agents planned under the rule being planned, in the thread that parsed it (see ThreadPlanning). */
  plan?: FilePlan;
}

export interface ParsedFile extends CheckedFile {
  docs: ParsedDoc[];
}

/**
 * What a thread needs to plan the files it parses: the rule's data and the
 * planner itself, which a thread loads only when it plans (validate's threads
 * never load the editor and the diff).
 */
export interface Planner {
  planning: ThreadPlanning;
  planFile: typeof planParsedFile;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Parses and checks one file's bytes: syntax, schema per document and literal
 * secrets. Pure, so it runs in worker threads. Problems become findings;
 * nothing throws for bad input. `size` is the file's real size when only its
 * first bytes were read.
 */
export function parseFile(file: string, bytes: Uint8Array, size = bytes.byteLength, planner?: Planner): ParsedFile {
  // modelshift.yaml marks the workspace root: it cannot be anything but ours.
  const owned = file === 'modelshift.yaml' || OWNED_DIRS.some((dir) => file.startsWith(`${dir}/`));
  const fail = (rule: string, message: string, line = 1, column = 1): ParsedFile => ({
    file,
    text: '',
    docs: [],
    ours: owned || looksOurs(bytes),
    findings: [{ file, line, column, path: '', rule, message, severity: 'error' }],
  });

  if (size > MAX_FILE_BYTES) {
    return fail('file-size', `file is ${size} bytes, over the 1 MiB limit; split it into smaller files`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const [line, column] = firstInvalidUtf8(bytes);
    return fail('encoding', 'file is not valid UTF-8 here; save it with UTF-8 encoding', line, column);
  }
  return parseText(file, text, planner);
}

/** The bytes, decoded: strictly (invalid UTF-8 is a finding) and at most 1 MiB of them; undefined when not. */
export function decodeChecked(bytes: Uint8Array): string | undefined {
  if (bytes.byteLength > MAX_FILE_BYTES) return undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** `parseFile` for a text already decoded with `decodeChecked` (planning reads its candidates once, to pick them). */
export function parseText(file: string, text: string, planner?: Planner): ParsedFile {
  const owned = file === 'modelshift.yaml' || OWNED_DIRS.some((dir) => file.startsWith(`${dir}/`));
  // The BOM is not content; positions are counted on the text after it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most files are plain YAML, read without composing a document; a file being planned is edited from its document.
  const plain = planner ? undefined : readPlainYaml(body);
  const { built, findings, lineStarts, list } = plain
    ? { built: [{ index: 0, line: plain.line, data: plain.data, positions: () => ({ index: plain.positions }) }], findings: [] as Finding[], lineStarts: plain.lineStarts, list: undefined }
    : parseYaml(file, body, planner);

  const ours = owned || built.some((d) => isOurs(d.data)) || (findings.length > 0 && text.includes('modelshift.dev/'));
  // Foreign YAML (workflows, manifests) is ignored silently: not indexed, not checked.
  if (!ours) return { file, text, docs: [], findings: [], ours };

  const docs: ParsedDoc[] = [];
  for (const { index, line, data, positions } of built) {
    // An empty document between `---` separators is not a document anyone wrote.
    if (data === null && built.length > 1) continue;
    const parsed: ParsedDoc = { index, line, data, positions: positions() };
    if (data !== undefined) {
      const checked = checkSchema(file, parsed);
      parsed.kind = checked.kind;
      parsed.resource = checked.resource;
      const name = (data as { metadata?: { name?: unknown } } | null)?.metadata?.name;
      if (typeof name === 'string') parsed.name = name;
      findings.push(...checked.findings, ...literalSecrets(file, parsed, { text: body, lineStarts }));
    }
    docs.push(parsed);
  }
  if (docs.length === 0 && findings.length === 0) {
    findings.push({
      file, line: 1, column: 1, path: '', rule: 'schema', severity: 'error',
      message: 'the file holds no modelshift document; every file here must hold one (apiVersion: modelshift.dev/v1), so add one or move the file out of this folder',
    });
  }
  let plan: FilePlan | undefined;
  if (planner && !findings.some((f) => f.severity === 'error')) {
    // parseAllDocuments types its documents loosely; these came from a parse, so they are parsed documents.
    const reusable = text === body && list ? { docs: list as unknown as Doc[], data: built.map((b) => b.data) } : undefined;
    plan = planAgents(file, text, reusable, docs, planner);
  }
  return { file, text, docs, findings, ours, ...(plan ? { plan } : {}) };
}

/** The full parser's reading of a text: each document's data and positions, and its syntax problems as findings. */
function parseYaml(file: string, body: string, planner: Planner | undefined) {
  const lines = new LineCounter();
  // A file being planned is edited from this very parse, which the editor needs with its source tokens.
  const list = parseAllDocuments(body, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, keepSourceTokens: planner !== undefined });
  const findings: Finding[] = [];
  const built = list.map((doc, index) => {
    findings.push(...syntaxFindings(file, doc, body, lines));
    const line = lines.linePos(doc.contents?.range?.[0] ?? doc.range[0]).line;
    let data: unknown;
    if (doc.errors.length === 0) {
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        const at = lines.linePos(firstAlias(doc) ?? doc.range[0]);
        findings.push({
          file, line: at.line, column: at.col, path: '', rule: 'yaml-alias',
          message: `YAML aliases: ${(error as Error).message.split('\n')[0]}; this document expands its aliases past the guard against "billion laughs" files (maxAliasCount ${MAX_ALIAS_COUNT}), write the values out instead`,
          severity: 'error',
        });
      }
    }
    return { index, line, data, positions: () => indexPositions(doc.contents, lines) };
  });
  return { built, findings, lineStarts: lines.lineStarts, list: Array.isArray(list) ? list : undefined };
}

/** `parsed`: this parse, for the editor, unless positions differ from the text's (a byte order mark). */
function planAgents(file: string, text: string, parsed: { docs: Doc[]; data: unknown[] } | undefined, docs: readonly ParsedDoc[], planner: Planner): FilePlan | undefined {
  const agents = docs.flatMap((d) => (d.resource?.kind === 'Agent' ? [{ doc: d.index, agent: d.resource as Agent }] : []));
  if (agents.length === 0) return undefined;
  return planner.planFile(file, text, parsed, agents, planner.planning);
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

/** Line and column (in characters, like every other position) of the first byte that is not UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): [number, number] {
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
      UTF8.decode(bytes.subarray(i, i + width));
    } catch {
      return [line, UTF8.decode(bytes.subarray(lineStart, i)).replace(/^\ufeff/, '').length + 1];
    }
    i += width - 1;
  }
  return [line, 1];
}
