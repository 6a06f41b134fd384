import { BATCH_FACTS } from '../catalog/batch.js';
import { difference, points, relativeChange, signedPercent, percent } from '../eval/format.js';
import type { CaseDiff, CaseOutcome, EvalReport, Significance, Stats } from '../eval/types.js';

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

/**
 * The paired test in words: "worse" from the one-sided test (the gate's
 * question), "better" from the two-sided one, else "not significant".
 */
export function significanceLabel(s: Significance): string {
  if (s.discordant === 0) return 'no change';
  const p = (value: number) => (value < 0.001 ? 'p < 0.001' : `p = ${value.toPrecision(2)}`);
  if (s.worse) return `worse (${p(s.pWorse)})`;
  if (s.significant) return `better (${p(s.pValue)})`;
  return `not significant (${p(s.pValue)})`;
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

/** `passed 2/3 → 1/3` over a case's scored runs on each side. */
export function passesText(diff: CaseDiff): string {
  const { base, head } = diff.passes;
  return `passed ${base.passed}/${base.runs} → ${head.passed}/${head.runs}`;
}

/**
 * `batch: openai 1 batch, 40 requests, 38 answered, 2 failed (2 retried online); 38 answers priced at the batch rate (−50%)`.
 * Also for a run without `--batch` whose cached answers came from batches (their cost is the batch price); empty otherwise.
 */
export function batchLine(report: EvalReport): string {
  const priced = (report.summary.base.batched ?? 0) + (report.summary.head.batched ?? 0);
  const parts = (report.batch ?? []).filter((b) => b.requests > 0).map((b) => {
    const failed = b.failed ? `, ${b.failed} failed (${b.retriedOnline} retried online)` : '';
    const resumed = b.resumed ? `, ${b.resumed} resumed` : '';
    return `${b.provider} ${b.batches.length} ${b.batches.length === 1 ? 'batch' : 'batches'}${resumed}, ${b.requests} requests, ${b.answered} answered${failed}`;
  });
  if (!parts.length && !priced) return report.batch ? 'batch: nothing to submit, every answer was in the cache' : '';
  const rates = [...new Set(Object.values(BATCH_FACTS).map((f) => signedPercent(-f.discount)))].join('/');
  return `batch: ${parts.length ? parts.join(' · ') : 'nothing to submit'}; ${priced} ${priced === 1 ? 'answer' : 'answers'} priced at the batch rate (${rates})`;
}
