import { classify, VERDICTS } from './classify.js';
import { finderFor } from './finders/index.js';
import type { IdMatcher } from './ids.js';
import { skippedContent, skippedPath } from './paths.js';
import type { Reference, ScanResult, ScanSummary } from './types.js';

export { ParserLoading } from './finders/yaml.js';

/**
 * Every reference in one file. Pure: the caller read the file; a path or content scan skips
 * gives none. Throws `ParserLoading` for a file that needs the YAML parser before it has loaded.
 */
export function scanText(file: string, text: string, ids: IdMatcher, today: string): Reference[] {
  const finder = finderFor(file);
  if (!finder || skippedPath(file) || skippedContent(text)) return [];
  const { place, found } = finder.find(file, text, ids);
  return classify(file, text, place, found, ids, today);
}

/** References sorted by file and position, with counts. */
export function scanResult(references: Reference[], files: number, today: string): ScanResult {
  const sorted = references.toSorted((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
  const verdicts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as ScanSummary['verdicts'];
  const kinds: ScanSummary['kinds'] = {};
  for (const ref of sorted) {
    verdicts[ref.verdict]++;
    kinds[ref.kind] = (kinds[ref.kind] ?? 0) + 1;
  }
  return { references: sorted, summary: { files, references: sorted.length, verdicts, kinds }, today };
}
