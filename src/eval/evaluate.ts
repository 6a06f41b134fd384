import type { LlmClient } from '../llm/types.js';
import type { Agent } from '../schema/agent.js';
import type { EvalSuite } from '../schema/eval-suite.js';
import type { Gate } from '../schema/migration.js';
import type { Provider } from '../schema/provider.js';
import { ResponseCache } from './cache.js';
import { CacheMissError, ModelCaller } from './caller.js';
import { compareSides } from './compare.js';
import { evaluateGate } from './gate.js';
import { runCases, type Progress, type Run } from './runner.js';
import { catalogPrices, computeStats, type PriceFn } from './stats.js';
import { caseRuns } from './suites.js';
import type { AgentReport, CaseError, CaseResult, EvalReport, ModelCatalog, Side, SideStats } from './types.js';

/** One agent's config before and after the change. */
export interface AgentPair {
  agent: string;
  base: { agent: Agent; provider: Provider };
  head: { agent: Agent; provider: Provider };
}

export interface EvaluationOptions {
  pairs: AgentPair[];
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
  const runs: Run[] = [];
  const skipped: EvalReport['skipped'] = [];
  for (const pair of opts.pairs) {
    const cases = caseRuns(opts.suites, pair.head.agent);
    if (!cases.length) {
      skipped.push({ name: pair.agent, reason: 'no eval suite applies to this agent' });
      continue;
    }
    for (const side of ['base', 'head'] as const) runs.push({ agent: pair.agent, side, provider: pair[side].provider, config: pair[side].agent, cases });
  }

  const providers = new Map(opts.providers.map((p) => [p.metadata.name, p]));
  const caller = new ModelCaller({
    clientFor: opts.clientFor,
    cache: new ResponseCache(opts.cacheDir),
    offline: opts.offline ?? false,
    concurrency: opts.concurrency,
    signal: opts.signal,
  });
  if (!opts.offline) for (const provider of providersUsed(runs, providers)) caller.prepare(provider);

  const results = await runCases(runs, { caller, providers, catalog: opts.catalog, signal: opts.signal, onProgress: opts.onProgress });
  const misses = results.filter((r) => r.error?.kind === 'cache-miss');
  if (misses.length) throw offlineMisses(misses, results.length, opts.cacheDir);

  const price = catalogPrices(opts.catalog);
  const agents: AgentReport[] = [];
  let at = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const baseRun = runs[i]!;
    const base = results.slice(at, at + baseRun.cases.length);
    const head = results.slice(at + baseRun.cases.length, at + 2 * baseRun.cases.length);
    at += 2 * baseRun.cases.length;
    agents.push(agentReport(baseRun, runs[i + 1]!, base, head, price));
  }

  const interrupted = opts.signal?.aborted ?? false;
  const summary = {
    base: computeStats(results.filter((r) => r.side === 'base'), price),
    head: computeStats(results.filter((r) => r.side === 'head'), price),
  };
  const notRun = summary.base.notRun + summary.head.notRun;
  const models = sumOrNull(summary.base.costUsd, summary.head.costUsd);
  const judge = sumOrNull(summary.base.judge.costUsd, summary.head.judge.costUsd);
  return {
    agents,
    skipped,
    summary,
    gate: evaluateGate(opts.gate, agents, { interrupted, notRun }),
    calls: caller.calls,
    cached: caller.cached,
    interrupted,
    costUsd: { models, judge, total: sumOrNull(models, judge) },
  };
}

function agentReport(baseRun: Run, headRun: Run, base: CaseResult[], head: CaseResult[], price: PriceFn): AgentReport {
  const side = (run: Run, results: CaseResult[]): SideStats => ({
    provider: run.provider.metadata.name,
    model: run.config.spec.model.name,
    ...computeStats(results, price),
  });
  return {
    name: baseRun.agent,
    base: side(baseRun, base),
    head: side(headRun, head),
    ...compareSides(base, head),
    errors: [...base, ...head].flatMap((r) => (r.status === 'error' && r.error ? [caseError(r.side, r, r.error)] : [])),
  };
}

function caseError(side: Side, r: CaseResult, error: NonNullable<CaseResult['error']>): CaseError {
  return { side, suite: r.suite, case: r.case, repeat: r.repeat, kind: error.kind, message: error.message };
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

function sumOrNull(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}
