import { EXIT, FileError } from '../errors.js';
import { renderValidationMarkdown, renderValidationText, validationReport, type ValidationReport } from '../render/validation.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load.js';
import type { Finding } from '../workspace/types.js';
import type { CommandContext, CommandResult, Format } from './context.js';

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Loads the workspace at `ctx.cwd`; every command that reads the workspace starts here. */
export function load(ctx: CommandContext): Promise<LoadedWorkspace> {
  return loadWorkspace(ctx.cwd, { today: today(ctx.now) });
}

/**
 * A folder without one modelshift file is most often the wrong folder (a
 * missing -C, a wrong working-directory): say so rather than "valid". Only a
 * warning unless `strict`, so a repository can add the workflow first.
 */
export function emptyWorkspaceFinding(workspace: LoadedWorkspace, strict = false): Finding[] {
  if (workspace.files.size > 0) return [];
  return [{
    file: '.', line: 1, column: 1, path: '', rule: 'no-files', severity: strict ? 'error' : 'warning',
    message: 'no modelshift files here, so nothing was checked; run modelshift init to start a workspace, or point at it with -C DIR (working-directory: in the Action)',
  }];
}

export function reportOf(workspace: LoadedWorkspace, opts: { strict?: boolean } = {}): ValidationReport {
  // Counted by what the documents declare, valid or not: a broken agent is still one of the agents checked.
  const { declared } = workspace;
  return validationReport([...workspace.findings, ...emptyWorkspaceFinding(workspace, opts.strict)], {
    files: workspace.files.size,
    agents: declared.Agent,
    providers: declared.Provider,
    migrations: declared.Migration,
    evalSuites: declared.EvalSuite,
  });
}

export async function validateCommand(ctx: CommandContext, opts: { format: Format; strict?: boolean }): Promise<CommandResult<ValidationReport>> {
  const report = reportOf(await load(ctx), { strict: opts.strict });
  ctx.stdout(
    opts.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : opts.format === 'markdown'
        ? renderValidationMarkdown(report)
        : renderValidationText(report, ctx.isTTY),
  );
  return { exitCode: report.ok ? EXIT.ok : EXIT.findings, data: report };
}

/**
 * Eval sends agents' instructions and suites' cases to the providers: a file
 * that validate flags as holding a literal secret is never sent. Throws on
 * the first such finding among `files` (exit 1, with its position).
 */
export function refuseSecrets(workspace: Pick<LoadedWorkspace, 'findings'>, files: Iterable<string>): void {
  const wanted = new Set(files);
  const found = workspace.findings.find((f) => f.rule === 'literal-secret' && wanted.has(f.file));
  if (!found) return;
  throw new FileError(`${found.path || 'the document'} holds what looks like a secret, and eval would send it to the model provider; nothing was sent`, found, 'literal-secret',
    'remove the secret from the file (and revoke it), then run the eval again');
}
