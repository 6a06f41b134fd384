import { EXIT, UsageError } from '../errors.js';
import { withMarker } from '../pr/marker.js';
import { describePrOutcome, renderRollbackBody, rollbackHeadline } from '../render/sync-pr.js';
import { Name, type ModelRef } from '../schema/index.js';
import { changePrOutput, openChangePr, proposalHash, type ChangePrOutput } from '../pr/change-pr.js';
import { migrationModelChanges } from '../rollout/rollback-history.js';
import { planRollback, type RollbackPlan } from '../rollout/rollback-plan.js';
import { checkTargets, targetWarnings } from '../rollout/target-check.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult } from './context.js';
import type { PrOptions } from './pr.js';
import { resolveMigration } from './migration-arg.js';
import { load, today } from './validate.js';

export type RollbackOptions = PrOptions & {
  /** Open the PR even when the model an agent goes back to is retired or not enabled on its provider. */
  allowRetired?: boolean;
};

export type RollbackOutput = ChangePrOutput & { skipped: RollbackPlan['skipped'] };

export function rollbackBranch(migration: string): string {
  return `modelshift/${migration}-rollback`;
}

/**
 * `modelshift rollback <migration>`: a PR that puts every agent the migration
 * changed on the base, and that still has what it set, back to the model and
 * params it had before (from first-parent history), and ends the migration's
 * canary where one still runs. The rule itself may be gone already.
 */
export async function rollbackCommand(ctx: CommandContext, opts: RollbackOptions): Promise<CommandResult<RollbackOutput>> {
  const local = await load(ctx);
  const name = await migrationName(local, opts.migration, ctx.cwd);
  let plan: RollbackPlan | undefined;
  let warnings: string[] = [];

  const result = await openChangePr({
    ...opts,
    env: ctx.env,
    root: local.root,
    propose: async (root, commit) => {
      const workspace = await loadWorkspace(root, { today: today(ctx.now) });
      const changes = await migrationModelChanges({ cwd: root, env: ctx.env, signal: ctx.signal, commit }, (m) => m === name);
      const rollback = planRollback(workspace, name, changes);
      plan ??= rollback;
      if (changes.length === 0 && rollback.agents.length === 0) return undefined;
      // Ending a canary leaves an agent's model as it is: only a model put back is a new target.
      const targets = rollback.agents.filter((a) => !sameModel(a.before.spec.model, a.after.spec.model)).map((a) => ({ agent: a.name, model: a.after.spec.model }));
      warnings = targetWarnings(checkTargets(workspace, targets, today(ctx.now)), `roll back ${name}`, opts.allowRetired);
      const agents = rollback.agents.map((a) => a.name);
      const models = (pick: (a: RollbackPlan['agents'][number]) => { provider: string; name: string }) =>
        [...new Set(rollback.agents.map(pick).map((m) => `${m.provider}/${m.name}`))].join(', ');
      return {
        branch: rollbackBranch(name),
        // Named like the trailer, at the end as in the first PR's title: a squash merge keeps only the title.
        title: `Roll back to ${models((a) => a.after.spec.model)} (${name}-rollback)`,
        body: withMarker(renderRollbackBody(rollback, opts.base, warnings), { migration: name, planHash: proposalHash(name, rollback.diff) }),
        commitMessage: `chore(models): roll back ${agents.length} agent${agents.length === 1 ? '' : 's'} from ${name}`,
        // Its own name in history: the rollback is not one more change made by the migration.
        trailers: { migration: `${name}-rollback`, from: models((a) => a.before.spec.model), to: models((a) => a.after.spec.model), agents },
        files: rollback.files,
        reviewers: [...new Set(rollback.agents.flatMap((a) => a.before.metadata.owners ?? []))],
      };
    },
  });

  const pr = changePrOutput(name, plan?.agents.map((a) => a.name) ?? [], result);
  const output: RollbackOutput = { ...pr, warnings: [...warnings, ...pr.warnings], skipped: plan?.skipped ?? [] };
  if (opts.format === 'json') ctx.stdout(`${JSON.stringify(output, null, 2)}\n`);
  else {
    for (const warning of output.warnings) ctx.stderr(`warning: ${warning}\n`);
    for (const s of output.skipped) ctx.stderr(`skipped ${s.name}: ${s.reason}\n`);
    ctx.stdout(result && plan ? `${rollbackHeadline(plan)}\n${describePrOutcome(output)}\n` : `Nothing to roll back: ${name} changed no agent on ${opts.base}.\n`);
  }
  return { exitCode: EXIT.ok, data: output };
}

const sameModel = (a: ModelRef, b: ModelRef) => a.provider === b.provider && a.name === b.name;

/** A rolled-back migration's rule may be deleted already: a plain name is taken as it is. */
async function migrationName(workspace: LoadedWorkspace, arg: string, cwd: string): Promise<string> {
  try {
    return (await resolveMigration(workspace, arg, cwd)).value.metadata.name;
  } catch (error) {
    if (error instanceof UsageError && Name.safeParse(arg).success) return arg;
    throw error;
  }
}
