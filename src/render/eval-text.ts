import { millis, percent, relativeChange, signedPercent, tokens, usd } from '../eval/format.js';
import type { Progress } from '../eval/runner.js';
import type { AgentReport, CaseDiff, CaseOutcome, EvalReport } from '../eval/types.js';
import { palette, type Palette } from './colour.js';
import { stripControlChars as clean } from './escape.js';
import { batchLine, evalSummaryLine, outcomeText, outcomeWhy, passesText, passRateChange, significanceLabel } from './eval-shared.js';

export interface EvalTextOptions {
  /** Colour only when writing to a terminal. */
  color: boolean;
  /** Characters of each output shown under a regression. */
  maxOutputChars?: number;
}

/** The eval report for a terminal: summary, gate, one table row per agent, regressions. */
export function renderEvalText(report: EvalReport, opts: EvalTextOptions): string {
  const c = palette(opts.color);
  const maxOutputChars = opts.maxOutputChars ?? 300;
  const out: string[] = [`Eval: ${evalSummaryLine(report)}`];

  out.push(report.gate.passed ? c.green(c.bold('Gate passed')) : c.red(c.bold('Gate failed')));
  for (const reason of report.gate.reasons) out.push(`  - ${clean(reason)}`);
  if (report.interrupted) out.push(c.yellow(`Interrupted: ${report.summary.base.notRun + report.summary.head.notRun} case runs did not run`));

  if (report.agents.length) {
    out.push('', ...table(report.agents, c));
  }
  for (const s of report.skipped) out.push(c.dim(`skipped ${clean(s.name)}: ${s.reason}`));

  const regressions = report.agents.flatMap((a) => a.regressions.map((diff) => ({ agent: a, diff })));
  if (regressions.length) out.push('', c.bold(`Regressions (${regressions.length})`), ...regressions.flatMap(({ agent, diff }) => caseBlock(agent.name, diff, c, maxOutputChars)));
  // Regressions are listed above; these still fail at head for another reason (most often: on both sides).
  const failing = report.agents.flatMap((a) => a.failing.filter((f) => f.trend !== 'worse').map((diff) => ({ agent: a, diff })));
  if (failing.length) {
    out.push('', c.bold(`Failing at head, not regressions (${failing.length})`), ...failing.flatMap(({ agent, diff }) => caseBlock(agent.name, diff, c, maxOutputChars)));
  }
  const improvements = report.agents.flatMap((a) => a.improvements.map((diff) => ({ agent: a.name, diff })));
  if (improvements.length) {
    out.push('', c.bold(`Improvements (${improvements.length})`));
    for (const { agent, diff } of improvements) out.push(`  ${clean(agent)}  ${clean(diff.suite)} / ${clean(diff.case)}  ${passesText(diff)}`);
  }
  const errors = report.agents.flatMap((a) => a.errors.map((e) => ({ agent: a.name, ...e })));
  if (errors.length) {
    out.push('', c.bold(`Errors (${errors.length})`));
    for (const e of errors.slice(0, 10)) out.push(`  ${clean(e.agent)} ${e.side} ${clean(e.suite)} / ${clean(e.case)}: ${clean(e.message)}`);
    if (errors.length > 10) out.push(c.dim(`  …and ${errors.length - 10} more`));
  }
  out.push('', c.dim(`${report.calls} calls, ${report.cached} from cache, cost ${usd(report.costUsd.total)}`));
  const batch = batchLine(report);
  if (batch) out.push(c.dim(clean(batch)));
  return `${out.join('\n')}\n`;
}

/** One status line for stderr while evals run: `eval 120/400 · 80 calls · 40 cached · 2 errors`. */
export function progressLine(p: Progress): string {
  return `eval ${p.done}/${p.total} · ${p.calls} calls · ${p.cached} cached · ${p.errors} errors`;
}

const HEADERS = ['agent', 'model', 'pass rate', 'Δ', 'significant', 'errors', 'cost', 'tokens in/out', 'p50', 'p95'];

function table(agents: AgentReport[], c: Palette): string[] {
  const rows = agents.map((a) => {
    const { base, head } = a;
    return [
      clean(a.name),
      base.model === head.model ? clean(base.model) : `${clean(base.model)} → ${clean(head.model)}`,
      `${percent(base.passRate)} → ${percent(head.passRate)}`,
      passRateChange(base, head),
      significanceLabel(a.significance),
      `${base.errors} → ${head.errors}`,
      `${usd(base.costUsd)} → ${usd(head.costUsd)} ${signedPercent(relativeChange(base.costUsd, head.costUsd))}`,
      `${tokens(base.inputTokens)}/${tokens(base.outputTokens)} → ${tokens(head.inputTokens)}/${tokens(head.outputTokens)}`,
      `${millis(base.latencyP50Ms)} → ${millis(head.latencyP50Ms)}`,
      `${millis(base.latencyP95Ms)} → ${millis(head.latencyP95Ms)}`,
    ];
  });
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)).join('  ').trimEnd();
  // Colour goes on after padding so escape codes do not count as width.
  return [
    c.bold(line(HEADERS)),
    ...rows.map((r, i) => {
      const text = line(r);
      const agent = agents[i]!;
      if (agent.significance.worse) return c.red(text);
      return text;
    }),
  ];
}

function caseBlock(agent: string, diff: CaseDiff, c: Palette, max: number): string[] {
  const runs = diff.passes.base.runs > 1 || diff.passes.head.runs > 1 ? `  ${passesText(diff)}, #${diff.repeat} shown` : '';
  return [`  ${clean(agent)}  ${clean(diff.suite)} / ${clean(diff.case)}${runs}`, ...side('base', diff.base, c, max), ...side('head', diff.head, c, max)];
}

function side(label: string, outcome: CaseOutcome, c: Palette, max: number): string[] {
  const verdict = outcome.status === 'pass' ? c.green('pass') : outcome.status === 'error' ? c.yellow('error') : c.red('fail');
  const why = outcome.status === 'pass' ? '' : ` ${clean(outcomeWhy(outcome))}`;
  const text = clean(outcomeText(outcome, max))
    .split('\n')
    .map((l) => `      ${c.dim(l)}`);
  return [`    ${label}: ${verdict}${why}`, ...text];
}
