import { globMatch } from '../plan/glob.js';
import type { LlmMessage, LlmRequest } from '../llm/types.js';
import type { Agent } from '../schema/agent.js';
import type { Assertion, EvalCase, EvalSuite } from '../schema/eval-suite.js';

/** A case with every assertion that applies to it: the suite's `defaultAssert`, then its own. */
export type RunnableCase = EvalCase & { assert: Assertion[] };

/** One execution of a case: the case itself and which repeat (1-based) it is. */
export interface CaseRun {
  suite: string;
  case: RunnableCase;
  repeat: number;
}

/** A suite applies when its name globs and labels match the agent; an absent selector matches all. */
export function suiteApplies(suite: EvalSuite, agent: Agent): boolean {
  const selector = suite.spec.agents;
  if (selector?.names && !selector.names.some((glob) => globMatch(agent.metadata.name, glob))) return false;
  const labels = agent.metadata.labels ?? {};
  return Object.entries(selector?.labels ?? {}).every(([k, v]) => labels[k] === v);
}

/**
 * The suite's cases, each with the assertions that apply to it. Cases from
 * `casesFrom` files are here once the workspace loader has read them into
 * `spec.cases` (src/cases/); `defaultAssert` is applied here, once.
 */
export function suiteCases(suite: EvalSuite): RunnableCase[] {
  const defaults = suite.spec.defaultAssert ?? [];
  return (suite.spec.cases ?? []).map((c) => ({ ...c, assert: [...defaults, ...(c.assert ?? [])] }));
}

/** Every assertion a suite can run, for the keys and providers its judges need. */
export function suiteAssertions(suite: EvalSuite): Assertion[] {
  return [...(suite.spec.defaultAssert ?? []), ...(suite.spec.cases ?? []).flatMap((c) => c.assert ?? []), ...(suite.spec.casesFrom ?? []).flatMap((s) => s.assert ?? [])];
}

/** Every case of every applicable suite, each repeated `spec.repeat` times, in a stable order. */
export function caseRuns(suites: EvalSuite[], agent: Agent): CaseRun[] {
  const runs: CaseRun[] = [];
  for (const suite of suites) {
    if (!suiteApplies(suite, agent)) continue;
    for (const evalCase of suiteCases(suite)) {
      for (let repeat = 1; repeat <= suite.spec.repeat; repeat++) runs.push({ suite: suite.metadata.name, case: evalCase, repeat });
    }
  }
  return runs;
}

export function conversation(evalCase: EvalCase): LlmMessage[] {
  return evalCase.messages ?? [{ role: 'user', content: evalCase.input ?? '' }];
}

/** What the agent's config sends for a case: its model, params, instructions, tools and response format. */
export function requestFor(agent: Agent, evalCase: EvalCase): LlmRequest {
  const { model, instructions, tools, responseFormat } = agent.spec;
  return {
    model: model.name,
    instructions,
    messages: conversation(evalCase),
    ...(tools ? { tools } : {}),
    ...(responseFormat ? { responseFormat } : {}),
    params: model.params ?? {},
  };
}
