import type { GateVerdict, EvalOutcome } from '../review/eval-groups.js';
import type { FieldChange } from '../plan/types.js';
import type { AgentChange, ConfigChange, FileDiff, Review } from '../review/types.js';
import type { Agent } from '../schema/index.js';
import { renderCheckMarker, type CheckMarkerFields } from './comment-marker.js';
import { codeSpan, escapeHtml, escapeMarkdown } from './escape.js';
import { renderEvalMarkdown } from './eval-markdown.js';
import { evalSummaryLine } from './eval-shared.js';
import { changeKind, describeChange, displayChanges, formatValue, nameList, skippedByReason } from './plan-common.js';
import { fenced } from './plan-markdown.js';
import { validationSummary, type ValidationReport } from './validation.js';

/** Everything the check found, as the comment and the job summary show it. */
export interface CheckReport {
  review: Review;
  /** Validation of the head workspace. */
  validation: ValidationReport;
  evals: EvalOutcome[];
  gate: GateVerdict;
}

/** How much of each part is shown; the budget lowers these until the comment fits. */
export interface CommentDetail {
  diffs: number;
  agents: number;
  /** Entries per list (warnings, skipped agents, agents not evaluated). */
  items: number;
  evals: 'full' | 'short' | 'none';
}

const FULL_DETAIL: CommentDetail = { diffs: Infinity, agents: Infinity, items: Infinity, evals: 'full' };

export interface CommentOptions {
  detail?: CommentDetail;
  /** Present in the PR comment, absent in the job summary. */
  marker?: CheckMarkerFields;
  /** Said right under the verdict, e.g. that the comment was shortened. */
  note?: string;
}

/** Reasons of a failed gate shown in the verdict; all of them are in the eval section. */
const VERDICT_REASONS = 3;

/**
 * The check comment (DESIGN §3): summary line, verdict, agent table,
 * warnings, skipped agents, evals with regressions, per-file diffs folded.
 * Every user-written value is escaped; diffs sit in fences they cannot close.
 */
