import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, ExternalError } from '../errors.js';
import { Git } from '../git/git.js';
import { upsertCheckComment, type CommentOperation } from '../github/comments.js';
import type { PullRequests } from '../pr/pull-requests.js';
import { evalGroups, gateVerdict, type GateVerdict } from '../review/eval-groups.js';
import { reviewChanges } from '../review/review.js';
import { fitCheckComment } from '../render/comment-fit.js';
import { checkSummaryLine, renderCheckComment, type CheckReport } from '../render/comment.js';
import { renderValidationMarkdown } from '../render/validation.js';
import { findWorkspaceRoot } from '../workspace/root.js';
import { buildWorkspace, loadWorkspace, type LoadedWorkspace } from '../workspace/load.js';
import type { Finding } from '../workspace/types.js';
import { runEvalGroups, runEvalsFor, type EvalMode, type EvalRunner } from './check-evals.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { reviewWithReferences } from './plan-references.js';
import { emptyWorkspaceFinding, reportOf, today } from './validate.js';

export interface CheckOptions {
  /** A workspace folder without modelshift files is an error (the Action's `strict`), not only a warning. */
  strict?: boolean;
  /** The commit the pull request targets; changes are measured from its merge base with `head`. */
  base: string;
  head: string;
  /** The pull request to comment on. */
  pullRequest?: {
    number: number;
    /** From a fork: GitHub gives its workflows no secrets, which the comment explains. */
    fork: boolean;
    /** `pull_request.updated_at` of the event: orders runs that finish out of order. */
    updatedAt: string;
  };
  evalMode: EvalMode;
  /** Where evals run; defaults to `runEvalsFor`. */
  evaluate?: EvalRunner;
  /** Called with every API key read, so the Action can mask it. */
  onSecret?: (value: string) => void;
  /** Evals answer from the cache only. */
  offline?: boolean;
  /** Post or update the sticky comment (needs `prs` and `pullRequest`). */
  comment: boolean;
  prs?: PullRequests;
  /** The workflow run, linked from a shortened comment. */
  runUrl?: string;
  format: Format;
}

/** A finding with its path relative to the repository root, as annotations need it. */
export interface RepoFinding extends Finding {
  /** The file is one this pull request changes; those are annotated first. */
  inPr: boolean;
}

export interface CheckOutput {
  report: CheckReport;
  /** Head validation and unappliable plans, paths relative to the repository root. */
  findings: RepoFinding[];
  valid: boolean;
  agentsChanged: number;
  gate: GateVerdict;
  /** The comment as rendered for the pull request (shortened to fit). */
  comment: { body: string; trimmed: boolean; operation?: CommentOperation; id?: number };
  /** The whole report, nothing left out: for the job summary. */
  fullReport: string;
  /** Problems that did not stop the check (the comment could not be posted). */
  warnings: string[];
}

/**
 * Checks a pull request: validates the head, finds what it changes against
 * its merge base (agents, migration plans), runs evals where allowed, and
 * keeps one sticky comment up to date. Both sides are read from temporary
 * worktrees, so the checkout's state does not matter.
 */
