import type { BundleAgent, BundleModel } from '../runtime/index.js';

/** The flag definitions schema flagd validates a file against (https://flagd.dev/reference/flag-definitions/). */
export const FLAGD_SCHEMA = 'https://flagd.dev/schema/v0/flags.json';

/**
 * One flagd flag: the agent's model as an object variant. During a canary,
 * `fractional` targeting splits evaluation contexts by `targetingKey` (the
 * conversation id), bucketing on `<migration>:<targetingKey>` with the
 * candidate's bucket first: flagd's fractional operator then puts the same
 * ids on the candidate as `resolveModel` in modelshift/runtime does (README,
 * "flagd"), and raising the weight only adds ids to the candidate.
 */
export interface FlagdFlag {
  state: 'ENABLED';
  variants: Record<string, BundleModel>;
  defaultVariant: 'control';
  targeting?: { fractional: [{ cat: [string, { var: 'targetingKey' }] }, ['candidate', number], ['control', number]] };
  /** flagd returns flag metadata with every evaluation: an app can tag its telemetry with it. */
  metadata?: { migration: string; weight: number };
}

/** The flag of one agent. Pure. */
export function agentFlag(agent: BundleAgent): FlagdFlag {
  const rollout = agent.rollout;
  if (rollout === undefined) return { state: 'ENABLED', variants: { control: agent.model }, defaultVariant: 'control' };
  return {
    state: 'ENABLED',
    variants: { control: agent.model, candidate: rollout.model },
    defaultVariant: 'control',
    targeting: { fractional: [{ cat: [`${rollout.migration}:`, { var: 'targetingKey' }] }, ['candidate', rollout.weight], ['control', 100 - rollout.weight]] },
    metadata: { migration: rollout.migration, weight: rollout.weight },
  };
}
