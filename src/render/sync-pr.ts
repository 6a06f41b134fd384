import type { AgentEdit } from '../rollout/agent-edits.js';
import type { PromotePlan } from '../rollout/promote-plan.js';
import type { RollbackPlan } from '../rollout/rollback-plan.js';
import { escapeMarkdown } from './escape.js';
import { changeKind, describeChange, displayChanges, formatValue } from './plan-common.js';
import { fenced } from './plan-markdown.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const code = (text: string) => `\`${text.replace(/`/g, '')}\``;

/** `provider/name` of the candidates a promotion moves traffic to. */
export function candidates(plan: PromotePlan): string {
  return [...new Set(plan.agents.map((a) => `${a.before.spec.rollout!.model.provider}/${a.before.spec.rollout!.model.name}`))].join(', ');
}

/** One line: what the promotion does. */
export function promoteHeadline(plan: PromotePlan): string {
  const agents = plural(plan.agents.length, 'agent');
  return plan.cutover
    ? `Cut-over: ${agents} switch to ${candidates(plan)}; the canary of ${plan.migration} ends`
    : `${agents} send ${plan.to}% of conversations to ${candidates(plan)} (was ${plan.from}%)`;
}

export function renderPromoteBody(plan: PromotePlan, base: string, warnings: readonly string[] = []): string {
  const next = plan.cutover
    ? 'This is the last step: after it merges, the migration is done.'
    : `After it merges and the canary looks right, run \`modelshift promote ${plan.migration}\` for the next step.`;
  return [
    `### Canary ${code(plan.migration)}: ${plan.from}% → ${plan.cutover ? 'cut-over' : `${plan.to}%`}`,
    '',
    `**${escapeMarkdown(promoteHeadline(plan))}**`,
    '',
    ...warningList(warnings),
    ...changeTable(plan.agents),
    ...diffSection(plan.diff),
    '---',
    `Opened by [modelshift](https://github.com/modelshift/modelshift) from \`${base}\`. ${next}`,
    '',
  ].join('\n');
}

export function rollbackHeadline(plan: RollbackPlan): string {
  return `${plural(plan.agents.length, 'agent')} go back to their model from before ${plan.migration} · ${plan.skipped.length} skipped`;
}

export function renderRollbackBody(plan: RollbackPlan, base: string, warnings: readonly string[] = []): string {
  const out = [`### Roll back ${code(plan.migration)}`, '', `**${escapeMarkdown(rollbackHeadline(plan))}**`, '', ...warningList(warnings), ...changeTable(plan.agents)];
  if (plan.skipped.length) {
    out.push(`<details open><summary>Skipped (${plan.skipped.length})</summary>`, '', '| agent | reason |', '|---|---|');
    for (const s of plan.skipped) out.push(`| ${escapeMarkdown(s.name)} | ${escapeMarkdown(s.reason)} |`);
    out.push('', '</details>', '');
  }
  out.push(
    ...diffSection(plan.diff),
    '---',
    `Opened by [modelshift](https://github.com/modelshift/modelshift) from the history of \`${base}\`. Only the model and its params go back; instructions stay as they are. While the rule stays as it is, \`modelshift pr ${plan.migration}\` would migrate these agents again: narrow or remove it.`,
    '',
  );
  return out.join('\n');
}

function changeTable(edits: readonly AgentEdit[]): string[] {
  if (edits.length === 0) return [];
  const rows = edits.map((edit) => {
    const changes = displayChanges(edit.changes)
      .map((change) => {
        const kind = changeKind(change);
        if (kind === 'add') return `+ ${code(change.path)} ${escapeMarkdown(formatValue(change.after))}`;
        if (kind === 'remove') return `− ${code(change.path)}`;
        return `${code(change.path)} ${escapeMarkdown(describeChange(change))}`;
      })
      .join('<br>');
    // Owners in code spans: shown, but not pinged again on every update of the PR.
    const owners = edit.before.metadata.owners?.map(code).join(', ');
    return `| ${escapeMarkdown(edit.name)}${owners ? ` (${owners})` : ''} | ${code(edit.file)} | ${changes} |`;
  });
  return ['| agent | file | change |', '|---|---|---|', ...rows, ''];
}

/** What validate says about the target models (retiring soon, or retired and let through with --allow-retired), above the table. */
function warningList(warnings: readonly string[]): string[] {
  return warnings.length === 0 ? [] : [...warnings.map((w) => `> [!WARNING]\n> ${escapeMarkdown(w)}\n`), ''];
}

function diffSection(diff: string): string[] {
  return diff ? ['<details><summary>Diff</summary>', '', fenced(diff, 'diff'), '', '</details>', ''] : [];
}

/** What happened to the pull request, in one line. */
export function describePrOutcome(out: { operation: 'created' | 'updated' | 'closed' | 'unchanged' | 'declined'; number?: number; url?: string; branch?: string }): string {
  const pr = out.number !== undefined ? `#${out.number} ${out.url ?? ''}`.trim() : '';
  switch (out.operation) {
    case 'created':
      return `created pull request ${pr} from ${out.branch ?? ''}`.trimEnd();
    case 'updated':
      return `updated pull request ${pr} (${out.branch ?? ''})`;
    case 'closed':
      return `closed pull request ${pr}: nothing left to change`;
    case 'unchanged':
      return pr ? `pull request ${pr} is up to date` : 'nothing to change: no pull request needed';
    case 'declined':
      return `pull request ${pr} was closed without merging; it stays closed until the change differs (run with --force to open it again)`;
  }
}
