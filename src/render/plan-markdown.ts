import type { Plan } from '../plan/types.js';
import { codeSpan, escapeMarkdown } from './escape.js';
import { changeKind, describeChange, displayChanges, formatValue } from './plan-common.js';

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

/** The plan section of a PR body: summary first, then agents, warnings, skipped and the diff folded. */
export function renderPlanMarkdown(plan: Plan): string {
  const out: string[] = [`### Migration ${codeSpan(plan.migration)}`, '', `**${planHeadline(plan)}**`, ''];
  if (plan.errors.length) {
    out.push('> [!CAUTION]', '> This plan cannot be applied:');
    for (const e of plan.errors) out.push(`> - ${codeSpan(`${e.file}:${e.line}:${e.column}`)} ${escapeMarkdown(e.message)}`);
    out.push('');
  }
  if (plan.agents.length) {
    out.push('| agent | file | change |', '|---|---|---|');
    for (const agent of plan.agents) {
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
    out.push('');
  }
  const warnings = [...plan.warnings.map((w) => escapeMarkdown(w)), ...plan.agents.flatMap((a) => a.warnings.map((w) => `**${escapeMarkdown(a.name)}**: ${escapeMarkdown(w)}`))];
  if (warnings.length) {
    out.push('<details open><summary>Warnings</summary>', '');
    for (const w of warnings) out.push(`- ${w}`);
    out.push('', '</details>', '');
  }
  if (plan.skipped.length) {
    out.push(`<details><summary>Skipped (${plan.skipped.length})</summary>`, '', '| agent | reason |', '|---|---|');
    for (const s of plan.skipped) out.push(`| ${escapeMarkdown(s.name)} | ${escapeMarkdown(s.reason)} |`);
    out.push('', '</details>', '');
  }
  if (plan.diff) {
    const files = Object.keys(plan.files).length;
    out.push(`<details><summary>Diff (${files} file${files === 1 ? '' : 's'})</summary>`, '', fenced(plan.diff, 'diff'), '', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}
