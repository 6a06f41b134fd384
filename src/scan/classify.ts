import { daysUntil, RETIRING_SOON_DAYS } from '../catalog/index.js';
import { lineCol } from '../line-col.js';
import type { IdMatcher } from './ids.js';
import type { Found, Place, Reference, Verdict } from './types.js';

export const VERDICTS: readonly Verdict[] = ['retired', 'retiring', 'unknown', 'current'];

/** The catalog's verdict on an id, as validate gives it for agents (DESIGN §7: retiring = within 90 days). */
export function verdictOf(model: string, ids: IdMatcher, today: string): Pick<Reference, 'verdict' | 'catalogId' | 'retires' | 'retiresInDays' | 'successor'> {
  const entry = ids.lookup(model);
  if (!entry) return { verdict: 'unknown' };
  const base = { catalogId: entry.id, ...(entry.successor ? { successor: entry.successor } : {}) };
  if (!entry.retires) return { verdict: 'current', ...base };
  const days = daysUntil(entry.retires, today);
  const verdict: Verdict = days <= 0 ? 'retired' : days <= RETIRING_SOON_DAYS ? 'retiring' : 'current';
  return { verdict, ...base, retires: entry.retires, retiresInDays: days };
}

/** Offsets of each line's start, for turning offsets into line:column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Marks a line whose references are silenced, in any comment style (`# …`, `// …`, `<!-- … -->`). */
const IGNORE = /modelshift:\s*ignore\b/;

/**
 * Finder results → references with position and verdict. Pure. References on a line
 * carrying `modelshift: ignore` are dropped, and a token two finders saw is kept once.
 */
export function classify(file: string, text: string, place: Place, found: readonly Found[], ids: IdMatcher, today: string): Reference[] {
  if (!found.length) return [];
  const starts = lineStarts(text);
  const seen = new Set<number>();
  const refs: Reference[] = [];
  for (const f of [...found].sort((a, b) => a.start - b.start)) {
    if (seen.has(f.start)) continue;
    seen.add(f.start);
    const [line, column] = lineCol(starts, f.start);
    const lineText = text.slice(starts[line - 1], (starts[line] ?? text.length + 1) - 1).replace(/\r$/, '');
    if (IGNORE.test(lineText)) continue;
    refs.push({
      file, line, column, endColumn: column + (f.end - f.start),
      model: f.id.model, provider: f.id.prefixProvider && !['openai', 'anthropic'].includes(f.id.prefixProvider) ? f.id.prefixProvider : ids.provider(f.id),
      kind: f.kind, place,
      ...verdictOf(f.id.model, ids, today),
      rewritable: f.rewrite.via !== 'none', prefixed: f.id.offset > 0,
      start: f.start, end: f.end, rewrite: f.rewrite, ...(f.params ? { params: f.params } : {}),
      lineText: lineText.trim(),
    });
  }
  return refs;
}
