import { join } from 'node:path';
import type { BatchRunOptions, KeyedRequest } from '../batch/run.js';
import type { LlmClient } from '../llm/types.js';
import type { Agent } from '../schema/agent.js';
import type { EvalSuite } from '../schema/eval-suite.js';
import type { Gate } from '../schema/migration.js';
import type { Provider } from '../schema/provider.js';
import { ScriptRunner } from './assertions-javascript.js';
import { ResponseCache } from './cache.js';
import { CacheMissError, ModelCaller, requestKey, type BatchResults } from './caller.js';
import { buildReport, type AgentResults, type ReportInput } from './report.js';
import { inShard, type Shard } from './shard.js';
import { runCases, type Progress, type Run } from './runner.js';
import { catalogPrices } from './stats.js';
import { caseRuns, requestFor } from './suites.js';
import type { CaseResult, EvalReport, ModelCatalog } from './types.js';

/** One agent's config before and after the change. */
export interface AgentPair {
  agent: string;
  base: { agent: Agent; provider: Provider };
  head: { agent: Agent; provider: Provider };
}

export interface EvaluationOptions {
  pairs: AgentPair[];
  /** Scrubs the secrets the command read from what the cache stores. */
  redact?: (text: string) => string;
  /** The suites to consider; each applies to the agents its selector matches. */
  suites: EvalSuite[];
  /** Every workspace provider: `llm-judge` assertions name theirs. */
  providers: Provider[];
  gate?: Gate;
  catalog: ModelCatalog;
  /** Builds a client (the command reads the key from the env var the provider names). */
  clientFor: (provider: Provider) => LlmClient;
  cacheDir: string;
  /** Answer from the cache only; any miss makes the run fail with `CacheMissError`. */
  offline?: boolean;
  /** Calls in flight per provider. */
  concurrency: number;
  /** Stops the run; what finished is reported, the rest counts as not run. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Run only this shard's (agent, case, repeat) units; the report then covers only them. */
  shard?: Shard;
  /**
   * Send the agents' model calls through the providers' batch APIs first
   * (src/batch/); online calls then make only what the batches did not answer
   * and judges. Pending batch ids live in `<cacheDir>/batches/`.
   */
  batch?: Omit<BatchRunOptions, 'cache' | 'pending' | 'signal'>;
}

/** What a run gathered before scoring; a shard writes this into its part file. */
export interface EvaluationInput extends ReportInput {
  /** Per evaluated agent: the positions (in its full case-run list) of the units this run ran, in result order. */
  units: number[][];
  /** Per evaluated agent: how many case runs its full list holds. */
  totals: number[];
}

/**
 * Runs the applicable suites on the base and head config of every agent,
 * scores, compares and applies the gate. Each agent's config is evaluated on
 * its `spec.model`: for a canary, pass the candidate there.
 *
 * Throws `LlmError` (kind `auth`) before any call when a provider has no key,
 * and `CacheMissError` when `offline` and an answer is not cached.
 */
export async function runEvaluation(opts: EvaluationOptions): Promise<EvalReport> {
  return buildReport(await gatherEvaluation(opts));
}

