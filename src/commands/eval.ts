import { deprecationNotices } from '../catalog/check.js';
import { EXIT, UsageError } from '../errors.js';
import { gatherEvaluation, runEvaluation, type AgentPair, type EvalReport, type EvaluationInput, type EvaluationOptions, type Progress } from '../eval/index.js';
import { partOf, runFingerprint, type EvalPart, type Shard } from '../eval/shard.js';
import { batchFactories, supportsBatch } from '../batch/backends.js';
import type { PollSchedule } from '../batch/run.js';
import { createClient } from '../llm/index.js';
import type { Plan } from '../plan/types.js';
import type { Agent, EvalSuite, Gate, Provider } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import type { OutputTarget } from './eval-output.js';
import { computePlan } from './compute-plan.js';
import { resolveInside } from '../workspace/inside.js';
import { redactor, secretsFromEnv } from '../secrets/redact.js';
import { refuseSecrets, today } from './validate.js';

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
  /** `--shard K/N`: run one part and write it to the `.json` output, for `eval merge`. */
  shard?: Shard;
  /** `--batch`: the providers' batch APIs instead of online calls (also `spec.eval.batch` of the migration). */
  batch?: boolean;
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
  /** The migration's `spec.eval.batch`. */
  batch?: boolean;
}

/** Runs pairs against their suites with the workspace's eval settings; keys come from `ctx.env`, read here at the edge. */
export async function evaluate(ctx: CommandContext, workspace: LoadedWorkspace, run: EvalRun, opts: Pick<EvalOptions, 'concurrency' | 'offline' | 'batch'>): Promise<EvalReport> {
  const options = await evaluationOptions(ctx, workspace, run, opts);
  return withProgress(ctx, (onProgress) => runEvaluation({ ...options, ...(onProgress ? { onProgress } : {}) }));
}

/** The options `runEvaluation` takes, from the workspace's settings and the flags. */
async function evaluationOptions(
  ctx: CommandContext,
  workspace: LoadedWorkspace,
  run: EvalRun,
  opts: Pick<EvalOptions, 'concurrency' | 'offline' | 'shard' | 'batch'>,
): Promise<EvaluationOptions> {
  const settings = { ...EVAL_DEFAULTS, ...workspace.config?.value.spec.eval };
  // --offline answers from the cache, batch answers included: a rule's spec.eval.batch does not stand in its way.
  if (opts.batch && opts.offline) throw new UsageError('--batch and --offline do not go together: --offline makes no calls', 'drop one of them');
  const batch = !opts.offline && (opts.batch || run.batch) === true;
  if (batch) checkBatchable(run);
  const suites = run.suites.map((name) => {
    const suite = workspace.evalSuites.get(name);
    if (!suite) throw new UsageError(`no eval suite named "${name}"`, `known suites: ${[...workspace.evalSuites.keys()].sort().join(', ') || 'none'}`);
    return run.cases ? run.cases(suite.value) : suite.value;
  }).filter((suite) => (suite.spec.cases ?? []).length > 0);
  refuseSecrets(workspace, [...run.suites.map((name) => workspace.evalSuites.get(name)!.file), ...run.pairs.flatMap((p) => workspace.agents.get(p.agent)?.file ?? [])]);
  // The side being moved to: that the side being left retires is why the migration exists.
  const models = run.pairs.map((p) => p.head.agent.spec.model.name);
  for (const notice of deprecationNotices(workspace.catalog, models, today(ctx.now))) ctx.stderr(`warning: ${notice}\n`);
  return {
    pairs: run.pairs,
    suites,
    providers: [...workspace.providers.values()].map((p) => p.value),
    ...(run.gate ? { gate: run.gate } : {}),
    catalog: workspace.catalog,
    ...(await callSettings(ctx, workspace)),
    offline: opts.offline,
    concurrency: opts.concurrency ?? settings.concurrency,
    signal: ctx.signal,
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(batch ? { batch: batchOptions(ctx, settings) } : {}),
  };
}

/** How a run reaches the models and where it keeps their answers: the part of the options `repair`'s proposer shares. */
export async function callSettings(ctx: CommandContext, workspace: LoadedWorkspace): Promise<Pick<EvaluationOptions, 'clientFor' | 'cacheDir' | 'redact'>> {
  const settings = { ...EVAL_DEFAULTS, ...workspace.config?.value.spec.eval };
  return {
    clientFor: (provider) =>
      createClient(provider, { apiKey: provider.spec.apiKeyEnv ? ctx.env[provider.spec.apiKeyEnv] : undefined }, { timeoutMs: settings.timeoutMs, maxRetries: settings.retries }),
    cacheDir: await resolveInside(workspace.root, settings.cacheDir, 'spec.eval.cacheDir'),
    redact: redactor(secretsFromEnv(ctx.env, [...workspace.providers.values()].flatMap((p) => p.value.spec.apiKeyEnv ?? []))),
  };
}

