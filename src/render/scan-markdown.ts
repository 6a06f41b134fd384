import type { ScanResult } from '../scan/types.js';
import { escapeMarkdown } from './escape.js';
import { groupByModel, summaryLine, verdictText } from './scan-common.js';

/** For job summaries and issues: a table per model, retired and retiring first. */
export function renderScanMarkdown(result: ScanResult): string {
  const out = [`**${summaryLine(result)}**`, ''];
  for (const group of groupByModel(result)) {
    out.push(`### \`${escapeMarkdown(group.model)}\` (${escapeMarkdown(group.provider)}) — ${escapeMarkdown(verdictText(group.head))}`, '');
    out.push('| Where | Id as written | Kind | Rewritable |', '|---|---|---|---|');
    for (const ref of group.references) {
      out.push(`| ${escapeMarkdown(`${ref.file}:${ref.line}:${ref.column}`)} | ${escapeMarkdown(ref.model)} | ${ref.kind} (${ref.place}) | ${ref.rewritable ? 'yes' : 'no'} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
