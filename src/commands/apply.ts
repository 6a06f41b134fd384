import { EXIT } from '../errors.js';
import type { Plan } from '../plan/types.js';
import { planSummaryLine } from '../render/plan-common.js';
import { writeFilesAtomically, type WriteFs } from '../workspace/write-files.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { computePlan } from './compute-plan.js';
import { renderPlan } from './plan.js';

export interface ApplyOptions {
  migration: string;
  format: Format;
}

/** Why a plan must not be written, or undefined when it may. */
export function applyBlocker(plan: Plan): string | undefined {
  if (plan.errors.length) return 'the plan has errors; nothing was written';
  const invalid = plan.skipped.filter((s) => s.code === 'invalid');
  if (invalid.length) {
    return `${invalid.length} agent file(s) this migration affects are invalid (${invalid.map((s) => s.name).join(', ')}); run modelshift validate, fix them, then apply again — nothing was written`;
  }
  return undefined;
}

/** Writes the plan's files all-or-nothing. A second apply finds nothing left to change. */
export async function applyCommand(ctx: CommandContext, opts: ApplyOptions, io?: WriteFs): Promise<CommandResult<Plan>> {
  const { plan, workspace } = await computePlan(ctx, opts.migration);
  const blocker = applyBlocker(plan);
  if (blocker) {
    ctx.stdout(renderPlan(plan, opts.format, ctx.isTTY));
    ctx.stderr(`error: ${blocker}\n`);
    return { exitCode: EXIT.findings, data: plan };
  }
  // Agent files were read by the load; files of spec.references are not modelshift files, and the writer reads those itself.
  const originals = Object.fromEntries(Object.keys(plan.files).flatMap((file) => {
    const text = workspace.files.get(file)?.text;
    return text === undefined ? [] : [[file, text]];
  }));
  writeFilesAtomically(workspace.root, plan.files, { command: `apply ${plan.migration}`, originals, io });
  const written = Object.keys(plan.files).length;
  if (opts.format === 'text') {
    ctx.stdout(renderPlan(plan, opts.format, ctx.isTTY).replace(/Plan: .*\n$/, ''));
    // A second apply is the common way to get here: say why nothing moved rather than count zeroes.
    ctx.stdout(
      written === 0
        ? `Nothing to apply: no agent this migration selects is on ${plan.from.provider}/${plan.from.model} (already applied?); ${plan.summary.skipped} skipped.\n`
        : `Apply complete: ${written} file${written === 1 ? '' : 's'} written. ${planSummaryLine(plan).replace(/^Plan: /, '')}\n`,
    );
  } else {
    ctx.stdout(renderPlan(plan, opts.format, ctx.isTTY));
  }
  return { exitCode: EXIT.ok, data: plan };
}
