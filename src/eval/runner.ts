import { batchDiscount } from '../catalog/batch.js';
import { LlmError } from '../llm/errors.js';
import type { LlmResponse } from '../llm/types.js';
import type { Agent } from '../schema/agent.js';
import type { Provider } from '../schema/provider.js';
import { AssertionError, checkAssertions, type Judge, type Script } from './assertions.js';
import type { ScriptRunner } from './assertions-javascript.js';
import { CacheMissError, type ModelCaller } from './caller.js';
import { JudgeError, judgeRequest, parseVerdict } from './judge.js';
import { catalogPrices } from './stats.js';
import { conversation, requestFor, type CaseRun } from './suites.js';
import type { CaseResult, CaseStatus, JudgeCall, ModelCatalog, Side } from './types.js';

/** One side of one agent: the config to send and the cases to run on it. */
export interface Run {
  agent: string;
  side: Side;
  provider: Provider;
  config: Agent;
  cases: CaseRun[];
}

export interface Progress {
  done: number;
  total: number;
  calls: number;
  cached: number;
  errors: number;
  last: { agent: string; side: Side; suite: string; case: string; status: CaseStatus };
}

export interface RunnerOptions {
  caller: ModelCaller;
  /** Every provider by `metadata.name`: `llm-judge` assertions name theirs. */
  providers: ReadonlyMap<string, Provider>;
  catalog: ModelCatalog;
  /** Runs `javascript` assertions in workers. */
  scripts: ScriptRunner;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/**
 * Runs every case of every run at once; the caller's per-provider semaphores
 * bound what is in flight. Results come back in input order. A failed call is
 * an `error` result, an aborted or offline-missed one `not-run`; only bugs throw.
 */
export async function runCases(runs: Run[], opts: RunnerOptions): Promise<CaseResult[]> {
  const total = runs.reduce((n, run) => n + run.cases.length, 0);
  let done = 0;
  let errors = 0;
  const tasks = runs.flatMap((run) =>
    run.cases.map(async (caseRun) => {
      const result = await runCase(run, caseRun, opts);
      done++;
      if (result.status === 'error') errors++;
      opts.onProgress?.({
        done,
        total,
        calls: opts.caller.calls,
        cached: opts.caller.cached,
        errors,
        last: { agent: run.agent, side: run.side, suite: caseRun.suite, case: caseRun.case.name, status: result.status },
      });
      return result;
    }),
  );
  return Promise.all(tasks);
}

async function runCase(run: Run, caseRun: CaseRun, opts: RunnerOptions): Promise<CaseResult> {
  const { provider, config } = run;
  const result: CaseResult = {
    agent: run.agent,
    side: run.side,
    suite: caseRun.suite,
    case: caseRun.case.name,
    repeat: caseRun.repeat,
    provider: provider.metadata.name,
    providerType: provider.spec.type,
    model: config.spec.model.name,
    status: 'not-run',
    assertions: [],
    cached: false,
    judgeCalls: [],
  };
  if (opts.signal?.aborted) return result;

  let response: LlmResponse;
  try {
    const call = await opts.caller.call(provider, requestFor(config, caseRun.case), caseRun.repeat);
    response = call.response;
    result.cached = call.cached;
    result.response = response;
  } catch (err) {
    return { ...result, ...failure(err, false) };
  }

  const judge: Judge = async (assertion, reply) => {
    const judgeProvider = opts.providers.get(assertion.provider);
    if (!judgeProvider) throw new JudgeError(`llm-judge names provider ${assertion.provider}, which is not in the workspace`);
    const request = judgeRequest(
      { model: assertion.model, rubric: assertion.rubric, providerType: judgeProvider.spec.type, facts: opts.catalog.lookup(assertion.model) },
      conversation(caseRun.case),
      reply,
    );
    const { response: answer } = await opts.caller.call(judgeProvider, request, caseRun.repeat);
    result.judgeCalls.push({ providerType: judgeProvider.spec.type, model: assertion.model, usage: answer.usage } satisfies JudgeCall);
    const verdict = parseVerdict(answer.text);
    return { type: 'llm-judge', pass: verdict.pass, reason: `judge: ${verdict.pass ? 'PASS' : 'FAIL'}${verdict.reason ? ` (${verdict.reason})` : ''}` };
  };

  const script: Script = (assertion, reply) =>
    opts.scripts.run(assertion, reply.text, {
      suite: caseRun.suite,
      case: caseRun.case.name,
      ...(caseRun.case.input !== undefined ? { input: caseRun.case.input } : {}),
      messages: conversation(caseRun.case),
      toolCalls: reply.toolCalls,
      finishReason: reply.finishReason,
      latencyMs: reply.latencyMs,
      usage: reply.usage,
      agent: run.agent,
      model: config.spec.model.name,
    });

  try {
    result.assertions = await checkAssertions(caseRun.case.assert, response, { judge, script, costUsd: callCost(opts.catalog, provider, config, response) });
  } catch (err) {
    return { ...result, ...failure(err, true) };
  }
  result.status = result.assertions.every((a) => a.pass) ? 'pass' : 'fail';
  return result;
}

/** How a thrown error shows in the result; decided by type, and bugs are rethrown. */
function failure(err: unknown, judging: boolean): Pick<CaseResult, 'status' | 'error'> {
  if (err instanceof LlmError && err.kind === 'aborted') return { status: 'not-run' };
  if (err instanceof CacheMissError) return { status: 'not-run', error: { kind: 'cache-miss', message: err.message } };
  if (err instanceof LlmError) {
    const message = judging ? `judge: ${err.message}` : err.message;
    return { status: 'error', error: { kind: judging ? 'judge' : err.kind, message, ...(err.status !== undefined ? { status: err.status } : {}) } };
  }
  if (err instanceof JudgeError) return { status: 'error', error: { kind: 'judge', message: err.message } };
  if (err instanceof AssertionError) return { status: 'error', error: { kind: 'assertion', message: err.message } };
  throw err;
}

/** What this one call cost at catalog prices, for `max-cost`; null when the model has no price. */
function callCost(catalog: ModelCatalog, provider: Provider, config: Agent, response: LlmResponse): number | null {
  const price = catalogPrices(catalog)(provider.spec.type, config.spec.model.name);
  if (!price) return null;
  const discount = response.batch ? batchDiscount(provider.spec.type) : 0;
  return ((response.usage.inputTokens * price.inputPerMTok + response.usage.outputTokens * price.outputPerMTok) * (1 - discount)) / 1_000_000;
}