export function renderCheckComment(report: CheckReport, opts: CommentOptions = {}): string {
  const detail = opts.detail ?? FULL_DETAIL;
  const out: string[] = [];
  if (opts.marker) out.push(renderCheckMarker(opts.marker));
  out.push('### modelshift check', '', `**${checkSummaryLine(report)}**`, '', ...verdictLines(report), '');
  if (opts.note) out.push(opts.note, '');
  out.push(...agentTable(report.review.agents, detail.agents));
  out.push(...configSection(report.review.config, detail.items));
  // Every warning the summary lines count is listed: the validation findings as well as the plans'.
  const warnings = [
    ...report.validation.warnings.map((w) => `${codeSpan(`${w.file}:${w.line}:${w.column}`)} ${escapeMarkdown(w.message)}`),
    ...report.review.warnings.map(escapeMarkdown),
    ...report.review.agents.flatMap((a) => a.warnings.map((w) => `**${escapeMarkdown(a.name)}**: ${escapeMarkdown(w)}`)),
  ];
  out.push(...folded(`Warnings (${warnings.length})`, warnings, detail.items, true));
  // One line per reason: a reason naming a long select.names list is said once, not once per agent.
  const skipped = skippedByReason(report.review.skipped).map(({ reason, names }) => `${escapeMarkdown(reason)}: ${nameList(names, detail.items, (n) => `**${escapeMarkdown(n)}**`)}`);
  out.push(...folded(`Skipped by the migration (${report.review.skipped.length})`, skipped, detail.items, false));
  // A skipped group's reason is already in the verdict; only runs and failures get a section.
  for (const outcome of report.evals) if (outcome.status !== 'skipped') out.push(...evalSection(outcome, detail));
  out.push(...diffSections(report.review.diffs, detail.diffs));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** `3 agents migrate gpt-4.1 → gpt-5.1 · 3 skipped · pass rate 96% → 94% · cost −31% · p95 latency +12%`. */
export function checkSummaryLine(report: CheckReport): string {
  const { review } = report;
  const moves = new Map<string, Set<string>>();
  const count = { changed: new Set<string>(), added: 0, removed: 0 };
  for (const agent of review.agents) {
    if (agent.kind === 'added') count.added++;
    else if (agent.kind === 'removed') count.removed++;
    else {
      const move = transition(agent.before!, agent.after!);
      if (move === undefined) count.changed.add(agent.name);
      else moves.set(move, (moves.get(move) ?? new Set()).add(agent.name));
    }
  }
  const parts = [...moves].map(([move, names]) => `${agents(names.size)} ${verb(move, names.size)}`);
  if (count.changed.size) parts.push(`${agents(count.changed.size)} changed${moves.size ? ' on the same model' : ''}`);
  if (count.added) parts.push(`${agents(count.added)} added`);
  if (count.removed) parts.push(`${agents(count.removed)} removed`);
  if (!parts.length) parts.push('no agent changes');
  for (const c of review.config) parts.push(`${c.kind === 'provider' ? `provider ${escapeMarkdown(c.name)}` : escapeMarkdown(c.name)} ${c.status}${c.agents.length ? ` (${agents(c.agents.length)})` : ''}`);
  if (review.skipped.length) parts.push(`${review.skipped.length} skipped`);
  const ran = report.evals.filter((o) => o.status === 'ran');
  if (ran.length === 1) parts.push(evalSummaryLine(ran[0]!.report));
  else if (ran.length > 1) parts.push(...ran.map((o) => `${escapeMarkdown(groupName(o))}: ${evalSummaryLine(o.report)}`));
  else if (report.evals.some((o) => o.status === 'failed')) parts.push('evals failed to run');
  else if (report.evals.length) parts.push('evals skipped');
  return parts.join(' · ');
}

function verdictLines(report: CheckReport): string[] {
  const lines: string[] = [];
  const { validation, evals } = report;
  lines.push(`${validation.ok ? '✅' : '❌'} ${escapeMarkdown(validationSummary(validation))}${validation.ok ? '' : ' — see the annotations on the files'}`);
  for (const m of report.review.migrations) {
    for (const e of m.plan.errors) lines.push(`❌ migration ${escapeMarkdown(m.name)} cannot be applied: ${escapeMarkdown(`${e.file}:${e.line}:${e.column}`)} ${escapeMarkdown(e.message)}`);
    const refs = m.plan.references;
    if (refs?.outside) {
      lines.push(`ℹ️ ${escapeMarkdown(m.plan.from.model)} is also referenced outside modelshift files: ${refs.outside} place${refs.outside === 1 ? '' : 's'} (${refs.notCovered} not covered by this migration) — \`modelshift scan\` lists them`);
    }
  }
  // The group's name only tells runs apart when there are several.
  const named = evals.filter((o) => o.status !== 'skipped').length > 1;
  const reasons = evals.flatMap((o) =>
    o.status === 'failed' ? [o.reason] : o.status === 'ran' && !o.report.gate.passed ? o.report.gate.reasons.map((r) => (named ? `${groupName(o)}: ${r}` : r)) : [],
  );
  const skipped = [...new Set(evals.flatMap((o) => (o.status === 'skipped' ? [o.reason] : [])))];
  if (report.gate === 'failed') {
    lines.push('❌ **Gate failed**');
    for (const reason of reasons.slice(0, VERDICT_REASONS)) lines.push(`- ${escapeMarkdown(reason)}`);
    if (reasons.length > VERDICT_REASONS) lines.push(`- …and ${reasons.length - VERDICT_REASONS} more (see the evals below)`);
  } else if (report.gate === 'passed') {
    lines.push('✅ **Gate passed**');
  } else if (report.gate === 'none') {
    lines.push('ℹ️ **No gate**: no migration gate applies to these changes; the eval results below are for information');
  } else if (!evals.length) {
    lines.push('ℹ️ No evals: nothing changed that evals measure');
  }
  const ungated = evals.filter((o) => o.status === 'ran' && o.group.gate === undefined);
  if (report.gate === 'passed' && ungated.length) lines.push(`ℹ️ No gate for ${ungated.map((o) => escapeMarkdown(groupName(o))).join(', ')}: the results are for information`);
  if (skipped.length) lines.push(`⏭️ **Evals skipped**: ${skipped.map(escapeMarkdown).join('; ')}`);
  // Each verdict line is its own paragraph, so they do not run together.
  return lines.flatMap((line, i) => (i > 0 && !line.startsWith('- ') ? ['', line] : [line]));
}

function agentTable(changes: AgentChange[], max: number): string[] {
  if (!changes.length) return [];
  const out = ['| agent | file | status | changes |', '|---|---|---|---|'];
  for (const change of changes.slice(0, max)) {
    out.push(`| ${escapeMarkdown(change.name)} | ${escapeMarkdown(change.file)} | ${status(change)} | ${changeCell(change)} |`);
  }
  if (changes.length > max) out.push('', `…and ${changes.length - max} more agents (the job summary lists them all).`);
  out.push('');
  return out;
}

function status(change: AgentChange): string {
  const migration = change.migration ? ` (${escapeMarkdown(change.migration)})` : '';
  switch (change.kind) {
    case 'changed': return `changed${migration}`;
    case 'added': return 'added';
    case 'removed': return 'removed';
    case 'pending': return `pending${migration}: not applied in this pull request`;
  }
}

function changeCell(change: AgentChange): string {
  if (change.kind === 'added') return `new, on ${escapeMarkdown(modelLabel(change.after!.spec.model))}`;
  if (change.kind === 'removed') return `was on ${escapeMarkdown(modelLabel(change.before!.spec.model))}`;
  return displayChanges(change.changes)
    .map((c) => {
      const kind = changeKind(c);
      const path = `\`${c.path.replace(/[`|]/g, '')}\``;
      if (kind === 'add') return `+ ${path} ${escapeMarkdown(formatValue(c.after))}`;
      if (kind === 'remove') return `− ${path}`;
      return `${path} ${escapeMarkdown(describeChange(c))}`;
    })
    .join('<br>');
}

