import { createHash } from 'node:crypto';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT } from '../errors.js';
import { Git, type GitIdentity } from '../git/git.js';
import { gitHubConfig } from '../github/config.js';
import { gitHubPullRequests } from '../github/pull-requests.js';
import { withMarker } from '../pr/marker.js';
import type { PullRequests } from '../pr/pull-requests.js';
import { syncPullRequest, type SyncResult } from '../pr/sync.js';
import { planMigration } from '../plan/plan.js';
import type { Plan } from '../plan/types.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { planSummaryLine } from '../render/plan-common.js';
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
  const git = new Git(local.root);
  const repoRoot = await realpath(await git.root());
  const workspaceDir = path.relative(repoRoot, await realpath(local.root));
  const prs = opts.prs ?? gitHubPullRequests(gitHubConfig(ctx.env, await git.remoteUrl().catch(() => undefined)));
  const ruleText = local.files.get(migration.file)!.text;
  const name = migration.value.metadata.name;

  const planAt = async (dir: string): Promise<Plan> => {
    const root = path.join(dir, workspaceDir);
    await writeText(root, migration.file, ruleText);
    const workspace = await loadWorkspace(root, { today: today(ctx.now) });
    const rule = [...workspace.migrations.values()].find((m) => m.value.metadata.name === name)!;
    return planMigration(workspace, rule);
  };

  // The body, title and trailers depend on the plan, so plan once on the base before syncing.
  const baseSha = await git.fetchBase(opts.base);
  const plan = await git.withWorktree(baseSha, (worktree) => planAt(worktree.dir));
  const blocker = applyBlocker(plan);
  if (blocker) {
    ctx.stdout(renderPlanMarkdown(plan));
    ctx.stderr(`error: ${blocker}\n`);
    return { exitCode: EXIT.findings, data: { operation: 'unchanged', branch: branchName(name), warnings: [] } };
  }

  const agents = plan.agents.filter((a) => a.changes.length > 0);
  const from = `${plan.from.provider}/${plan.from.model}`;
  const to = `${plan.to.provider}/${plan.to.model}`;
  const result = await syncPullRequest({
    git,
    prs,
    base: opts.base,
    branch: branchName(name),
    title: `Migrate agents ${from} → ${to} (${name})`,
    body: withMarker(prBody(plan), { migration: name, planHash: planHash(plan) }),
    commitMessage: `chore(models): migrate ${agents.length} agent${agents.length === 1 ? '' : 's'} ${plan.from.model} → ${plan.to.model}`,
    trailers: { migration: name, from, to, agents: agents.map((a) => a.name) },
    writeChanges: async (dir) => {
      const again = await planAt(dir);
      for (const [file, text] of Object.entries(again.files)) await writeText(path.join(dir, workspaceDir), file, text);
      if (!Object.keys(again.files).length) return [];
      return [migration.file, ...Object.keys(again.files)].map((file) => path.posix.join(workspaceDir.split(path.sep).join('/'), file));
    },
    reviewers: [...new Set(agents.flatMap((a) => a.before.metadata.owners ?? []))],
    force: opts.force,
    identity: opts.identity,
  });

  const output: PrOutput = { operation: result.operation, number: result.number, url: result.url, branch: result.branch, headSha: result.headSha, warnings: result.warnings };
  if (opts.format === 'json') {
    ctx.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    for (const warning of result.warnings) ctx.stderr(`warning: ${warning}\n`);
    ctx.stdout(`${planSummaryLine(plan)}\n${describeOutcome(output)}\n`);
  }
  return { exitCode: EXIT.ok, data: output };
}

export function branchName(migration: string): string {
  return `modelshift/${migration}`;
}

function prBody(plan: Plan): string {
  return `${renderPlanMarkdown(plan)}
---
Opened by [modelshift](https://github.com/modelshift/modelshift) from \`${plan.migrationFile}\`. To change this PR, edit the migration and run \`modelshift pr ${plan.migration}\` again; commits pushed here by hand stop modelshift from updating the branch.
`;
}

/** Identifies the proposed change; the Action compares it to skip work that was already done. */
export function planHash(plan: Plan): string {
  return createHash('sha256').update(plan.migration).update('\0').update(plan.diff).digest('hex').slice(0, 16);
}

function describeOutcome(out: PrOutput): string {
  const pr = out.number !== undefined ? `#${out.number} ${out.url ?? ''}`.trim() : '';
  switch (out.operation) {
    case 'created': return `created pull request ${pr} from ${out.branch}`;
    case 'updated': return `updated pull request ${pr} (${out.branch})`;
    case 'closed': return `closed pull request ${pr}: nothing left to change`;
    case 'unchanged': return pr ? `pull request ${pr} is up to date` : 'nothing to change: no pull request needed';
  }
}

async function writeText(root: string, rel: string, text: string): Promise<void> {
  const target = path.join(root, rel);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
}
