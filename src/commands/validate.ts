import { EXIT } from '../errors.js';
import { renderValidationMarkdown, renderValidationText, validationReport, type ValidationReport } from '../render/validation.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult, Format } from './context.js';

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Loads the workspace at `ctx.cwd`; every command that reads the workspace starts here. */
export function load(ctx: CommandContext): Promise<LoadedWorkspace> {
  return loadWorkspace(ctx.cwd, { today: today(ctx.now) });
}

export function reportOf(workspace: LoadedWorkspace): ValidationReport {
  // Counted by what the documents declare, valid or not: a broken agent is still one of the agents checked.
  const { declared } = workspace;
  return validationReport(workspace.findings, {
    files: workspace.files.size,
    agents: declared.Agent,
    providers: declared.Provider,
    migrations: declared.Migration,
    evalSuites: declared.EvalSuite,
  });
}

export async function validateCommand(ctx: CommandContext, opts: { format: Format }): Promise<CommandResult<ValidationReport>> {
  const report = reportOf(await load(ctx));
  ctx.stdout(
    opts.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : opts.format === 'markdown'
        ? renderValidationMarkdown(report)
        : renderValidationText(report, ctx.isTTY),
  );
  return { exitCode: report.ok ? EXIT.ok : EXIT.findings, data: report };
}
