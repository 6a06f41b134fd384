import type { Plan } from '../plan/types.js';
import { palette } from './colour.js';
import { changeKind, describeChange, displayChanges, formatValue, planSummaryLine } from './plan-common.js';

/** Terraform-like terminal output: per-agent changes, warnings, skipped, the diff, and the summary last. */
export function renderPlanText(plan: Plan, colour: boolean): string {
  const c = palette(colour);
  const out: string[] = [];
  const arrow = `${plan.from.provider}/${plan.from.model} → ${plan.to.provider}/${plan.to.model}`;
  out.push(c.bold(`Migration ${plan.migration}: ${arrow}${plan.rollout ? ' (canary)' : ''}`), '');

  for (const agent of plan.agents) {
    out.push(`${c.yellow('~')} ${c.bold(agent.name)}  ${c.dim(agent.file)}`);
    for (const change of displayChanges(agent.changes)) {
      const kind = changeKind(change);
      if (kind === 'add') out.push(`    ${c.green('+')} ${change.path}: ${formatValue(change.after)}`);
      else if (kind === 'remove') out.push(`    ${c.red('-')} ${change.path}: ${formatValue(change.before)}`);
      else out.push(`    ${c.yellow('~')} ${change.path}: ${describeChange(change)}`);
    }
    for (const warning of agent.warnings) out.push(`    ${c.yellow('!')} ${warning}`);
    out.push('');
  }
  if (plan.skipped.length) {
    out.push(c.bold('Skipped:'));
    for (const s of plan.skipped) out.push(`  ${s.name}: ${s.reason}`);
    out.push('');
  }
  if (plan.warnings.length) {
    out.push(c.bold('Warnings:'));
    for (const w of plan.warnings) out.push(`  ${c.yellow('!')} ${w}`);
    out.push('');
  }
  if (plan.errors.length) {
    out.push(c.bold(c.red('Errors (nothing can be applied until they are fixed):')));
    for (const e of plan.errors) out.push(`  ${e.file}:${e.line}:${e.column}: ${e.message}`);
    out.push('');
  }
  if (plan.diff) {
    for (const line of plan.diff.replace(/\n$/, '').split('\n')) {
      out.push(line.startsWith('+') && !line.startsWith('+++') ? c.green(line) : line.startsWith('-') && !line.startsWith('---') ? c.red(line) : line.startsWith('@@') ? c.dim(line) : line);
    }
    out.push('');
  }
  out.push(c.bold(planSummaryLine(plan)));
  return `${out.join('\n')}\n`;
}
