import type { ArmTelemetry } from '../../src/analysis/types.js';

export { seeded } from '../../src/seeded.js';

/** Calls on one arm with the given error probability and log-normal latencies around `medianS`. */
export function simulateArm(random: () => number, calls: number, errorRate: number, medianS = 0.8): ArmTelemetry {
  let errors = 0;
  const latency: number[] = [];
  const output: number[] = [];
  const input: number[] = [];
  for (let i = 0; i < calls; i++) {
    if (random() < errorRate) errors++;
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    latency.push(medianS * Math.exp(0.4 * normal));
    output.push(150 + Math.floor(random() * 100));
    input.push(900 + Math.floor(random() * 200));
  }
  return {
    calls,
    errors,
    latency: { kind: 'samples', values: latency },
    inputTokens: { kind: 'samples', values: input },
    outputTokens: { kind: 'samples', values: output },
    custom: {},
  };
}
