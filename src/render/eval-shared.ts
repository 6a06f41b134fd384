import { difference, points, relativeChange, signedPercent, percent } from '../eval/format.js';
import type { CaseOutcome, EvalReport, Significance, Stats } from '../eval/types.js';

/** `pass rate 96% → 94% · cost −31% · p95 latency +12%`, over all agents pooled; errors, when any, right after the rate. */
export function evalSummaryLine(report: EvalReport): string {
  const { base, head } = report.summary;
  const errors = base.errors + head.errors;
  return [
    `pass rate ${percent(base.passRate)} → ${percent(head.passRate)}`,
    ...(errors ? [`${errors} ${errors === 1 ? 'error' : 'errors'}`] : []),
    `cost ${signedPercent(relativeChange(base.costUsd, head.costUsd))}`,
    `p95 latency ${signedPercent(relativeChange(base.latencyP95Ms, head.latencyP95Ms))}`,
  ].join(' · ');
}

export function passRateChange(base: Stats, head: Stats): string {
  return points(difference(base.passRate, head.passRate));
}

export function significanceLabel(s: Significance): string {
  if (s.discordant === 0) return 'no change';
  const p = s.pValue < 0.001 ? 'p < 0.001' : `p = ${s.pValue.toPrecision(2)}`;
  return `${s.significant ? 'yes' : 'no'} (${p})`;
}

/** Model text plus its tool calls, cut to `max` characters so one case cannot flood a comment. */
export function outcomeText(outcome: CaseOutcome, max: number): string {
  const calls = outcome.toolCalls.map((c) => `→ ${c.name}(${JSON.stringify(c.arguments)})`);
  const full = [outcome.output, ...calls].filter(Boolean).join('\n') || '(empty reply)';
  return full.length > max ? `${full.slice(0, max)}\n… (${full.length - max} more characters)` : full;
}

/** Why a case did not pass: the error, or the failed assertions' reasons. */
export function outcomeWhy(outcome: CaseOutcome): string {
  if (outcome.error) return outcome.error;
  return outcome.failed.map((a) => `${a.type}: ${a.reason}`).join('; ');
}
