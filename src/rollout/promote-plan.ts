import type { Agent, Migration } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { agentEdit, rewriteAgents, type AgentEdit } from './agent-edits.js';

/** One step of a canary: every agent in it moves to `to` percent; at 100 the candidate becomes the model (cut-over). */
export interface PromotePlan {
  migration: string;
  /** The canary's weight now: the lowest of its agents, so a lagging agent is brought up with the rest. */
  from: number;
  to: number;
  cutover: boolean;
  agents: AgentEdit[];
  files: Record<string, string>;
  diff: string;
}

/**
 * The next rollout step of `migration`'s canary, or undefined when no agent
 * is in it. Steps come from the rule's `spec.rollout.steps` (without them,
 * the only step is the cut-over). At the last step the candidate replaces
 * `spec.model` and `spec.rollout` goes. Pure.
 */
export function planPromotion(workspace: LoadedWorkspace, migration: Migration): PromotePlan | undefined {
  const name = migration.metadata.name;
  const canary = [...workspace.agents.values()]
    .filter((a) => a.value.spec.rollout?.migration === name)
    .sort((a, b) => (a.value.metadata.name < b.value.metadata.name ? -1 : 1));
  if (canary.length === 0) return undefined;
  const from = Math.min(...canary.map((a) => a.value.spec.rollout!.weight));
  const steps = migration.spec.rollout?.steps ?? [100];
  const to = steps.find((step) => step > from) ?? 100;
  const cutover = to >= 100;
  const agents = canary.map((loaded) => agentEdit(loaded, promoted(loaded.value, to, cutover)));
  return { migration: name, from, to, cutover, agents: agents.filter((a) => a.changes.length > 0), ...rewriteAgents(workspace, agents) };
}

function promoted(agent: Agent, to: number, cutover: boolean): Agent {
  const after = structuredClone(agent);
  const rollout = after.spec.rollout!;
  if (cutover) {
    after.spec.model = rollout.model;
    delete after.spec.rollout;
  } else if (rollout.weight < to) {
    rollout.weight = to;
  }
  return after;
}
