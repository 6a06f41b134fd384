import { evaluateMetric, type PriceFn } from './metrics.js';
import type { AnalysisSettings } from './settings.js';
import type { AgentAnalysis, AgentTelemetry, AnalysisReport, CanaryAgent, Verdict } from './types.js';

export interface AnalysisInput {
  migration: string;
  settings: AnalysisSettings;
  /** The window's end. */
  end: Date;
  /** Where the telemetry came from, as output shows it. */
  source: string;
  agents: ReadonlyArray<{ agent: CanaryAgent; data: AgentTelemetry }>;
  price: PriceFn;
}

/**
 * Canary against control, per agent and metric. An agent fails when any of
 * its metrics fails; it is inconclusive when an arm has fewer than `minCalls`
 * calls or a metric lacks data; the migration takes the worst of its agents
 * (fail over inconclusive over pass), and no agent in the canary at all is
 * inconclusive: no verdict passes on evidence that was not gathered. Pure.
 */
export function analyzeCanary(input: AnalysisInput): AnalysisReport {
  const { settings } = input;
  const agents = input.agents.map(({ agent, data }): AgentAnalysis => {
    const short = (['control', 'candidate'] as const).filter((arm) => data[arm].calls < settings.minCalls);
    const tooFew = short.length
      ? `${short.map((arm) => `${arm} has ${data[arm].calls} call${data[arm].calls === 1 ? '' : 's'}`).join(', ')} in the last ${settings.window}; ${settings.minCalls} per arm are needed`
      : undefined;
    const metrics = settings.metrics.map((metric) => evaluateMetric(metric, { agent, data, price: input.price, tooFew }));
    const verdict = tooFew ? 'inconclusive' : worst(metrics.map((m) => m.verdict));
    return { name: agent.name, weight: agent.weight, calls: { control: data.control.calls, candidate: data.candidate.calls }, verdict, ...(tooFew ? { reason: tooFew } : {}), metrics };
  });
  const reasons: string[] = [];
  if (agents.length === 0) reasons.push(`no agent is in the canary of ${input.migration}`);
  for (const agent of agents) {
    // With too few calls every metric says the same: once per agent.
    if (agent.reason !== undefined) reasons.push(`${agent.name}: ${agent.reason}`);
    else for (const metric of agent.metrics) if (metric.verdict !== 'pass') reasons.push(`${agent.name}: ${metric.name} ${metric.verdict}: ${metric.reason}`);
  }
  return {
    migration: input.migration,
    window: settings.window,
    end: input.end.toISOString(),
    source: input.source,
    minCalls: settings.minCalls,
    verdict: agents.length === 0 ? 'inconclusive' : worst(agents.map((a) => a.verdict)),
    reasons,
    agents,
  };
}

/** fail over inconclusive over pass. */
export function worst(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.includes('inconclusive')) return 'inconclusive';
  return 'pass';
}
