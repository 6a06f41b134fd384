import { globMatch } from './glob.js';
import type { Agent, Migration } from '../schema/index.js';

import type { Skipped } from './types.js';

export type Selection = { selected: true } | { selected: false; reason: string; code: Skipped['code'] };

/** Is the agent on the rule's `from` model (provider exact, model exact or glob)? */
export function onSource(migration: Migration, agent: Agent): boolean {
  const { from } = migration.spec;
  return agent.spec.model.provider === from.provider && globMatch(agent.spec.model.name, from.model);
}

/**
 * Whether a rule takes an agent that is on its `from` model, and if not, why —
 * every agent left out gets a reason a reviewer can act on.
 */
export function select(migration: Migration, agent: Agent): Selection {
  const { select: filter, to } = migration.spec;
  const name = agent.metadata.name;
  if (filter?.exclude?.some((glob) => globMatch(name, glob))) {
    return { selected: false, reason: 'excluded by spec.select.exclude', code: 'excluded' };
  }
  if (filter?.names && !filter.names.some((glob) => globMatch(name, glob))) {
    return { selected: false, reason: `name does not match spec.select.names (${filter.names.join(', ')})`, code: 'not-selected' };
  }
  const labels = agent.metadata.labels ?? {};
  const missing = Object.entries(filter?.labels ?? {}).filter(([key, value]) => labels[key] !== value);
  if (missing.length) {
    return { selected: false, reason: `labels do not match spec.select.labels (${missing.map(([k, v]) => `${k}=${v}`).join(', ')})`, code: 'not-selected' };
  }
  if (agent.spec.model.provider === to.provider && agent.spec.model.name === to.model) {
    return { selected: false, reason: 'already on the destination model', code: 'on-destination' };
  }
  const rollout = agent.spec.rollout;
  if (rollout && rollout.migration !== migration.metadata.name) {
    return { selected: false, reason: `in the canary of migration ${rollout.migration}; promote or roll it back first`, code: 'canary' };
  }
  if (rollout) {
    return { selected: false, reason: `canary of this migration already running at ${rollout.weight}%; use modelshift promote`, code: 'canary' };
  }
  return { selected: true };
}
