import type { Gate } from '../schema/migration.js';
import { millis, percent, points, relativeChange, signedPercent, usd } from './format.js';
import type { AgentReport, GateResult } from './types.js';

/** Float slack so that 0.90 − 0.85 is not "more than" 0.05. */
const EPSILON = 1e-9;

/**
 * Applies a migration's gate to every agent. A check that cannot be made
 * (no case ran, no price for a model, no latency) fails rather than passing
 * silently, and so does an interrupted run: a verdict needs all the data.
 * Cost and latency compare head with base relatively (0.2 = +20%).
 */
export function evaluateGate(gate: Gate | undefined, agents: AgentReport[], run: { interrupted: boolean; notRun: number }): GateResult {
  const reasons: string[] = [];
  if (run.interrupted || run.notRun > 0) reasons.push(`the run is incomplete: ${run.notRun} case runs did not run`);
  if (agents.length === 0) reasons.push('no agent was evaluated (no eval suite applies to the agents), so nothing shows the change is safe');
  if (!gate) return { passed: reasons.length === 0, reasons };

  for (const { name, base, head } of agents) {
    if (head.passRate === null || base.passRate === null) {
      reasons.push(`${name}: no case ran on ${head.passRate === null ? 'head' : 'base'}`);
      continue;
    }
    if (gate.minPassRate !== undefined && head.passRate < gate.minPassRate - EPSILON) {
      reasons.push(`${name}: pass rate ${percent(head.passRate, 1)} is below the minimum ${percent(gate.minPassRate, 1)}`);
    }
    if (gate.maxPassRateDrop !== undefined && base.passRate - head.passRate > gate.maxPassRateDrop + EPSILON) {
      reasons.push(
        `${name}: pass rate dropped ${points(base.passRate - head.passRate, false)} (${percent(base.passRate, 1)} → ${percent(head.passRate, 1)}), more than the allowed ${points(gate.maxPassRateDrop, false)}`,
      );
    }
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
        reasons.push(`${name}: p95 latency cannot be compared, no successful call on ${base.latencyP95Ms === null ? 'base' : 'head'}`);
      } else if (change > gate.maxLatencyP95Increase + EPSILON) {
        reasons.push(
          `${name}: p95 latency ${signedPercent(change)} (${millis(base.latencyP95Ms)} → ${millis(head.latencyP95Ms)}), more than the allowed ${signedPercent(gate.maxLatencyP95Increase)}`,
        );
      }
    }
  }
  return { passed: reasons.length === 0, reasons };
}
