import type { ProviderBatchSummary } from '../batch/types.js';
import type { Gate } from '../schema/migration.js';
import { compareSides } from './compare.js';
import { evaluateGate } from './gate.js';
import { computeStats, type PriceFn } from './stats.js';
import type { AgentReport, CaseError, CaseResult, EvalReport, Side } from './types.js';

/** One evaluated agent: who serves each side, and every case run (base's, then head's, in the same case order). */
export interface AgentResults {
  name: string;
  base: { provider: string; model: string };
  head: { provider: string; model: string };
  results: CaseResult[];
}

/** Everything an eval report is computed from; a run and a merge of shards both end here. */
export interface ReportInput {
  agents: AgentResults[];
  skipped: EvalReport['skipped'];
  gate?: Gate;
  calls: number;
  cached: number;
  interrupted: boolean;
  price: PriceFn;
  /** Present when the run used provider batches. */
  batch?: ProviderBatchSummary[];
}

/** Scores, compares and gates: the same results always give the same report. */
export function buildReport(input: ReportInput): EvalReport {
  const { price } = input;
  const agents = input.agents.map((a) => agentReport(a, price));
  const all = input.agents.flatMap((a) => a.results);
  const summary = {
    base: computeStats(all.filter((r) => r.side === 'base'), price),
    head: computeStats(all.filter((r) => r.side === 'head'), price),
  };
  const notRun = summary.base.notRun + summary.head.notRun;
  const models = sumOrNull(summary.base.costUsd, summary.head.costUsd);
  const judge = sumOrNull(summary.base.judge.costUsd, summary.head.judge.costUsd);
  return {
    agents,
    skipped: input.skipped,
    summary,
    gate: evaluateGate(input.gate, agents, { interrupted: input.interrupted, notRun }),
    calls: input.calls,
    cached: input.cached,
    interrupted: input.interrupted,
    costUsd: { models, judge, total: sumOrNull(models, judge) },
    ...(input.batch ? { batch: input.batch } : {}),
  };
}

function agentReport(agent: AgentResults, price: PriceFn): AgentReport {
  const base = agent.results.filter((r) => r.side === 'base');
  const head = agent.results.filter((r) => r.side === 'head');
  return {
    name: agent.name,
    base: { ...agent.base, ...computeStats(base, price) },
    head: { ...agent.head, ...computeStats(head, price) },
    ...compareSides(base, head),
    errors: agent.results.flatMap((r) => (r.status === 'error' && r.error ? [caseError(r.side, r, r.error)] : [])),
    results: agent.results,
  };
}

function caseError(side: Side, r: CaseResult, error: NonNullable<CaseResult['error']>): CaseError {
  return { side, suite: r.suite, case: r.case, repeat: r.repeat, kind: error.kind, message: error.message };
}

function sumOrNull(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}
