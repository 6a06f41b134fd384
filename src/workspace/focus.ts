import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { decodeChecked } from './parse-file.js';

const TOP_LEVEL_KIND = /^kind:[ \t]*["']?([A-Za-z]+)/gm;

/**
 * The files `plan` needs for one migration: every file that is not purely
 * agents, and the agent files that mention the literal part of the rule's
 * `from` model. Parsing is most of a plan's cost; an agent file that never
 * names the source model cannot be on it. Answers every file when the rule
 * cannot be found this way (a name the loader will then report unknown).
 *
 * A model name written with YAML escapes (`"gpt\x2d4.1"`) is not recognised
 * here; such an agent is left out of the plan.
 *
 * `candidates` are the agent-only files that name the model: they are parsed
 * last, planned in the thread that parses them. `support` is everything else
 * (every file, when the rule cannot be found this way). `candidateTexts` are
 * the candidates' texts as read here, so they are not read again.
 */
export function filesToPlan(root: string, files: readonly string[], migration: string, cwd: string): { support: string[]; candidates: string[]; candidateTexts: (string | undefined)[] } {
  const read = files.map((file) => readText(path.join(root, file)));
  const texts = read.map((r) => r?.text);
  // Each file's top-level kinds, found once for both passes.
  const found = texts.map((text) => (text === undefined ? [] : kinds(text)));
  const wanted = path.resolve(cwd, migration);
  let mentions: ((text: string) => boolean) | undefined;
  files.forEach((file, i) => {
    const text = texts[i];
    if (mentions !== undefined || text === undefined || !found[i]!.includes('Migration')) return;
    const byPath = path.join(root, file) === wanted;
    for (const doc of parseAllDocuments(text)) {
      const data = doc.errors.length ? undefined : (doc.toJS({ maxAliasCount: 100 }) as Rule | null);
      if (data?.kind !== 'Migration' || (!byPath && data.metadata?.name !== migration)) continue;
      if (typeof data.spec?.from?.model === 'string') mentions = mentionTest(data.spec.from.model);
    }
  });
  if (!mentions) return { support: [...files], candidates: [], candidateTexts: [] };
  const support: string[] = [];
  const candidates: string[] = [];
  const candidateTexts: (string | undefined)[] = [];
  files.forEach((file, i) => {
    const text = texts[i];
    const declared = found[i]!;
    if (text === undefined || declared.length === 0 || declared.some((kind) => kind !== 'Agent')) support.push(file);
    else if (mentions!(text)) {
      candidates.push(file);
      // Handed to the parser so the file is not read twice; a file the strict decoder refuses is read again and reported.
      candidateTexts.push(read[i]!.checked);
    }
  });
  return { support, candidates, candidateTexts };
}

/** Most files fit; one buffer serves them all, so reading 10,000 files allocates 10,000 strings and nothing else. */
const buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * A file's text, decoded leniently for picking, and `checked`: decoded
 * strictly (undefined when it is not UTF-8 or over the size limit). A lenient
 * decoding without U+FFFD is the strict one.
 */
function readText(file: string): { text: string; checked: string | undefined } | undefined {
  try {
    const fd = openSync(file, 'r');
    let size: number;
    try {
      size = readSync(fd, buffer, 0, buffer.length, 0);
    } finally {
      closeSync(fd);
    }
    if (size < buffer.length) {
      const text = buffer.toString('utf8', 0, size);
      return { text, checked: text.includes('\uFFFD') ? decodeChecked(buffer.subarray(0, size)) : text };
    }
    const bytes = readFileSync(file);
    return { text: bytes.toString('utf8'), checked: decodeChecked(bytes) };
  } catch {
    return undefined; // the loader reports it
  }
}

interface Rule {
  kind?: unknown;
  metadata?: { name?: unknown };
  spec?: { from?: { model?: unknown } };
}

function kinds(text: string): string[] {
  return [...text.matchAll(TOP_LEVEL_KIND)].map((m) => m[1]!);
}

/**
 * Whether a file's text can name the model: an exact name as a whole word
 * (`gpt-4.1` is not found in `gpt-4.1-mini`), a glob by its longest literal run.
 */
function mentionTest(model: string): ((text: string) => boolean) | undefined {
  const literal = longestLiteral(model);
  if (!literal) return undefined;
  if (literal !== model) return (text) => text.includes(literal);
  const word = new RegExp(`${literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\w.-])`);
  return (text) => word.test(text);
}

/** The longest run of a glob without special characters: `gpt-4o*` → `gpt-4o`. */
export function longestLiteral(glob: string): string {
  return glob.split(/[*?[\]{}()!+@,]/).reduce((a, b) => (b.length > a.length ? b : a), '');
}
