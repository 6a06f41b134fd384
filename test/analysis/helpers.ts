import type { ArmTelemetry } from '../../src/analysis/types.js';

/** mulberry32: a small seeded generator, so simulations give the same figures every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
