import { isDeepStrictEqual } from 'node:util';
import { EditFailure } from './errors.js';
import { indentStep, parseDocs, type Doc } from './locate.js';
import { planOp, stepSplices, type EditOp } from './plan.js';
import { readPlainYaml } from './plain-yaml.js';
import { OffsetHistory, applySplices, detectEol, type Splice } from './text.js';
import { docReadsAs } from './reads-as.js';
import { intended } from './verify.js';

/**
 * The fast path: every op planned against the one parse of the source, all
 * splices applied at once, one re-read to verify. It answers undefined
 * whenever it cannot be sure — splices that touch each other, a failed
 * verification — and the caller then edits op by op, re-reading after each.
 * Most migrations (a new model name, a renamed parameter, a dropped one)
 * take this path, which is what keeps `plan` on thousands of agents fast.
 */
export function editBatched(source: string, docs: Doc[], edits: readonly { doc: number; ops: readonly EditOp[] }[], data?: readonly unknown[]): string | undefined {
  // `intended` copies what it changes, so the caller's data can be the start.
  const expected = data ? [...data] : docs.map((d) => d.toJS() as unknown);
  const eol = detectEol(source);
  const splices: Grouped[] = [];
  try {
    for (const edit of edits) {
      const doc = docs[edit.doc];
      if (!doc) return undefined;
      const text = { text: source, eol, step: indentStep(doc, source) };
      for (const op of edit.ops) {
        for (const step of planOp(doc, source, op)) {
          const group = splices.length;
          splices.push(...stepSplices(doc, text, step).map((splice) => ({ ...splice, group })));
        }
        expected[edit.doc] = intended(expected[edit.doc], op);
      }
    }
  } catch (error) {
    if (error instanceof EditFailure) return undefined;
    throw error;
  }
  if (!disjoint(splices)) return undefined;
  const out = applySplices(source, splices, new OffsetHistory());
  // Most results are plain YAML, which the plain reader reads exactly as the parser does (or declines), at a fraction of the cost.
  const plain = expected.length === 1 ? readPlainYaml(out) : undefined;
  if (plain) return isDeepStrictEqual(plain.data, expected[0]) ? out : undefined;
  let reread: Doc[];
  try {
    reread = parseDocs(out, 'verify', false);
  } catch {
    return undefined;
  }
  if (reread.length !== expected.length || reread.some((doc, i) => !docReadsAs(doc, expected[i]))) return undefined;
  return out;
}

/** A splice and the step it belongs to: the splices of one step are made to be applied together. */
type Grouped = Splice & { group: number };

/**
 * No two splices overlap. Where two of different steps meet at one offset,
 * both must replace text (their order is then fixed) or both insert (they
 * land in the order listed); an insertion at the edge of another step's
 * replacement could belong to either side.
 */
function disjoint(splices: readonly Grouped[]): boolean {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (next.start < prev.end) return false;
    const inserts = (s: Splice) => s.start === s.end;
    if (next.start === prev.end && prev.group !== next.group && inserts(prev) !== inserts(next)) return false;
  }
  return true;
}
