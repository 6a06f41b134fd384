import { EXIT } from '../errors.js';
import { withMarker } from '../pr/marker.js';
import { candidates, describePrOutcome, promoteHeadline, renderPromoteBody } from '../render/sync-pr.js';
import { changePrOutput, openChangePr, proposalHash, type ChangePrOutput } from '../pr/change-pr.js';
import { planPromotion, type PromotePlan } from '../rollout/promote-plan.js';
import { checkTargets, targetWarnings } from '../rollout/target-check.js';
import { loadWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult } from './context.js';
import type { PrOptions } from './pr.js';
import { resolveMigration } from './migration-arg.js';
import { promoteEvidence, refusal, renderEvidence, type EvidenceOptions, type PromoteEvidence } from './promote-analysis.js';
import { load, today } from './validate.js';

/** Whether the canary analysis gates the step (EvidenceOptions), and the retirement override. */
export type PromoteOptions = PrOptions &
  EvidenceOptions & {
    /** Open the PR even when the candidate is retired or not enabled on its provider. */
    allowRetired?: boolean;
  };

export type PromoteOutput = ChangePrOutput & { step?: { from: number; to: number; cutover: boolean }; analysis?: PromoteEvidence; refused?: string };

/** `modelshift/<migration>-promote-<step>`: one branch per step, so a merged step never blocks the next. */
export function promoteBranch(migration: string, step: number): string {
  return `modelshift/${migration}-promote-${step}`;
}

/**
 * `modelshift promote <migration>`: a PR moving the migration's canary, as
 * merged on the base, to its next rollout step; the last step is the
 * cut-over (the candidate becomes `spec.model`, `spec.rollout` goes).
 */
export async function promoteCommand(ctx: CommandContext, opts: PromoteOptions): Promise<CommandResult<PromoteOutput>> {
  const local = await load(ctx);
  const rule = await resolveMigration(local, opts.migration, ctx.cwd);
  const name = rule.value.metadata.name;
  let plan: PromotePlan | undefined;
  let warnings: string[] = [];
  /** When there is nothing to promote: the agents of the base already on the destination without a canary. */
  let arrived = 0;
  // The analysis decides before anything is pushed; its table goes into the PR body.
  const evidence = await promoteEvidence(ctx, local, rule.value, opts);
  const refused = refusal(evidence);
  if (refused !== undefined) {
    const data: PromoteOutput = { ...changePrOutput(name, [], undefined), analysis: evidence, refused };
    ctx.stdout(opts.format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : `Not promoting ${name}: ${refused}\n`);
    return { exitCode: EXIT.findings, data };
  }

  const result = await openChangePr({
    ...opts,
    env: ctx.env,
    root: local.root,
    propose: async (root) => {
      const workspace = await loadWorkspace(root, { today: today(ctx.now) });
      // The rule as merged decides the steps; one only the user has yet still names its own canary.
      const promotion = planPromotion(workspace, workspace.migrations.get(name)?.value ?? rule.value);
      plan ??= promotion;
      if (!promotion) {
        const { to } = (workspace.migrations.get(name)?.value ?? rule.value).spec;
        arrived = [...workspace.agents.values()].filter(({ value: a }) => !a.spec.rollout && a.spec.model.provider === to.provider && a.spec.model.name === to.model).length;
        return undefined;
      }
      const targets = promotion.agents.map((a) => ({ agent: a.name, model: a.before.spec.rollout!.model }));
      warnings = targetWarnings(checkTargets(workspace, targets, today(ctx.now)), `promote ${name}`, opts.allowRetired);
      const stable = [...new Set(promotion.agents.map((a) => `${a.before.spec.model.provider}/${a.before.spec.model.name}`))].join(', ');
      const agents = promotion.agents.map((a) => a.name);
      return {
        branch: promoteBranch(name, promotion.to),
        // The name ends the title as in the first PR's: a squash merge keeps only the title.
        title: promotion.cutover ? `Cut over to ${candidates(promotion)} (${name})` : `Promote canary to ${promotion.to}% (${name})`,
        body: withMarker(`${renderPromoteBody(promotion, opts.base, warnings)}\n${renderEvidence(evidence)}`, { migration: name, planHash: proposalHash(name, promotion.diff) }),
        commitMessage: promotion.cutover
          ? `chore(models): cut over ${agents.length} agent${agents.length === 1 ? '' : 's'} to ${candidates(promotion)}`
          : `chore(models): promote canary ${name} ${promotion.from}% → ${promotion.to}%`,
        trailers: { migration: name, from: stable, to: candidates(promotion), agents },
        files: promotion.files,
        reviewers: [...new Set(promotion.agents.flatMap((a) => a.before.metadata.owners ?? []))],
      };
    },
  });

  const pr = changePrOutput(name, plan?.agents.map((a) => a.name) ?? [], result);
  const output: PromoteOutput = {
    ...pr,
    warnings: [...warnings, ...pr.warnings],
    ...(plan ? { step: { from: plan.from, to: plan.to, cutover: plan.cutover } } : {}),
    analysis: evidence,
  };
  if (opts.format === 'json') ctx.stdout(`${JSON.stringify(output, null, 2)}\n`);
  else {
    for (const warning of output.warnings) ctx.stderr(`warning: ${warning}\n`);
    ctx.stdout(plan ? `${promoteHeadline(plan)}\n${describePrOutcome(output)}\n` : nothingToPromote(name, opts.base, arrived, rule.value.spec.to));
  }
  return { exitCode: EXIT.ok, data: output };
}

/** After the cut-over the migration is done, which is not the same as a canary never started. */
function nothingToPromote(name: string, base: string, arrived: number, to: { provider: string; model: string }): string {
  if (arrived > 0) {
    return `Nothing to promote: ${name} is complete on ${base}; ${arrived} agent${arrived === 1 ? ' is' : 's are'} on ${to.provider}/${to.model} and no canary is running (modelshift rollback ${name} reverts it).\n`;
  }
  return `Nothing to promote: no agent on ${base} is in the canary of ${name} (modelshift pr ${name} starts it).\n`;
}