export async function checkCommand(ctx: CommandContext, opts: CheckOptions): Promise<CommandResult<CheckOutput>> {
  const git = new Git(ctx.cwd);
  const repoRoot = await realpath(await git.root());
  const workspaceRoot = await realpath(await findWorkspaceRoot(ctx.cwd));
  const workspaceDir = path.relative(repoRoot, workspaceRoot).split(path.sep).join('/');
  const mergeBase = await git.mergeBase(opts.base, opts.head);

  const inWorkspace = (file: string) => (workspaceDir === '' ? file : file.startsWith(`${workspaceDir}/`) ? file.slice(workspaceDir.length + 1) : undefined);
  const changedFiles = (await git.diff(mergeBase, opts.head))
    .flatMap((change) => [change.path, ...(change.previousPath ? [change.previousPath] : [])])
    .flatMap((file) => inWorkspace(file) ?? []);
  const loadAt = (ref: string) => git.withWorktree(ref, (worktree) => loadIfPresent(path.join(worktree.dir, workspaceDir), today(ctx.now)));
  const base = await loadAt(mergeBase);
  // The references outside modelshift files are counted while the head's files are checked out.
  const { head, review } = await git.withWorktree(opts.head, async (worktree) => {
    const loaded = await loadIfPresent(path.join(worktree.dir, workspaceDir), today(ctx.now));
    return { head: loaded, review: await reviewWithReferences(ctx, reviewChanges(base, loaded, changedFiles), loaded) };
  });
  const validation = reportOf(head, { strict: opts.strict });
  const empty = emptyWorkspaceFinding(head, opts.strict).map((f) => ({ ...f, file: workspaceDir || f.file, inPr: false }));
  const findings = [...repoFindings(head, review, workspaceDir, new Set(changedFiles)), ...empty];
  const valid = !findings.some((f) => f.severity === 'error');

  const connections = new Map([...base.providers].map(([name, loaded]) => [name, loaded.value]));
  // The base's providers (a PR cannot redirect the keys), rooted at the checkout: a committed or restored cache is found there.
  const evalWorkspace: LoadedWorkspace = { ...head, root: workspaceRoot, providers: base.providers };
  const outcomes = await runEvalGroups(ctx, evalGroups(review, head, connections), {
    policy: { mode: opts.evalMode, fork: opts.pullRequest?.fork ?? false, offline: opts.offline, ...(opts.onSecret ? { onSecret: opts.onSecret } : {}) },
    workspace: evalWorkspace,
    evaluate: opts.evaluate ?? runEvalsFor,
  });
  const gate = gateVerdict(outcomes);
  const report: CheckReport = { review, validation, evals: outcomes, gate };
  // The verdict travels in the marker, so `watch --dashboard` can show it next to the PR it belongs to.
  const marker = { head: opts.head, at: opts.pullRequest?.updatedAt ?? ctx.now.toISOString(), gate, evaluatedAt: ctx.now.toISOString() };
  const fitted = fitCheckComment(report, { marker, ...(opts.runUrl ? { runUrl: opts.runUrl } : {}) });

  const warnings: string[] = [];
  const comment: CheckOutput['comment'] = { ...fitted };
  if (opts.comment && opts.prs && opts.pullRequest) {
    try {
      const { warning, ...sticky } = await upsertCheckComment(opts.prs, opts.pullRequest.number, fitted.body, marker);
      Object.assign(comment, sticky);
      if (warning) warnings.push(warning);
    } catch (error) {
      // The comment is a view of the report; the job summary has it too, so a refused comment must not hide the verdict.
      if (!(error instanceof ExternalError)) throw error;
      warnings.push(`the check comment could not be posted: ${error.inOneLine()}; the report is in the job summary`);
    }
  }

  const output: CheckOutput = {
    report,
    findings,
    valid,
    agentsChanged: new Set(review.agents.map((a) => a.name)).size,
    gate,
    comment,
    fullReport: `${renderCheckComment(report)}\n#### Validation\n\n${renderValidationMarkdown(validation)}`,
    warnings,
  };
  ctx.stdout(render(output, opts.format));
  for (const warning of warnings) ctx.stderr(`warning: ${warning}\n`);
  return { exitCode: valid && gate !== 'failed' ? EXIT.ok : EXIT.findings, data: output };
}

/** A workspace folder the commit does not have yet (the PR creates it) is an empty workspace. */
async function loadIfPresent(dir: string, day: string): Promise<LoadedWorkspace> {
  const present = await access(dir).then(() => true, () => false);
  return present ? loadWorkspace(dir, { today: day }) : buildWorkspace(dir, [], [], { today: day });
}

function repoFindings(head: LoadedWorkspace, review: CheckReport['review'], workspaceDir: string, changed: ReadonlySet<string>): RepoFinding[] {
  const planErrors: Finding[] = review.migrations.flatMap((m) =>
    m.plan.errors.map((e) => ({ ...e, path: '', rule: 'plan', severity: 'error' as const, message: `migration ${m.name} cannot be applied here: ${e.message}` })),
  );
  return [...head.findings, ...planErrors].map((f) => ({
    ...f,
    file: workspaceDir === '' ? f.file : `${workspaceDir}/${f.file}`,
    inPr: changed.has(f.file),
  }));
}

function render(output: CheckOutput, format: Format): string {
  if (format === 'markdown') return output.fullReport;
  if (format === 'json') {
    const { valid, agentsChanged, gate, warnings } = output;
    const evals = output.report.evals.map((o) => ({
      migration: o.group.migration ?? null,
      status: o.status,
      ...(o.status === 'ran' ? { gate: o.report.gate } : { reason: o.reason }),
    }));
    const agents = output.report.review.agents.map(({ name, kind, file, migration, changes }) => ({ name, kind, file, migration: migration ?? null, changes }));
    return `${JSON.stringify({ valid, agentsChanged, gate, agents, evals, comment: { operation: output.comment.operation ?? null, id: output.comment.id ?? null }, warnings }, null, 2)}\n`;
  }
  return `${checkSummaryLine(output.report)}\nvalid: ${output.valid} · gate: ${output.gate}${output.comment.operation ? ` · comment ${output.comment.operation}` : ''}\n`;
}