/** Runs the calls and scores each case run; `buildReport` turns the result into the report. */
export async function gatherEvaluation(opts: EvaluationOptions): Promise<EvaluationInput> {
  const runs: Run[] = [];
  const skipped: EvalReport['skipped'] = [];
  const units: number[][] = [];
  const totals: number[] = [];
  let unit = 0;
  for (const pair of opts.pairs) {
    const all = caseRuns(opts.suites, pair.head.agent);
    if (!all.length) {
      skipped.push({ name: pair.agent, reason: 'no eval suite applies to this agent' });
      continue;
    }
    // Units are numbered across agents, so every shard gets a share of each agent's cases in turn.
    const kept = all.flatMap((_, i) => (inShard(unit + i, opts.shard) ? [i] : []));
    unit += all.length;
    units.push(kept);
    totals.push(all.length);
    const cases = kept.map((i) => all[i]!);
    for (const side of ['base', 'head'] as const) runs.push({ agent: pair.agent, side, provider: pair[side].provider, config: pair[side].agent, cases });
  }

  const providers = new Map(opts.providers.map((p) => [p.metadata.name, p]));
  const cache = new ResponseCache(opts.cacheDir, opts.redact);
  const batched: BatchResults = { answers: new Map(), errors: new Map() };
  const caller = new ModelCaller({
    clientFor: opts.clientFor,
    cache,
    offline: opts.offline ?? false,
    concurrency: opts.concurrency,
    signal: opts.signal,
    batch: batched,
  });
  if (!opts.offline) for (const provider of providersUsed(runs, providers)) caller.prepare(provider);
  let batchSummary: EvaluationInput['batch'];
  if (opts.batch && !opts.offline) {
    const [{ runBatches }, { PendingStore }] = await Promise.all([import('../batch/run.js'), import('../batch/pending.js')]);
    const pending = new PendingStore(join(opts.cacheDir, 'batches'));
    const got = await runBatches(batchRequests(runs), { ...opts.batch, cache, pending, ...(opts.signal ? { signal: opts.signal } : {}) });
    batched.answers = got.answers;
    batched.errors = got.errors;
    batchSummary = got.summary;
  }

  const scripts = new ScriptRunner();
  let results: CaseResult[];
  try {
    results = await runCases(runs, { caller, providers, catalog: opts.catalog, scripts, signal: opts.signal, onProgress: opts.onProgress });
  } finally {
    await scripts.close();
  }
  const misses = results.filter((r) => r.error?.kind === 'cache-miss');
  if (misses.length) throw offlineMisses(misses, results.length, opts.cacheDir);

  const agents: AgentResults[] = [];
  let at = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const [baseRun, headRun] = [runs[i]!, runs[i + 1]!];
    const count = baseRun.cases.length + headRun.cases.length;
    agents.push({ name: baseRun.agent, base: sideOf(baseRun), head: sideOf(headRun), results: results.slice(at, at + count) });
    at += count;
  }
  return {
    agents,
    skipped,
    ...(opts.gate ? { gate: opts.gate } : {}),
    calls: caller.calls,
    cached: caller.cached,
    interrupted: opts.signal?.aborted ?? false,
    price: catalogPrices(opts.catalog),
    units,
    totals,
    ...(batchSummary ? { batch: batchSummary } : {}),
  };
}

/** Every agent call of the runs, keyed as the caller keys it; judges are left online (their prompts need the answers). */
function batchRequests(runs: Run[]): KeyedRequest[] {
  return runs.flatMap((run) => run.cases.map(({ case: evalCase, repeat }) => {
    const request = requestFor(run.config, evalCase);
    return { provider: run.provider, key: requestKey(run.provider, request, repeat), request };
  }));
}

function sideOf(run: Run): AgentResults['base'] {
  return { provider: run.provider.metadata.name, model: run.config.spec.model.name };
}

/** The agents' providers and the judges' providers the applicable suites name. */
function providersUsed(runs: Run[], providers: ReadonlyMap<string, Provider>): Provider[] {
  const used = new Map<string, Provider>();
  for (const run of runs) {
    used.set(run.provider.metadata.name, run.provider);
    for (const { case: evalCase } of run.cases) {
      for (const assertion of evalCase.assert) {
        const judge = assertion.type === 'llm-judge' ? providers.get(assertion.provider) : undefined;
        if (judge) used.set(judge.metadata.name, judge);
      }
    }
  }
  return [...used.values()];
}

function offlineMisses(misses: CaseResult[], total: number, cacheDir: string): CacheMissError {
  const first = misses[0]!;
  return new CacheMissError(
    `--offline: ${misses.length} of ${total} case runs have no cached answer in ${cacheDir} (first: ${first.agent} ${first.side} ${first.suite}/"${first.case}" #${first.repeat})`,
    'run once without --offline to fill the cache; a changed agent, case or parameter needs new answers',
  );
}
