import type { FieldChange, Plan } from '../plan/types.js';

/** `Plan: 14 agents to migrate, 2 skipped, 3 warnings.` — the line scripts and reviewers read first. */
export function planSummaryLine(plan: Plan): string {
  const n = plan.summary;
  const verb = plan.rollout ? 'to start a canary' : 'to migrate';
  const errors = plan.errors.length ? `, ${plan.errors.length} error${plan.errors.length === 1 ? '' : 's'}` : '';
  return `Plan: ${n.migrate} agent${n.migrate === 1 ? '' : 's'} ${verb}, ${n.skipped} skipped, ${n.warnings} warning${n.warnings === 1 ? '' : 's'}${errors}.`;
}

/** A value as a reviewer reads it in one line: long or multi-line text is shortened, the diff has it whole. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string' && value.includes('\n')) return `(${value.split('\n').length} lines of text, see the diff)`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** An added mapping shown as its leaves (`spec.rollout.model.name: …`), so nothing hides behind an ellipsis. */
export function displayChanges(changes: readonly FieldChange[]): FieldChange[] {
  return changes.flatMap((change) => (changeKind(change) === 'add' ? leaves(change.path, change.after) : [change]));
}

function leaves(path: string, value: unknown): FieldChange[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path, before: undefined, after: value }];
  return Object.entries(value).flatMap(([key, v]) => leaves(`${path}.${key}`, v));
}

/** `"gpt-4.1" → "gpt-5.1"`, or for edited text just that it changed; the diff shows how. */
export function describeChange(change: FieldChange): string {
  const multiline = (v: unknown) => typeof v === 'string' && v.includes('\n');
  if (multiline(change.before) || multiline(change.after)) return 'text edited (see the diff)';
  return `${formatValue(change.before)} → ${formatValue(change.after)}`;
}

export type ChangeKind = 'add' | 'remove' | 'change';

export function changeKind(change: FieldChange): ChangeKind {
  return change.before === undefined ? 'add' : change.after === undefined ? 'remove' : 'change';
}

/**
 * Skipped agents grouped by reason, in order of first appearance: a reason
 * that names a long `select.names` list is said once, not once per agent.
 */
export function skippedByReason(skipped: readonly { name: string; reason: string }[]): { reason: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const s of skipped) groups.set(s.reason, [...(groups.get(s.reason) ?? []), s.name]);
  return [...groups].map(([reason, names]) => ({ reason, names }));
}

/** `a, b, c and 7 more`: at most `max` names. */
export function nameList(names: readonly string[], max: number, escape: (text: string) => string): string {
  const shown = names.slice(0, max).map(escape).join(', ');
  const rest = names.length - Math.min(max, names.length);
  if (rest === 0) return shown;
  return shown ? `${shown} and ${rest} more` : `${rest} agent${rest === 1 ? '' : 's'}`;
}

/** DESIGN §2 `plan` JSON: the stable shape, without the internal `before`/`after` agents and file texts. */
export function planJson(plan: Plan) {
  return {
    migration: plan.migration,
    from: plan.from,
    to: plan.to,
    // An added or removed field has `before` or `after` null, so every change has both keys.
    agents: plan.agents.map((a) => ({ name: a.name, file: a.file, changes: a.changes.map(({ path, before, after }) => ({ path, before: before ?? null, after: after ?? null })), warnings: a.warnings })),
    skipped: plan.skipped,
    warnings: plan.warnings,
    errors: plan.errors,
    summary: plan.summary,
    diff: plan.diff,
  };
}
