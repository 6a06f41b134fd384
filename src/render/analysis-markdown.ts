import type { AnalysisReport } from '../analysis/types.js';
import { METRIC_HEADER, metricCells, VERDICT_WORD } from './analysis-rows.js';
import { escapeMarkdown } from './escape.js';

const ICON = { pass: '✅', fail: '❌', inconclusive: '⏳' } as const;

/**
 * The analysis as GitHub markdown: for `--format markdown`, the promote PR
 * body and the rollout job summary. Everything from telemetry or the rule is
 * escaped. Pure.
 */
export function renderAnalysisMarkdown(report: AnalysisReport, heading = '###'): string {
  const out = [
    `${heading} ${ICON[report.verdict]} Canary analysis: ${VERDICT_WORD[report.verdict]}`,
    '',
    `\`${escapeMarkdown(report.migration)}\` · last ${escapeMarkdown(report.window)} up to ${report.end}${report.source ? ` · ${escapeMarkdown(report.source)}` : ''} · at least ${report.minCalls} calls per arm`,
  ];
  for (const agent of report.agents) {
    out.push('', `**${escapeMarkdown(agent.name)}** · ${agent.weight}% on the candidate · ${agent.calls.control} / ${agent.calls.candidate} calls · ${ICON[agent.verdict]} ${agent.verdict}`);
    if (agent.reason) out.push('', escapeMarkdown(agent.reason));
    out.push('', `| ${METRIC_HEADER.join(' | ')} |`, `|${METRIC_HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
    for (const metric of agent.metrics) out.push(`| ${metricCells(metric).map(escapeMarkdown).join(' | ')} |`);
  }
  if (report.reasons.length > 0) out.push('', ...report.reasons.map((r) => `- ${escapeMarkdown(r)}`));
  return `${out.join('\n')}\n`;
}
