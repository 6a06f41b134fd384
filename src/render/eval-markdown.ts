import { millis, relativeChange, signedPercent, tokens, TREND_LABEL, usd, percent } from '../eval/format.js';
import type { AgentReport, CaseDiff, CaseOutcome, EvalReport, SideStats } from '../eval/types.js';
import { escapeHtml, escapeMarkdown, preformatted } from './escape.js';
import { batchLine, evalSummaryLine, outcomeText, outcomeWhy, passesText, passRateChange, significanceLabel } from './eval-shared.js';

const MAX_ERRORS = 10;

export interface EvalMarkdownOptions {
  /** Regressions shown with their outputs; the rest are counted. */
  maxRegressions?: number;
  /** Characters of each output shown. */
  maxOutputChars?: number;
}

/**
 * The eval part of a PR comment: summary line, gate verdict, agent table,
 * regressions with both outputs. Every name and output is escaped.
 */
export function renderEvalMarkdown(report: EvalReport, opts: EvalMarkdownOptions = {}): string {
  const maxRegressions = opts.maxRegressions ?? 20;
  const maxOutputChars = opts.maxOutputChars ?? 1500;
  const out: string[] = [`**Eval:** ${evalSummaryLine(report)}`, ''];

  out.push(report.gate.passed ? '✅ **Gate passed**' : '❌ **Gate failed**');
  for (const reason of report.gate.reasons) out.push(`- ${escapeMarkdown(reason)}`);
  out.push('');

  if (report.interrupted) out.push(`⚠️ The run was interrupted: ${report.summary.base.notRun + report.summary.head.notRun} case runs did not run.`, '');

  if (report.agents.length) {
    out.push(
      '| Agent | Model | Pass rate | Δ | Significant | Errors | Cost | Tokens in / out | p50 | p95 |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const agent of report.agents) out.push(agentRow(agent));
    out.push('');
  }
  if (report.skipped.length) {
    out.push(`Not evaluated: ${report.skipped.map((s) => `${escapeMarkdown(s.name)} (${escapeMarkdown(s.reason)})`).join(', ')}.`, '');
  }

  const regressions = report.agents.flatMap((a) => a.regressions.map((diff) => ({ agent: a, diff })));
  if (regressions.length) {
    out.push(`### Regressions (${regressions.length})`, '');
    for (const { agent, diff } of regressions.slice(0, maxRegressions)) out.push(...regressionBlock(agent, diff, maxOutputChars));
    if (regressions.length > maxRegressions) out.push(`…and ${regressions.length - maxRegressions} more (see the JSON report).`, '');
  }
  // Regressions are shown above; here every other case that still fails at head.
  const failing = report.agents.flatMap((a) => a.failing.filter((f) => f.trend !== 'worse').map((diff) => ({ agent: a, diff })));
  if (failing.length) {
    out.push(`### Failing at head, not regressions (${failing.length})`, '');
    for (const { agent, diff } of failing.slice(0, maxRegressions)) out.push(...regressionBlock(agent, diff, maxOutputChars, TREND_LABEL[diff.trend]));
    if (failing.length > maxRegressions) out.push(`…and ${failing.length - maxRegressions} more (see the JSON report).`, '');
  }
  const errors = report.agents.flatMap((a) => a.errors.map((e) => ({ agent: a.name, ...e })));
  if (errors.length) {
    out.push('<details>', `<summary>Errors (${errors.length})</summary>`, '');
    for (const e of errors.slice(0, MAX_ERRORS)) {
      out.push(`- ${escapeMarkdown(e.agent)} ${e.side} · ${escapeMarkdown(e.suite)} / ${escapeMarkdown(e.case)}: ${escapeMarkdown(e.message)}`);
    }
    if (errors.length > MAX_ERRORS) out.push(`- …and ${errors.length - MAX_ERRORS} more`);
    out.push('', '</details>', '');
  }
  const improvements = report.agents.flatMap((a) => a.improvements.map((diff) => ({ agent: a.name, diff })));
  if (improvements.length) {
    out.push(`### Improvements (${improvements.length})`, '');
    for (const { agent, diff } of improvements.slice(0, maxRegressions)) out.push(`- ${escapeMarkdown(agent)} · ${escapeMarkdown(diff.suite)} / ${escapeMarkdown(diff.case)} (${passesText(diff)})`);
    if (improvements.length > maxRegressions) out.push(`- …and ${improvements.length - maxRegressions} more (see the JSON report)`);
    out.push('');
  }

  const judge = report.costUsd.judge ? ` · judge cost ${usd(report.costUsd.judge)}` : '';
  const batch = batchLine(report);
  out.push(`<sub>${report.calls} calls · ${report.cached} answers from cache${judge}${batch ? ` · ${escapeMarkdown(batch)}` : ''}</sub>`);
  return `${out.join('\n')}\n`;
}

function agentRow(agent: AgentReport): string {
  const { base, head } = agent;
  const model = base.model === head.model ? base.model : `${base.model} → ${head.model}`;
  const cells = [
    escapeMarkdown(agent.name),
    escapeMarkdown(model),
    `${percent(base.passRate)} → ${percent(head.passRate)}`,
    passRateChange(base, head),
    significanceLabel(agent.significance),
    `${base.errors} → ${head.errors}`,
    `${usd(base.costUsd)} → ${usd(head.costUsd)} (${signedPercent(relativeChange(base.costUsd, head.costUsd))})`,
    `${tokenPair(base)} → ${tokenPair(head)}`,
    `${millis(base.latencyP50Ms)} → ${millis(head.latencyP50Ms)}`,
    `${millis(base.latencyP95Ms)} → ${millis(head.latencyP95Ms)} (${signedPercent(relativeChange(base.latencyP95Ms, head.latencyP95Ms))})`,
  ];
  return `| ${cells.join(' | ')} |`;
}

function tokenPair(stats: SideStats): string {
  return `${tokens(stats.inputTokens)} / ${tokens(stats.outputTokens)}`;
}

function regressionBlock(agent: AgentReport, diff: CaseDiff, maxChars: number, label?: string): string[] {
  const repeat = diff.passes.base.runs > 1 || diff.passes.head.runs > 1 ? ` (${passesText(diff)}; repeat ${diff.repeat} shown)` : '';
  return [
    '<details>',
    `<summary>${escapeHtml(agent.name)} · ${escapeHtml(diff.suite)} / ${escapeHtml(diff.case)}${repeat}${label ? ` — ${label}` : ''}</summary>`,
    '',
    ...sideBlock('Base', agent.base.model, diff.base, maxChars),
    ...sideBlock('Head', agent.head.model, diff.head, maxChars),
    '</details>',
    '',
  ];
}

function sideBlock(label: string, model: string, outcome: CaseOutcome, maxChars: number): string[] {
  const verdict = outcome.status === 'pass' ? '✅ pass' : outcome.status === 'error' ? '⚠️ error' : '❌ fail';
  const why = outcome.status === 'pass' ? '' : ` — ${escapeMarkdown(outcomeWhy(outcome))}`;
  return [`**${label}** (${escapeMarkdown(model)}): ${verdict}${why}`, '', preformatted(outcomeText(outcome, maxChars)), ''];
}
