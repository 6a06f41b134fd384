import type { Plan } from '../plan/types.js';
import { codeSpan, escapeMarkdown } from './escape.js';
import { changeKind, describeChange, displayChanges, formatValue, nameList, skippedByReason } from './plan-common.js';

/** A code fence longer than any backtick run in the text, so the text cannot close it. */
export function fenced(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** One line for the top of a PR body or comment. */
export function planHeadline(plan: Plan): string {
  const n = plan.summary;
  const verb = plan.rollout ? 'start a canary' : 'migrate';
  const parts = [
    `${n.migrate} agent${n.migrate === 1 ? '' : 's'} ${verb} ${plan.from.provider}/${plan.from.model} → ${plan.to.provider}/${plan.to.model}`,
    `${n.skipped} skipped`,
    `${n.warnings} warning${n.warnings === 1 ? '' : 's'}`,
  ];
  if (plan.errors.length) parts.push(`${plan.errors.length} error${plan.errors.length === 1 ? '' : 's'}`);
  return escapeMarkdown(parts.join(' · '));
}

/** How much of the plan is shown; a PR body lowers these until it fits GitHub's limit. */
export interface PlanDetail {
  diff: boolean;
  /** Rows of the agent table. */
  agents: number;
  /** Entries per list: warnings, skip reasons, names per skip reason. */
  items: number;
}

export const FULL_PLAN: PlanDetail = { diff: true, agents: Infinity, items: Infinity };

export interface PlanMarkdownOptions {
  detail?: PlanDetail;
  /** Said right under the summary, e.g. that details were left out. */
  note?: string;
  /** The rule's own words for the reviewer: `metadata.description` and `spec.deadline`. */
  about?: { description?: string; deadline?: string };
  /** Replaces the `### Migration` heading, e.g. to name the group a split PR holds. */
  heading?: string;
}

/** The plan section of a PR body: summary first, then agents, warnings, skipped and the diff folded. */
export function renderPlanMarkdown(plan: Plan, opts: PlanMarkdownOptions = {}): string {
  const detail = opts.detail ?? FULL_PLAN;
  const out: string[] = [opts.heading ?? `### Migration ${codeSpan(plan.migration)}`, '', `**${planHeadline(plan)}**`, ''];
  if (opts.note) out.push(opts.note, '');
  if (opts.about?.description) out.push(...opts.about.description.trim().split('\n').map((line) => `> ${escapeMarkdown(line)}`), '');
  if (opts.about?.deadline) out.push(`**Deadline:** ${escapeMarkdown(opts.about.deadline)} (when ${codeSpan(plan.from.model)} stops working, per the migration)`, '');
  if (plan.errors.length) {
    out.push('> [!CAUTION]', '> This plan cannot be applied:');
    for (const e of plan.errors) out.push(`> - ${codeSpan(`${e.file}:${e.line}:${e.column}`)} ${escapeMarkdown(e.message)}`);
    out.push('');
  }
  out.push(...agentTable(plan, detail.agents));
  const warnings = [...plan.warnings.map((w) => escapeMarkdown(w)), ...plan.agents.flatMap((a) => a.warnings.map((w) => `**${escapeMarkdown(a.name)}**: ${escapeMarkdown(w)}`))];
  if (warnings.length) {
    out.push(`<details open><summary>Warnings (${warnings.length})</summary>`, '');
    for (const w of warnings.slice(0, detail.items)) out.push(`- ${w}`);
    if (warnings.length > detail.items) out.push(`- …and ${warnings.length - detail.items} more (\`modelshift plan\` lists them all)`);
    out.push('', '</details>', '');
  }
  if (plan.skipped.length) {
    const reasons = skippedByReason(plan.skipped);
    out.push(`<details><summary>Skipped (${plan.skipped.length})</summary>`, '', '| reason | agents |', '|---|---|');
    for (const { reason, names } of reasons.slice(0, detail.items)) {
      out.push(`| ${escapeMarkdown(reason)} | ${names.length}: ${nameList(names, detail.items, escapeMarkdown)} |`);
    }
    if (reasons.length > detail.items) out.push(`| …and ${reasons.length - detail.items} more reasons | |`);
    out.push('', '</details>', '');
  }
  if (plan.diff && detail.diff) {
    const files = Object.keys(plan.files).length;
    out.push(`<details><summary>Diff (${files} file${files === 1 ? '' : 's'})</summary>`, '', fenced(plan.diff, 'diff'), '', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}

function agentTable(plan: Plan, max: number): string[] {
  if (!plan.agents.length) return [];
  const out = ['| agent | file | change |', '|---|---|---|'];
  for (const agent of plan.agents.slice(0, max)) {
    const changes = displayChanges(agent.changes)
      .map((change) => {
        const kind = changeKind(change);
        const path = codeSpan(change.path, true);
        if (kind === 'add') return `+ ${path} ${escapeMarkdown(formatValue(change.after))}`;
        if (kind === 'remove') return `− ${path}`;
        return `${path} ${escapeMarkdown(describeChange(change))}`;
      })
      .join('<br>');
    // Owners in code spans: shown to the reviewer, but not pinged by every plan comment.
    const owners = agent.before.metadata.owners?.map((o) => codeSpan(o, true)).join(', ');
    out.push(`| ${escapeMarkdown(agent.name)}${owners ? ` (${owners})` : ''} | ${codeSpan(agent.file, true)} | ${changes} |`);
  }
  if (plan.agents.length > max) out.push('', `…and ${plan.agents.length - max} more agents (\`modelshift plan\` lists them all; the Files tab has every change).`);
  out.push('');
  return out;
}
