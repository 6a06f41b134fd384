import type { Gate } from '../schema/migration.js';
import { millis, percent, points, relativeChange, signedPercent, TREND_LABEL, usd } from './format.js';
import type { AgentReport, GateResult } from './types.js';

/** Float slack so that 0.90 − 0.85 is not "more than" 0.05. */
const EPSILON = 1e-9;

/** Failing cases named in a pass-rate reason; the rest are counted. */
const NAMED_CASES = 5;

/**
 * Applies a migration's gate to every agent. A check that cannot be made
 * (no case ran, no price for a model, no latency) fails rather than passing
 * silently, and so does an interrupted run: a verdict needs all the data.
 * Errors never pass quietly: without a gate, or without `maxErrorRate` and
 * `minCases` in it, one errored call or one case not scored on both sides
 * fails the gate. Cost and latency compare head with base relatively (0.2 = +20%).
 */
export function evaluateGate(gate: Gate | undefined, agents: AgentReport[], run: { interrupted: boolean; notRun: number }): GateResult {
  const reasons: string[] = [];
  if (run.interrupted || run.notRun > 0) reasons.push(`the run is incomplete: ${run.notRun} case runs did not run`);
  if (agents.length === 0) reasons.push('no agent was evaluated (no eval suite applies to the agents), so nothing shows the change is safe');

  for (const agent of agents) {
    const { name, base, head } = agent;
    const evidence = [...errorReasons(agent, gate?.maxErrorRate ?? 0), ...coverageReasons(agent, gate?.minCases)];
    reasons.push(...evidence);
    if (!gate) continue;
    if (head.passRate === null || base.passRate === null) {
      if (!evidence.length) reasons.push(`${name}: no case ran on ${head.passRate === null ? 'head' : 'base'}`);
      continue;
    }
    const passRateReasons = reasons.length;
    if (gate.minPassRate !== undefined && head.passRate < gate.minPassRate - EPSILON) {
      reasons.push(`${name}: pass rate ${percent(head.passRate, 1)} is below the minimum ${percent(gate.minPassRate, 1)}`);
    }
    if (gate.maxPassRateDrop !== undefined && base.passRate - head.passRate > gate.maxPassRateDrop + EPSILON) {
      reasons.push(
        `${name}: pass rate dropped ${points(base.passRate - head.passRate, false)} (${percent(base.passRate, 1)} → ${percent(head.passRate, 1)}), more than the allowed ${points(gate.maxPassRateDrop, false)}`,
      );
    }
    if (reasons.length > passRateReasons && agent.failing.length) reasons.push(failingCasesReason(agent));
    if (gate.maxCostIncrease !== undefined) {
      const change = relativeChange(base.costUsd, head.costUsd);
      if (change === null) {
        const models = [...new Set([...base.unpriced, ...head.unpriced])].join(', ');
        reasons.push(`${name}: cost cannot be compared, no price for ${models}; add it under spec.catalog in modelshift.yaml`);
      } else if (change > gate.maxCostIncrease + EPSILON) {
        reasons.push(`${name}: cost ${signedPercent(change)} (${usd(base.costUsd)} → ${usd(head.costUsd)}), more than the allowed ${signedPercent(gate.maxCostIncrease)}`);
      }
    }
    if (gate.maxLatencyP95Increase !== undefined) {
      const change = relativeChange(base.latencyP95Ms, head.latencyP95Ms);
      if (change === null) {
        const side = base.latencyP95Ms === null ? base : head;
        reasons.push(
          side.batched
            ? `${name}: p95 latency cannot be compared, the answers on ${side === base ? 'base' : 'head'} came from a provider batch, which measures no latency; to gate on latency, run without --batch and with an empty spec.eval.cacheDir (the cache would give the batch answers again), or drop maxLatencyP95Increase`
            : `${name}: p95 latency cannot be compared, no successful call on ${side === base ? 'base' : 'head'}`,
        );
      } else if (change > gate.maxLatencyP95Increase + EPSILON) {
        reasons.push(
          `${name}: p95 latency ${signedPercent(change)} (${millis(base.latencyP95Ms)} → ${millis(head.latencyP95Ms)}), more than the allowed ${signedPercent(gate.maxLatencyP95Increase)}`,
        );
      }
    }
  }
  return { passed: reasons.length === 0, reasons };
}

/** One reason per side whose share of errored runs is over the limit, with what went wrong. */
function errorReasons(agent: AgentReport, maxErrorRate: number): string[] {
  const out: string[] = [];
  for (const side of ['base', 'head'] as const) {
    const stats = agent[side];
    if (stats.errorRate === null || stats.errorRate <= maxErrorRate + EPSILON) continue;
    const errors = agent.errors.filter((e) => e.side === side);
    const kinds = new Map<string, number>();
    for (const e of errors) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    const tally = [...kinds].map(([kind, n]) => `${kind} ×${n}`).join(', ');
    const first = errors[0] ? `: ${tally}; first: ${errors[0].suite} / ${errors[0].case}: ${errors[0].message}` : '';
    const allowed = maxErrorRate ? `more than the allowed ${percent(maxErrorRate, 1)}` : 'and the gate allows none (gate.maxErrorRate)';
    out.push(`${agent.name}: ${stats.errors} of ${stats.cases} case runs errored on ${side} (${percent(stats.errorRate, 1)}), ${allowed}${first}`);
  }
  return out;
}

function coverageReasons(agent: AgentReport, minCases: number | undefined): string[] {
  const { cases, evaluated } = agent.coverage;
  const required = minCases ?? cases;
  if (evaluated >= required) return [];
  const of = minCases === undefined ? 'every case is required (gate.minCases)' : `fewer than the required ${minCases}`;
  return [`${agent.name}: ${evaluated} of ${cases} cases were scored on both sides, ${of}; an errored call is no evidence either way`];
}

/** The cases behind a pass-rate verdict: every case failing at head, regressions first. */
function failingCasesReason(agent: AgentReport): string {
  const order = { worse: 0, same: 1, better: 2, unpaired: 3 } as const;
  const failing = [...agent.failing].sort((a, b) => order[a.trend] - order[b.trend]);
  const named = failing.slice(0, NAMED_CASES).map((f) => `${f.suite} / ${f.case} (${TREND_LABEL[f.trend]})`);
  const more = failing.length > NAMED_CASES ? `, …and ${failing.length - NAMED_CASES} more` : '';
  return `${agent.name}: failing at head (${failing.length}): ${named.join(', ')}${more}`;
}