/** Failed batch requests per provider retried online at full price; more are reported, and a re-run submits them again. */
const ONLINE_RETRIES = 100;

function batchOptions(ctx: CommandContext, settings: typeof EVAL_DEFAULTS): NonNullable<EvaluationOptions['batch']> {
  return {
    backendFor: (provider) =>
      batchFactories[provider.spec.type]!(provider, { apiKey: provider.spec.apiKeyEnv ? ctx.env[provider.spec.apiKeyEnv] : undefined }, { timeoutMs: settings.timeoutMs, maxRetries: settings.retries }),
    poll: pollSchedule(ctx.env.MODELSHIFT_BATCH_POLL_MS),
    onlineRetries: ONLINE_RETRIES,
    // A terminal shows every few seconds; a CI log gets a line per half minute and provider, plus one per event.
    progressEveryMs: ctx.isTTY ? 2_000 : 30_000,
    onProgress: (line) => ctx.stderr(line),
  };
}

/** Every agent's provider must have a batch API modelshift drives; checked before any call. */
function checkBatchable(run: EvalRun): void {
  for (const pair of run.pairs) {
    for (const side of ['base', 'head'] as const) {
      const { provider } = pair[side];
      if (supportsBatch(provider.spec.type)) continue;
      throw new UsageError(
        `provider ${provider.metadata.name} (type ${provider.spec.type}, agent ${pair.agent} ${side}) has no batch API modelshift can use`,
        'batches run on providers of type openai and anthropic; run this eval without --batch (and without spec.eval.batch in the migration)',
      );
    }
  }
}

/** Most batches end within the hour: a first look after 5 s, then every minute at most. */
const DEFAULT_POLL: PollSchedule = { initialMs: 5_000, maxMs: 60_000 };

/** `MODELSHIFT_BATCH_POLL_MS`: `INITIAL` or `INITIAL,MAX` milliseconds between polls (tests and impatient users). */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function pollSchedule(value: string | undefined): PollSchedule {
  if (value === undefined || value === '') return DEFAULT_POLL;
  const parts = value.split(',').map((p) => Number(p.trim()));
  const initialMs = parts[0] ?? NaN;
  const maxMs = parts[1] ?? initialMs;
  // setTimeout takes at most 2³¹−1 ms; a larger delay fires at once, which would poll in a busy loop.
  if (parts.length > 2 || !parts.every((n) => Number.isInteger(n) && n > 0 && n <= MAX_TIMER_MS) || maxMs < initialMs) {
    throw new UsageError(`MODELSHIFT_BATCH_POLL_MS="${value}" is not INITIAL or INITIAL,MAX in milliseconds`, 'e.g. MODELSHIFT_BATCH_POLL_MS=5000,60000 (the default)');
  }
  return { initialMs, maxMs };
}

/** A progress line on stderr while `work` runs, on a terminal only. */
async function withProgress<T>(ctx: CommandContext, work: (onProgress: ((p: Progress) => void) | undefined) => Promise<T>): Promise<T> {
  const line = ctx.isTTY ? (await import('../render/eval-text.js')).progressLine : undefined;
  const progress = line && ((p: Progress) => ctx.stderr(`\r\u001b[2K${line(p)}`));
  const result = await work(progress);
  if (progress) ctx.stderr('\r\u001b[2K');
  return result;
}

/** The report on stdout; a renderer loads only for its format (after the last answer, not before the first call). */
export async function renderEval(report: EvalReport, format: Format, colour: boolean): Promise<string> {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return (await import('../render/eval-markdown.js')).renderEvalMarkdown(report);
  return (await import('../render/eval-text.js')).renderEvalText(report, { color: colour });
}

