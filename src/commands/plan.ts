import { EXIT } from '../errors.js';
import type { Plan } from '../plan/types.js';
import { planJson } from '../render/plan-common.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { renderPlanText } from '../render/plan-text.js';
import { referencesJson, renderReferencesMarkdown, renderReferencesText } from '../render/plan-references.js';
import { computePlan } from './compute-plan.js';
import type { CommandContext, CommandResult, Format } from './context.js';

export interface PlanOptions {
  migration: string;
  format: Format;
  /** Exit 1 when the plan would change something (like `terraform plan -detailed-exitcode`). */
  exitCode?: boolean;
}

export function renderPlan(plan: Plan, format: Format, colour: boolean): string {
  const refs = plan.references;
  if (format === 'json') return `${JSON.stringify({ ...planJson(plan), ...(refs?.configured ? { references: referencesJson(refs) } : {}) }, null, 2)}\n`;
  if (format === 'markdown') return renderPlanMarkdown(plan) + (refs ? renderReferencesMarkdown(refs) : '');
  const text = renderPlanText(plan, colour);
  // The references block goes before the summary line, which stays last.
  return refs ? text.replace(/[^\n]*\n$/, (summary) => renderReferencesText(refs, colour) + summary) : text;
}

export async function planCommand(ctx: CommandContext, opts: PlanOptions): Promise<CommandResult<Plan>> {
  const { plan } = await computePlan(ctx, opts.migration);
  ctx.stdout(renderPlan(plan, opts.format, ctx.isTTY));
  const changes = Object.keys(plan.files).length > 0;
  // An agent on the source model that could not be read makes the plan unsafe to apply (apply refuses it): a finding.
  const unsafe = plan.errors.length > 0 || plan.skipped.some((s) => s.code === 'invalid');
  const exitCode = unsafe || (opts.exitCode && changes) ? EXIT.findings : EXIT.ok;
  return { exitCode, data: plan };
}
