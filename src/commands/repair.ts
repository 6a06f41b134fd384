import { writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { editYaml } from '../edit/index.js';
import { EXIT, UsageError } from '../errors.js';
import { ResponseCache } from '../eval/cache.js';
import { ModelCaller } from '../eval/caller.js';
import { catalogPrices } from '../eval/stats.js';
import type { LlmRequest } from '../llm/types.js';
import { planMigration } from '../plan/plan.js';
import { evidenceFile } from '../repair/evidence.js';
import { runRepair } from '../repair/loop.js';
import { shareCases, MIN_HOLDOUT_CASES, type Share } from '../repair/split.js';
import type { RepairReport } from '../repair/types.js';
import { renderRepairMarkdown, renderRepairText } from '../render/repair.js';
import type { Migration, MigrationSpec, Provider } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { Loaded } from '../workspace/types.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { callSettings, evaluate, headConfig, pairsOf } from './eval.js';
import { computePlan } from './compute-plan.js';

export interface RepairOptions {
  migration: string;
  format: Format;
  attempts?: number;
  budgetUsd?: number;
  write?: boolean;
  concurrency?: number;
  /** Answer every call, the proposer's too, from the eval cache. */
  offline?: boolean;
}

export const REPAIR_DEFAULTS = { attempts: 3, budgetUsd: 2, holdout: 0.3 };

/**
 * `modelshift repair <migration>`: asks a model for instruction edits that fix
 * the head's regressions, tries each on the training share of the cases, and
 * keeps one only if the held-out share confirms it. `--write` puts the
 * accepted edit into the rule's `spec.instructions`, byte-minimal.
 */
export async function repairCommand(ctx: CommandContext, opts: RepairOptions): Promise<CommandResult<RepairReport>> {
  const { plan, workspace } = await computePlan(ctx, opts.migration);
  const loaded = workspace.migrations.get(plan.migration)!;
  const rule = loaded.value;
  const settings = rule.spec.eval?.repair ?? workspace.config?.value.spec.eval?.repair;
  if (!settings) {
    throw new UsageError(`${plan.migration} has no repair settings`, 'add spec.eval.repair: { provider: openai, model: gpt-5.1 } to the migration (or spec.eval.repair to modelshift.yaml): the model that proposes the edits');
  }
  const suiteNames = rule.spec.eval?.suites ?? [];
  if (!suiteNames.length) throw new UsageError(`${plan.migration} has no eval suites, so no repair can be proven`, 'add spec.eval.suites to the migration');
  const proposer = workspace.providers.get(settings.provider)?.value;
  if (!proposer) throw new UsageError(`spec.eval.repair.provider "${settings.provider}" is not a provider of this workspace`, `known providers: ${[...workspace.providers.keys()].sort().join(', ')}`);

  const holdout = settings.holdout ?? REPAIR_DEFAULTS.holdout;
  const suites = suiteNames.flatMap((name) => workspace.evalSuites.get(name)?.value ?? []);
  const count = (share: Share) => suites.reduce((n, s) => n + (shareCases(s, plan.migration, holdout, share).spec.cases ?? []).length, 0);
  const split = { holdout, trainCases: count('train'), holdoutCases: count('holdout') };
  const attempts = opts.attempts ?? settings.attempts ?? REPAIR_DEFAULTS.attempts;
  const budgetUsd = opts.budgetUsd ?? settings.budgetUsd ?? REPAIR_DEFAULTS.budgetUsd;

  let report: RepairReport;
  if (split.holdoutCases < MIN_HOLDOUT_CASES || split.trainCases < 1) {
    report = {
      migration: plan.migration, proposer: { provider: settings.provider, model: settings.model }, split, attempts: [], verdict: 'too-small', costUsd: 0, budgetUsd,
      reasons: [`the suites have ${split.trainCases} training and ${split.holdoutCases} held-out cases; a repair needs at least ${MIN_HOLDOUT_CASES} held-out cases to be trusted — add cases to ${suiteNames.join(', ')}`],
    };
  } else {
    report = await runRepair(
      { migration: plan.migration, rule: rule.spec, proposer: { provider: proposer, model: settings.model }, attempts, budgetUsd, holdout,
        trainSuites: suites.map((s) => shareCases(s, plan.migration, holdout, 'train')), split },
      await ports(ctx, workspace, loaded, proposer, { holdout, concurrency: opts.concurrency, offline: opts.offline ?? false }),
    );
  }

  if (opts.write && report.accepted) {
    report.written = await writeInstructions(workspace, loaded, report.accepted.instructions);
    // The evidence `pr` puts into the PR body, for as long as the rule carries exactly this edit.
    await writeAtomic(path.join(workspace.root, evidenceFile(loaded.file)), `${JSON.stringify(report, null, 2)}\n`);
  }
  ctx.stdout(opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : opts.format === 'markdown' ? renderRepairMarkdown(report) : renderRepairText(report, opts.write ?? false));
  const ok = report.verdict === 'accepted' || report.verdict === 'nothing-to-repair';
  return { exitCode: ok ? EXIT.ok : EXIT.findings, data: report };
}

async function ports(ctx: CommandContext, workspace: LoadedWorkspace, loaded: Loaded<Migration>, proposer: Provider, opts: { holdout: number; concurrency?: number; offline: boolean }) {
  const withInstructions = (instructions: MigrationSpec['instructions']): Loaded<Migration> => {
    const spec: MigrationSpec = { ...loaded.value.spec };
    if (instructions) spec.instructions = instructions;
    else delete spec.instructions;
    return { ...loaded, value: { ...loaded.value, spec } };
  };
  // The proposer's answers go into the eval cache like any model's: a re-run (and --offline) gets the same proposals.
  const calls = await callSettings(ctx, workspace);
  const caller = new ModelCaller({
    clientFor: calls.clientFor,
    cache: new ResponseCache(calls.cacheDir, calls.redact),
    offline: opts.offline,
    concurrency: 1,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (!opts.offline) caller.prepare(proposer);
  const price = catalogPrices(workspace.catalog);
  const rule = loaded.value;
  return {
    evaluate: (instructions: MigrationSpec['instructions'], share: Share) => {
      const plan = planMigration(workspace, withInstructions(instructions));
      return evaluate(ctx, workspace, {
        pairs: pairsOf(plan, workspace), suites: rule.spec.eval!.suites, ...(rule.spec.eval?.gate && { gate: rule.spec.eval.gate }),
        cases: (suite) => shareCases(suite, rule.metadata.name, opts.holdout, share),
      }, { concurrency: opts.concurrency, offline: opts.offline });
    },
    headInstructions: (instructions: MigrationSpec['instructions']) =>
      planMigration(workspace, withInstructions(instructions)).agents.map((a) => ({ agent: a.name, text: headConfig(a.after).spec.instructions })),
    propose: async (request: LlmRequest) => {
      const { response: answer } = await caller.call(proposer, request, 1);
      const unit = price(proposer.spec.type, request.model);
      const costUsd = unit ? (answer.usage.inputTokens * unit.inputPerMTok + answer.usage.outputTokens * unit.outputPerMTok) / 1e6 : null;
      return { text: answer.text, costUsd };
    },
  };
}

/** The accepted edits into the rule's `spec.instructions`, through the byte-minimal editor; the write is atomic. */
async function writeInstructions(workspace: LoadedWorkspace, loaded: Loaded<Migration>, instructions: NonNullable<MigrationSpec['instructions']>): Promise<string> {
  const source = workspace.files.get(loaded.file)!.text;
  const text = editYaml(source, [{ doc: loaded.doc, ops: [{ op: 'set', path: ['spec', 'instructions'], value: instructions }] }]);
  await writeAtomic(path.join(workspace.root, loaded.file), text);
  return loaded.file;
}

async function writeAtomic(target: string, text: string): Promise<void> {
  await writeFile(`${target}.modelshift-tmp`, text);
  await rename(`${target}.modelshift-tmp`, target);
}