/** `modelshift eval <migration>`: every agent the plan changes, as it is (base) and as the plan makes it (head). */
export async function evalCommand(ctx: CommandContext, opts: EvalOptions): Promise<CommandResult<EvalReport | EvalPart | null>> {
  // The file renderers (HTML, JUnit, …) load only for a run that writes files.
  const output = opts.outputs?.length ? await import('./eval-output.js') : undefined;
  const outputs = output?.resolveOutputs(ctx.cwd, opts.outputs ?? []) ?? [];
  if (opts.shard) checkShardOutputs(opts.shard, outputs);
  const { plan, workspace } = await computePlan(ctx, opts.migration);
  const rule = workspace.migrations.get(plan.migration)!.value;
  const suites = opts.suite ? [opts.suite] : (rule.spec.eval?.suites ?? []);
  if (!suites.length) {
    ctx.stdout(`evals are not configured for ${plan.migration}: add spec.eval.suites to the migration, or pass --suite NAME\n`);
    return { exitCode: EXIT.ok, data: null };
  }
  if (plan.agents.length === 0) {
    // After `apply` the agents are on the destination already: the comparison is between commits now.
    ctx.stdout(`the plan of ${plan.migration} is empty: no agent is left to migrate, so there is nothing to compare; if it was applied, compare the commits instead: modelshift eval --base <ref before the change> --head HEAD\n`);
    return { exitCode: EXIT.ok, data: null };
  }
  const run: EvalRun = { pairs: pairsOf(plan, workspace), suites, gate: rule.spec.eval?.gate, batch: rule.spec.eval?.batch };
  if (opts.shard) return runShard(ctx, workspace, run, { ...opts, shard: opts.shard, migration: plan.migration }, outputs);
  const report = await evaluate(ctx, workspace, run, opts);
  await output?.writeOutputs(outputs, (target) => target.render(report));
  ctx.stdout(await renderEval(report, opts.format, ctx.isTTY));
  return { exitCode: report.gate.passed ? EXIT.ok : EXIT.findings, data: report };
}

function checkShardOutputs(shard: Shard, outputs: OutputTarget[]): void {
  const hint = `modelshift eval <migration> --shard ${shard.index}/${shard.count} --output part-${shard.index}.json, then modelshift eval merge part-*.json`;
  if (!outputs.length) throw new UsageError('--shard writes its partial result to a file: give --output PATH.json', hint);
  const other = outputs.find((o) => o.suffix !== '.json');
  if (other) throw new UsageError(`--output ${other.path}: a shard writes only its partial result (.json); other formats come from \`eval merge\``, hint);
}

/** Runs one shard's units of a run; the part holds them for `eval merge`, the input scores them alone. */
export async function runShardPart(
  ctx: CommandContext,
  workspace: LoadedWorkspace,
  run: EvalRun,
  opts: Pick<EvalOptions, 'concurrency' | 'offline' | 'batch'> & { shard: Shard; migration: string },
): Promise<{ part: EvalPart; input: EvaluationInput }> {
  const options = await evaluationOptions(ctx, workspace, run, opts);
  const input = await withProgress(ctx, (onProgress) => gatherEvaluation({ ...options, ...(onProgress ? { onProgress } : {}) }));
  const fingerprint = runFingerprint({
    migration: opts.migration,
    count: opts.shard.count,
    gate: run.gate ?? null,
    suites: options.suites,
    pairs: run.pairs.map((p) => ({ agent: p.agent, base: [p.base.agent.spec, p.base.provider.spec], head: [p.head.agent.spec, p.head.provider.spec] })),
  });
  return { part: partOf(input, { shard: opts.shard, run: fingerprint, migration: opts.migration }), input };
}

/** One shard: runs its units and writes the part file; the report and the gate come from `eval merge`. */
async function runShard(
  ctx: CommandContext,
  workspace: LoadedWorkspace,
  run: EvalRun,
  opts: EvalOptions & { shard: Shard; migration: string },
  outputs: OutputTarget[],
): Promise<CommandResult<EvalPart>> {
  const { part, input } = await runShardPart(ctx, workspace, run, opts);
  const text = `${JSON.stringify(part)}\n`;
  await (await import('./eval-output.js')).writeOutputs(outputs, () => text);
  const units = input.units.reduce((n, u) => n + u.length, 0);
  const total = input.totals.reduce((n, t) => n + t, 0);
  const summary = { shard: opts.shard, units, total, calls: input.calls, cached: input.cached, interrupted: input.interrupted, outputs: outputs.map((o) => o.path) };
  if (opts.format === 'json') ctx.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  else {
    const where = outputs.map((o) => o.path).join(', ');
    ctx.stdout(`shard ${opts.shard.index}/${opts.shard.count} of ${opts.migration}: ${units} of ${total} case units, ${input.calls} calls, ${input.cached} from cache → ${where}\n`);
    ctx.stdout('the report and the gate come from `modelshift eval merge` over every part\n');
  }
  return { exitCode: EXIT.ok, data: part };
}
