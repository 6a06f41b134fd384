import path from 'node:path';
import { EXIT, UsageError } from '../errors.js';
import { runEvaluation, type AgentPair, type EvalReport } from '../eval/index.js';
import { createClient } from '../llm/index.js';
import type { Plan } from '../plan/types.js';
import { renderEvalMarkdown } from '../render/eval-markdown.js';
import { progressLine, renderEvalText } from '../render/eval-text.js';
import type { Agent, EvalSuite, Gate, Provider } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { resolveOutputs, writeOutputs } from './eval-output.js';
import { computePlan } from './plan.js';

export interface EvalOptions {
  migration: string;
  format: Format;
  /** Only this suite (by name), instead of the migration's. */
  suite?: string;
  concurrency?: number;
  /** Answer only from the cache; a miss is an error. */
  offline?: boolean;
  /** `--output PATH`, repeatable: files written besides stdout, format by extension. */
  outputs?: string[];
}

export const EVAL_DEFAULTS = { concurrency: 4, timeoutMs: 60_000, retries: 2, cacheDir: '.modelshift/cache' };

/** The config an agent is evaluated with after the plan: for a canary, the candidate model. */
export function headConfig(after: Agent): Agent {
  return after.spec.rollout ? { ...after, spec: { ...after.spec, model: after.spec.rollout.model } } : after;
}

/** Base and head of every agent the plan changes, with the providers that serve each side. */
export function pairsOf(plan: Plan, workspace: LoadedWorkspace): AgentPair[] {
  const provider = (name: string): Provider => workspace.providers.get(name)!.value;
  return plan.agents.map((agent) => {
    const head = headConfig(agent.after);
    return {
      agent: agent.name,
      base: { agent: agent.before, provider: provider(agent.before.spec.model.provider) },
      head: { agent: head, provider: provider(head.spec.model.provider) },
    };
  });
}

export interface EvalRun {
  pairs: AgentPair[];
  suites: string[];
  gate?: Gate;
  /** Narrows each suite's cases (repair's train and held-out shares); a suite left with none is not run. */
  cases?: (suite: EvalSuite) => EvalSuite;
}

/** Runs pairs against their suites with the workspace's eval settings; keys come from `ctx.env`, read here at the edge. */
export async function evaluate(ctx: CommandContext, workspace: LoadedWorkspace, run: EvalRun, opts: Pick<EvalOptions, 'concurrency' | 'offline'>): Promise<EvalReport> {
  const settings = { ...EVAL_DEFAULTS, ...workspace.config?.value.spec.eval };
  const suites = run.suites.map((name) => {
    const suite = workspace.evalSuites.get(name);
    if (!suite) throw new UsageError(`no eval suite named "${name}"`, `known suites: ${[...workspace.evalSuites.keys()].sort().join(', ') || 'none'}`);
    return run.cases ? run.cases(suite.value) : suite.value;
  }).filter((suite) => suite.spec.cases.length > 0);
  const progress = ctx.isTTY ? (p: Parameters<typeof progressLine>[0]) => ctx.stderr(`\r\u001b[2K${progressLine(p)}`) : undefined;
  const report = await runEvaluation({
    pairs: run.pairs,
    suites,
    providers: [...workspace.providers.values()].map((p) => p.value),
    ...(run.gate ? { gate: run.gate } : {}),
    catalog: workspace.catalog,
    clientFor: (provider) =>
      createClient(provider, { apiKey: provider.spec.apiKeyEnv ? ctx.env[provider.spec.apiKeyEnv] : undefined }, { timeoutMs: settings.timeoutMs, maxRetries: settings.retries }),
    cacheDir: path.resolve(workspace.root, settings.cacheDir),
    offline: opts.offline,
    concurrency: opts.concurrency ?? settings.concurrency,
    signal: ctx.signal,
    onProgress: progress,
  });
  if (progress) ctx.stderr('\r\u001b[2K');
  return report;
}

export function renderEval(report: EvalReport, format: Format, colour: boolean): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return renderEvalMarkdown(report);
  return renderEvalText(report, { color: colour });
}

/** `modelshift eval <migration>`: every agent the plan changes, as it is (base) and as the plan makes it (head). */
export async function evalCommand(ctx: CommandContext, opts: EvalOptions): Promise<CommandResult<EvalReport | null>> {
  const outputs = resolveOutputs(ctx.cwd, opts.outputs ?? []);
  const { plan, workspace } = await computePlan(ctx, opts.migration);
  const rule = workspace.migrations.get(plan.migration)!.value;
  const suites = opts.suite ? [opts.suite] : (rule.spec.eval?.suites ?? []);
  if (!suites.length) {
    ctx.stdout(`evals are not configured for ${plan.migration}: add spec.eval.suites to the migration, or pass --suite NAME\n`);
    return { exitCode: EXIT.ok, data: null };
  }
  const report = await evaluate(ctx, workspace, { pairs: pairsOf(plan, workspace), suites, gate: rule.spec.eval?.gate }, opts);
  await writeOutputs(outputs, report);
  ctx.stdout(renderEval(report, opts.format, ctx.isTTY));
  return { exitCode: report.gate.passed ? EXIT.ok : EXIT.findings, data: report };
}
