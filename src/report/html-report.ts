import { millis, percent, tokens, usd } from '../eval/format.js';
import type { AgentReport, EvalReport } from '../eval/types.js';
import { batchLine, evalSummaryLine, passRateChange, significanceLabel } from '../render/eval-shared.js';
import { CSP, CSS, SCRIPT } from './html-assets.js';
import { caseArticle, pairResults, type Category } from './html-cases.js';
import { costChart, latencyChart, passRateChart } from './html-charts.js';
import { esc } from './html-escape.js';

export interface HtmlReportOptions {
  /** What was evaluated, e.g. the migration's name; shown in the title. */
  title?: string;
}

/**
 * The eval report as one self-contained HTML page: summary and gate verdict
 * first, the agent table, charts, then every case with both outputs side by
 * side. Pure: report in, string out. Loads nothing (strict CSP), readable
 * without JavaScript, and everything a model or a user wrote is escaped.
 */
export function renderHtmlReport(report: EvalReport, opts: HtmlReportOptions = {}): string {
  const title = opts.title ? `modelshift eval: ${opts.title}` : 'modelshift eval';
  const pairs = pairResults(report);
  const count = (c: Category) => pairs.filter((p) => p.categories.includes(c)).length;
  const filters: [string, string, number][] = [
    ['all', 'All', pairs.length],
    ['regression', 'Regressions', count('regression')],
    ['failing', 'Failing', count('failing')],
    ['improved', 'Improved', count('improved')],
    ['error', 'Errors', count('error')],
  ];
  const filterBar =
    `<div class="filters" role="radiogroup" aria-label="Show cases">` +
    filters.map(([id, label, n]) => `<input type="radio" name="filter" id="f-${id}" value="${id}"${id === 'all' ? ' checked' : ''}><label for="f-${id}">${label} (${n})</label>`).join('') +
    `<input type="search" id="q" placeholder="Search cases and outputs" aria-label="Search cases and outputs" hidden><span id="shown" aria-live="polite"></span></div>`;

  const body = [
    `<header><h1>${esc(title)}</h1>`,
    `<p class="summary">${esc(summary(report))}</p>`,
    verdict(report),
    report.interrupted ? `<p class="err">The run was interrupted: ${report.summary.base.notRun + report.summary.head.notRun} case runs did not run.</p>` : '',
    '</header>',
    '<h2>Agents</h2>',
    report.agents.length ? agentTable(report.agents) : '<p class="muted">No agent was evaluated.</p>',
    report.skipped.length ? `<p class="muted">Not evaluated: ${report.skipped.map((s) => `${esc(s.name)} (${esc(s.reason)})`).join(', ')}.</p>` : '',
    report.agents.length ? `<h2>Charts</h2><div class="charts">${passRateChart(report.agents)}${costChart(report.agents)}${latencyChart(report.agents.flatMap((a) => a.results))}</div>` : '',
    `<h2>Cases</h2>`,
    filterBar,
    `<div id="cases">${pairs.map((p, i) => caseArticle(p, i)).join('\n')}</div>`,
    `<p class="muted">${report.calls} calls, ${report.cached} answered from the cache · cost of this run ${esc(usd(report.costUsd.total))} (models ${esc(usd(report.costUsd.models))}, judges ${esc(usd(report.costUsd.judge))})${batchLine(report) ? ` · ${esc(batchLine(report))}` : ''}</p>`,
  ];
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head><body>',
    ...body.filter(Boolean),
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

function summary(report: EvalReport): string {
  const n = report.agents.length;
  return `${n} agent${n === 1 ? '' : 's'} evaluated · ${evalSummaryLine(report)}`;
}

function verdict(report: EvalReport): string {
  const { passed, reasons } = report.gate;
  const list = reasons.length ? `<ul>${reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '';
  return `<div class="verdict ${passed ? 'pass' : 'fail'}" id="verdict">${passed ? '✓ Gate passed' : '✗ Gate failed'}${list}</div>`;
}

function agentTable(agents: AgentReport[]): string {
  const head = ['Agent', 'Base', 'Head', 'Pass rate', 'Δ', 'Significant', 'Regressions', 'Improved', 'Errors', 'Cost', 'Tokens in / out', 'p50', 'p95'];
  const cell = (text: string, numeric = false) => `<td${numeric ? ' class="n"' : ''}>${esc(text)}</td>`;
  const rows = agents.map((a) =>
    [
      '<tr>',
      cell(a.name),
      cell(`${a.base.provider}/${a.base.model}`),
      cell(`${a.head.provider}/${a.head.model}`),
      cell(`${percent(a.base.passRate)} → ${percent(a.head.passRate)}`, true),
      cell(passRateChange(a.base, a.head), true),
      cell(significanceLabel(a.significance)),
      cell(String(a.regressions.length), true),
      cell(String(a.improvements.length), true),
      cell(`${a.base.errors} / ${a.head.errors}`, true),
      cell(`${usd(a.base.costUsd)} → ${usd(a.head.costUsd)}`, true),
      cell(`${tokens(a.base.inputTokens)} / ${tokens(a.base.outputTokens)} → ${tokens(a.head.inputTokens)} / ${tokens(a.head.outputTokens)}`, true),
      cell(`${millis(a.base.latencyP50Ms)} → ${millis(a.head.latencyP50Ms)}`, true),
      cell(`${millis(a.base.latencyP95Ms)} → ${millis(a.head.latencyP95Ms)}`, true),
      '</tr>',
    ].join(''),
  );
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
