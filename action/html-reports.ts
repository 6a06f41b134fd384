import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderHtmlReport } from '../src/report/index.js';
import type { EvalOutcome } from '../src/review/eval-groups.js';

/**
 * Writes the HTML report of every eval group that ran into the runner's temp
 * folder, one file per migration, and returns their paths (what the
 * `report-path` output lists, one a line, as actions/upload-artifact reads it).
 */
export async function writeHtmlReports(folder: string | undefined, outcomes: readonly EvalOutcome[]): Promise<string[]> {
  if (!folder) return [];
  const paths: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== 'ran') continue;
    // Migration names are metadata names: lowercase letters, digits, ".", "_" and "-", safe in a file name.
    const name = outcome.group.migration ?? 'changed-agents';
    const file = path.join(folder, `modelshift-eval-${name}.html`);
    await writeFile(file, renderHtmlReport(outcome.report, { title: name }));
    paths.push(file);
  }
  return paths;
}
