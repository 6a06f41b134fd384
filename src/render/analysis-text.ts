import type { AnalysisReport } from '../analysis/types.js';
import { METRIC_HEADER, metricCells, VERDICT_WORD } from './analysis-rows.js';
import { stripControlChars } from './escape.js';

/** `modelshift analyze` for a terminal. Pure. */
export function renderAnalysisText(report: AnalysisReport): string {
  const lines = [
    `Canary analysis of ${report.migration}: last ${report.window} up to ${report.end}${report.source ? ` from ${report.source}` : ''}`,
    `Verdict: ${VERDICT_WORD[report.verdict]}`,
  ];
  for (const agent of report.agents) {
    lines.push('', `${agent.name} · ${agent.weight}% on the candidate · calls ${agent.calls.control} control / ${agent.calls.candidate} candidate · ${agent.verdict}`);
    if (agent.reason) lines.push(`  ${agent.reason}`);
    const rows = [[...METRIC_HEADER], ...agent.metrics.map(metricCells)];
    const widths = METRIC_HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) lines.push(`  ${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}`);
  }
  if (report.reasons.length > 0) lines.push('', 'Why:', ...report.reasons.map((r) => `  - ${r}`));
  return `${stripControlChars(lines.join('\n'))}\n`;
}
