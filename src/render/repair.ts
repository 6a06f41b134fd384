import type { RepairAttempt, RepairReport, ShareRates } from '../repair/types.js';
import { escapeMarkdown } from './escape.js';

const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);
const usd = (n: number) => `$${n.toFixed(4)}`;

function rates(r: ShareRates | undefined): string {
  if (!r) return '—';
  return `${pct(r.base)} / ${pct(r.head)}${r.candidate !== undefined ? ` / ${pct(r.candidate)}` : ''}`;
}

function ops(a: RepairAttempt): string {
  if (!a.edit) return a.error ? `(unusable answer: ${a.error})` : '';
  const parts = [...(a.edit.replace ?? []).map((r) => `replace "${r.find}" → "${r.with}"`), ...(a.edit.append ? [`append "${a.edit.append}"`] : [])];
  return parts.join('; ');
}

const VERDICTS: Record<RepairReport['verdict'], string> = {
  accepted: '✅ an edit was accepted',
  'none-accepted': '❌ no edit was confirmed',
  'nothing-to-repair': '✅ nothing to repair',
  'too-small': '⚠️ the suites are too small to trust a repair',
  'over-budget': '❌ the budget ran out',
};

export function renderRepairText(report: RepairReport, write: boolean): string {
  const lines = [
    `repair ${report.migration} with ${report.proposer.provider}/${report.proposer.model}: ${VERDICTS[report.verdict]}`,
    `cases: ${report.split.trainCases} training, ${report.split.holdoutCases} held out (${Math.round(report.split.holdout * 100)}%, never shown to the proposer)`,
  ];
  if (report.baseline) lines.push(`pass rate base / head: training ${rates(report.baseline.train)}, held out ${rates(report.baseline.holdout)}`);
  for (const a of report.attempts) {
    lines.push(`attempt ${a.n}: ${a.verdict} — ${ops(a)}`, `  training base / head / candidate ${rates(a.train)} · held out ${rates(a.holdout)} · ${usd(a.costUsd)}`);
    for (const reason of a.reasons) lines.push(`  ${reason}`);
  }
  for (const reason of report.reasons) lines.push(reason);
  lines.push(`spent ${usd(report.costUsd)} of ${usd(report.budgetUsd)}`);
  if (report.written) lines.push(`wrote the accepted edit into ${report.written} (spec.instructions); \`modelshift pr ${report.migration}\` carries it`);
  else if (report.accepted && !write) lines.push(`run again with --write to put it into the rule's spec.instructions`);
  else if (write && !report.accepted) lines.push('nothing was written: no edit was accepted');
  return `${lines.join('\n')}\n`;
}

/** The evidence table, as `pr` puts it into the body of a rule whose instructions were repaired. */
export function renderRepairMarkdown(report: RepairReport): string {
  const rows = report.attempts.map((a) => `| ${a.n} | ${escapeMarkdown(ops(a))} | ${rates(a.train)} | ${rates(a.holdout)} | ${usd(a.costUsd)} | ${a.verdict} |`);
  return [
    `**Prompt repair for ${escapeMarkdown(report.migration)}** (${escapeMarkdown(report.proposer.provider)}/${escapeMarkdown(report.proposer.model)}): ${VERDICTS[report.verdict]}`,
    '',
    `${report.split.trainCases} training cases, ${report.split.holdoutCases} held out from the proposer. Pass rates are base / head / candidate.`,
    '',
    '| attempt | edit | training | held out | cost | verdict |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    ...report.reasons.map((r) => `- ${escapeMarkdown(r)}`),
    '',
  ].join('\n');
}
