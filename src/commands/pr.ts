import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT } from '../errors.js';
import type { GitIdentity } from '../git/git.js';
import { openChangePr, proposalHash } from '../pr/change-pr.js';
import { fitPrBody } from '../pr/body.js';
import type { PullRequests } from '../pr/pull-requests.js';
import type { SyncResult } from '../pr/sync.js';
import { planMigration } from '../plan/plan.js';
import type { Plan } from '../plan/types.js';
import type { Migration } from '../schema/index.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { planSummaryLine } from '../render/plan-common.js';
import { describePrOutcome } from '../render/sync-pr.js';
import { loadWorkspace } from '../workspace/load.js';
import { applyBlocker } from './apply.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { resolveMigration } from './migration-arg.js';
import { load, today } from './validate.js';

export interface PrOptions {
  migration: string;
  format: Format;
  base: string;
  /** Take the branch back even when a person pushed commits to it. */
  force?: boolean;
  /** Keep the branch of a PR that is over (merged, declined, closed); by default it is deleted. */
  keepBranch?: boolean;
  identity?: GitIdentity;
  /** Tests and the Action pass their own port; the CLI builds one from the environment. */
  prs?: PullRequests;
}

export type PrOutput = Pick<SyncResult, 'operation' | 'number' | 'url' | 'branch' | 'headSha'> & { warnings: string[] };

/**
 * Opens or updates the migration's PR. The plan is made on a fresh checkout
 * of the base (plus the rule as the user has it, so a new rule travels with
 * its PR), never on the user's working tree, which stays untouched.
 */
export async function prCommand(ctx: CommandContext, opts: PrOptions): Promise<CommandResult<PrOutput>> {
  const local = await load(ctx);
  const migration = await resolveMigration(local, opts.migration, ctx.cwd);
  return prForRule(ctx, opts, { root: local.root, file: migration.file, text: local.files.get(migration.file)!.text, name: migration.value.metadata.name });
}

/** A migration rule as `pr` proposes it: the file's path in the workspace and its text, which travels in the PR. */
export interface RuleSource {
  /** The workspace root in the user's checkout. */
  root: string;
  file: string;
  text: string;
  name: string;
}

/** `pr` for a rule given as text: `watch` proposes rules that exist nowhere but in their pull request. */
export async function prForRule(ctx: CommandContext, opts: PrOptions, rule: RuleSource): Promise<CommandResult<PrOutput>> {
  const { name, text: ruleText } = rule;
  const migration = { file: rule.file };
  let plan: Plan | undefined;

  const result = await openChangePr({
    ...opts,
    env: ctx.env,
    root: rule.root,
    propose: async (root) => {
      const withRule = path.join(root, migration.file);
      await mkdir(path.dirname(withRule), { recursive: true });
      await writeFile(withRule, ruleText);
      const workspace = await loadWorkspace(root, { today: today(ctx.now), planning: { migration: name, cwd: root } });
      const planned = planMigration(workspace, [...workspace.migrations.values()].find((m) => m.value.metadata.name === name)!);
      plan ??= planned;
      if (applyBlocker(planned)) return undefined;
      const agents = planned.agents.filter((a) => a.changes.length > 0);
      const from = `${planned.from.provider}/${planned.from.model}`;
      const to = `${planned.to.provider}/${planned.to.model}`;
      const files = Object.keys(planned.files).length ? { [migration.file]: ruleText, ...planned.files } : {};
      return {
        branch: branchName(name),
        title: `Migrate agents ${from} → ${to} (${name})`,
        body: fitPrBody({ plan: planned, marker: { migration: name, planHash: proposalHash(name, planned.diff) }, footer: prFooter(planned), about: about(migration.value) }).body,
        commitMessage: `chore(models): migrate ${agents.length} agent${agents.length === 1 ? '' : 's'} ${planned.from.model} → ${planned.to.model}`,
        trailers: { migration: name, from, to, agents: agents.map((a) => a.name) },
        files,
        reviewers: [...new Set(agents.flatMap((a) => a.before.metadata.owners ?? []))],
      };
    },
  });

  const blocker = plan && applyBlocker(plan);
  if (!result || blocker) {
    if (plan) ctx.stdout(renderPlanMarkdown(plan));
    ctx.stderr(`error: ${blocker ?? 'nothing could be planned'}\n`);
    return { exitCode: EXIT.findings, data: { operation: 'unchanged', branch: branchName(name), warnings: [] } };
  }
  const output: PrOutput = { operation: result.operation, number: result.number, url: result.url, branch: result.branch, headSha: result.headSha, warnings: result.warnings };
  if (opts.format === 'json') {
    ctx.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const warning of result.warnings) ctx.stderr(`warning: ${warning}\n`);
    ctx.stdout(`${planSummaryLine(plan!)}\n${describePrOutcome(output)}\n`);
  }
  return { exitCode: EXIT.ok, data: output };
}

export function branchName(migration: string): string {
  return `modelshift/${migration}`;
}

function prFooter(plan: Plan): string {
  return `Opened by [modelshift](https://github.com/modelshift/modelshift) from \`${plan.migrationFile}\`. To change this PR, edit the migration and run \`modelshift pr ${plan.migration}\` again; commits pushed here by hand stop modelshift from updating the branch.
`;
}

/** What the rule says about itself, for the reviewer. */
function about(rule: Migration): { description?: string; deadline?: string } {
  return { ...(rule.metadata.description ? { description: rule.metadata.description } : {}), ...(rule.spec.deadline ? { deadline: rule.spec.deadline } : {}) };
}