/** Provider and workspace-file changes: what moved, and the agents it reaches though their own files did not change. */
function configSection(changes: ConfigChange[], max: number): string[] {
  if (!changes.length) return [];
  const out = ['#### Providers and workspace settings', ''];
  for (const c of changes) {
    const what = c.kind === 'provider' ? `provider **${escapeMarkdown(c.name)}** (${escapeMarkdown(c.file)})` : `**${escapeMarkdown(c.file)}**`;
    const reach = c.agents.length ? `affects ${agents(c.agents.length)}: ${nameList(c.agents, max, escapeMarkdown)}` : c.kind === 'provider' ? 'no agent uses it' : 'no agent named';
    out.push(`- ${what} ${c.status} · ${reach}`);
    for (const f of displayChanges(c.changes).slice(0, max)) out.push(`  - ${codeSpan(f.path)} ${escapeMarkdown(describeConfigChange(f))}`);
    if (c.changes.length > max) out.push(`  - …and ${c.changes.length - max} more fields`);
  }
  out.push('');
  return out;
}

/** A URL's user and password never reach the comment, even when a file holds them. */
function describeConfigChange(change: FieldChange): string {
  const hide = (v: unknown) => (typeof v === 'string' ? v.replace(/\/\/[^/@\s]+@/g, '//') : v);
  const c = { ...change, before: hide(change.before), after: hide(change.after) };
  const kind = changeKind(c);
  return kind === 'add' ? `added: ${formatValue(c.after)}` : kind === 'remove' ? `removed (was ${formatValue(c.before)})` : describeChange(c);
}

function folded(title: string, items: string[], max: number, open: boolean): string[] {
  if (!items.length) return [];
  const out = [`<details${open ? ' open' : ''}><summary>${title}</summary>`, ''];
  for (const item of items.slice(0, max)) out.push(`- ${item}`);
  if (items.length > max) out.push(`- …and ${items.length - max} more (see the job summary)`);
  out.push('', '</details>', '');
  return out;
}

function evalSection(outcome: Exclude<EvalOutcome, { status: 'skipped' }>, detail: CommentDetail): string[] {
  const out = [`#### Evals: ${escapeMarkdown(groupName(outcome))}`, ''];
  if (outcome.status === 'failed') out.push(`⚠️ ${escapeMarkdown(outcome.reason)}`, '');
  else if (detail.evals === 'none') out.push(`**Eval:** ${evalSummaryLine(outcome.report)} · gate ${outcome.report.gate.passed ? 'passed' : 'failed'}`, '');
  else out.push(renderEvalMarkdown(outcome.report, detail.evals === 'short' ? { maxRegressions: 3, maxOutputChars: 300 } : {}));
  const notEvaluated = outcome.group.skipped.map((s) => `**${escapeMarkdown(s.name)}**: ${escapeMarkdown(s.reason)}`);
  out.push(...folded(`Not evaluated (${notEvaluated.length})`, notEvaluated, detail.items, false));
  return out;
}

function diffSections(diffs: FileDiff[], max: number): string[] {
  const out: string[] = [];
  for (const diff of diffs.slice(0, max)) {
    const what = diff.source === 'pr' ? 'Diff' : 'Pending diff';
    const agents = diff.agents.length ? ` (${diff.agents.map(escapeHtml).join(', ')})` : '';
    out.push(`<details><summary>${what}: ${escapeHtml(diff.file)}${agents}</summary>`, '', fenced(diff.patch, 'diff'), '', '</details>', '');
  }
  if (diffs.length > max) out.push(`${diffs.length - max} more file diff${diffs.length - max === 1 ? '' : 's'} in the job summary.`, '');
  return out;
}

function groupName(outcome: EvalOutcome): string {
  return outcome.group.migration ?? 'agents changed without a migration';
}

function agents(n: number): string {
  return `${n} agent${n === 1 ? '' : 's'}`;
}

/** `migrate gpt-4.1 → gpt-5.1`, conjugated for one agent. */
function verb(move: string, n: number): string {
  return n === 1 ? move.replace(/^migrate /, 'migrates ').replace(/^start a canary /, 'starts a canary ') : move;
}

/** `migrate a → b` or `start a canary a → b`; undefined when the model stays. */
function transition(before: Agent, after: Agent): string | undefined {
  const canary = after.spec.rollout !== undefined && before.spec.rollout === undefined;
  const from = before.spec.model;
  const to = canary ? after.spec.rollout!.model : after.spec.model;
  if (from.provider === to.provider && from.name === to.name) return undefined;
  const label = from.provider === to.provider ? `${from.name} → ${to.name}` : `${from.provider}/${from.name} → ${to.provider}/${to.name}`;
  return `${canary ? 'start a canary' : 'migrate'} ${escapeMarkdown(label)}`;
}

function modelLabel(model: Agent['spec']['model']): string {
  return `${model.provider}/${model.name}`;
}
