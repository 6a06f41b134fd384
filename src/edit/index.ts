import { editBatched } from './batch.js';
import { EditError, EditFailure } from './errors.js';
import { indentStep, parseDocs, walk } from './locate.js';
import type { Doc, YamlPath } from './locate.js';
import { planOp, stepSplices } from './plan.js';
import type { EditOp } from './plan.js';
import { OffsetHistory, applySplices, detectEol, lineCol } from './text.js';
import { intended, verify } from './verify.js';

export { EditError } from './errors.js';
export type { EditErrorReason } from './errors.js';
export type { YamlPath } from './locate.js';
export type { EditOp } from './plan.js';

/** Ops for one document of a multi-document file; `doc` is its 0-based index. */
export interface DocEdit {
  doc: number;
  ops: EditOp[];
}

/**
 * Applies the edits and returns the new file text. Only the bytes of changed values move:
 * comments, blank lines, key order, quoting, flow/block style, line endings, a BOM and the
 * other documents stay as they are. Every op is verified by re-reading the result.
 * `parsed`: the source's documents when the caller has them (parsed with
 * `keepSourceTokens`) and, optionally, their data, so the source is not parsed
 * or converted twice.
 * Pure: string -> string. Throws EditError.
 */
export function editYaml(source: string, edits: DocEdit[], parsed?: readonly Doc[], data?: readonly unknown[]): string {
  const history = new OffsetHistory();
  let text = source;
  try {
    let docs = parsed ? checkedDocs(parsed) : parseDocs(source, 'syntax');
    const batched = editBatched(source, docs, edits, parsed && data?.length === docs.length ? data : undefined);
    if (batched !== undefined) return batched;
    // What every document must read back as; carried from op to op instead of rebuilt from the parse each time.
    const expected = docs.map((d) => d.toJS() as unknown);
    for (const edit of edits) {
      for (const op of edit.ops) ({ text, docs } = applyOp(text, docs, expected, edit.doc, op, history));
    }
    return text;
  } catch (error) {
    if (!(error instanceof EditFailure)) throw error;
    const { line, column } = lineCol(source, history.toSource(error.offset));
    throw new EditError(error.message, line, column, error.reason);
  }
}

/**
 * Documents the caller parsed already, with source tokens kept (the loader's
 * parse of a file it plans): the same checks as a parse here, without a second parse.
 */
function checkedDocs(parsed: readonly Doc[]): Doc[] {
  for (const doc of parsed) {
    const error = doc.errors[0];
    if (error) throw new EditFailure(`the YAML does not parse: ${error.message.split('\n')[0]}`, error.pos[0], 'syntax');
  }
  return [...parsed];
}

function applyOp(text: string, docs: Doc[], expected: unknown[], index: number, op: EditOp, history: OffsetHistory): { text: string; docs: Doc[] } {
  const doc = docs[index];
  if (!doc) throw new EditFailure(`the file has ${docs.length} document(s); there is no document ${index + 1} to edit`, 0, 'unsupported');
  const at = pathOffset(doc, text, op.path);
  const steps = planOp(doc, text, op);
  expected[index] = intended(expected[index], op);
  if (steps.length === 0) return { text, docs };
  const eol = detectEol(text);
  const before = history.size;
  let current = doc;
  let out = text;
  for (const [i, step] of steps.entries()) {
    if (i > 0) current = parseDocs(out, 'verify')[index]!;
    out = applySplices(out, stepSplices(current, { text: out, eol, step: indentStep(current, out) }, step), history);
  }
  return { text: out, docs: verify(out, expected, op.path, history.toSource(at, before)) };
}

/** Where to point at for an op: its key, or for a missing key the deepest parent key that exists. */
function pathOffset(doc: Doc, text: string, path: YamlPath): number {
  const slots = walk(doc, text, new Set(), path).slots;
  for (const slot of slots.toReversed()) {
    if (slot.kind === 'pair') return slot.pair.srcToken?.key?.offset ?? slot.node?.range?.[0] ?? doc.range[0];
    if (slot.kind === 'item') return slot.node?.range?.[0] ?? doc.range[0];
  }
  return doc.range[0];
}
