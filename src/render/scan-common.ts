import { VERDICTS } from '../scan/classify.js';
import type { Reference, ScanResult } from '../scan/types.js';

export interface ModelGroup {
  model: string;
  provider: string;
  head: Reference;
  references: Reference[];
}

/** References grouped by the model they name (snapshots under their catalog id), retired and retiring first. */
export function groupByModel(result: ScanResult): ModelGroup[] {
  const groups = new Map<string, ModelGroup>();
  for (const ref of result.references) {
    const key = `${ref.catalogId ?? ref.model}`;
    const group = groups.get(key) ?? { model: key, provider: ref.provider, head: ref, references: [] };
    group.references.push(ref);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => VERDICTS.indexOf(a.head.verdict) - VERDICTS.indexOf(b.head.verdict) || a.model.localeCompare(b.model));
}

/** `retires 2027-01-14 (in 44 days) → gpt-5.1`, `retired 2025-10-22 → …`, `current`, `not in the catalog`. */
export function verdictText(ref: Reference): string {
  const successor = ref.successor ? ` → ${ref.successor}` : '';
  if (ref.verdict === 'retired') return `retired on ${ref.retires}${successor}`;
  if (ref.verdict === 'retiring') return `retires on ${ref.retires} in ${ref.retiresInDays} days${successor}`;
  if (ref.verdict === 'unknown') return 'unknown (not in the catalog)';
  return ref.retires ? `current (retires on ${ref.retires}${successor})` : 'current';
}

export function summaryLine(result: ScanResult): string {
  const n = result.summary;
  const counts = VERDICTS.filter((v) => n.verdicts[v]).map((v) => `${n.verdicts[v]} ${v}`);
  const files = new Set(result.references.map((r) => r.file)).size;
  return `${n.references} reference${n.references === 1 ? '' : 's'} to model ids in ${files} file${files === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}.`;
}

/** The stable JSON shape of `scan --format json` (issue 12): internal offsets and edit targets left out. */
export function scanJson(result: ScanResult) {
  return {
    references: result.references.map((r) => ({
      file: r.file, line: r.line, column: r.column, endColumn: r.endColumn,
      model: r.model, provider: r.provider, kind: r.kind, place: r.place,
      verdict: r.verdict, retires: r.retires ?? null, successor: r.successor ?? null, rewritable: r.rewritable,
    })),
    summary: result.summary,
  };
}
