import { planMigration } from '../plan/plan.js';
import type { Plan } from '../plan/types.js';
import { loadWorkspace, type LoadedWorkspace } from '../workspace/load.js';
import type { CommandContext } from './context.js';
import { resolveMigration } from './migration-arg.js';
import { withReferences } from './plan-references.js';
import { today } from './validate.js';

/**
 * Loads the workspace and plans one migration; shared by plan, apply, pr and eval.
 * Apart from the plan's renderers, so `eval` does not load them before its first call.
 */
export async function computePlan(ctx: CommandContext, migration: string): Promise<{ plan: Plan; workspace: LoadedWorkspace }> {
  const workspace = await loadWorkspace(ctx.cwd, { today: today(ctx.now), planning: { migration, cwd: ctx.cwd } });
  const rule = await resolveMigration(workspace, migration, ctx.cwd);
  return { plan: await withReferences(ctx, planMigration(workspace, rule), workspace, rule), workspace };
}
