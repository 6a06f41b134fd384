import { isDeepStrictEqual } from 'node:util';
import type { ModelRef } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { agentEdit, rewriteAgents, type AgentEdit } from './agent-edits.js';
import { byName } from '../sync/bundle.js';
import type { ModelChange } from './rollback-history.js';

export interface RollbackPlan {
  migration: string;
  agents: AgentEdit[];
  /** Agents the migration changed that are not rolled back, each with the reason. */
  skipped: { name: string; reason: string }[];
  files: Record<string, string>;
  diff: string;
}

/**
 * Puts back what `migration` changed, where the agent still has what it set:
 * the model and params from before its change (read from history), and for
 * a canary still running, the agent without its `spec.rollout`. Whatever was
 * changed since is left alone and listed with the reason. Pure.
 */
export function planRollback(workspace: LoadedWorkspace, migration: string, changes: readonly ModelChange[]): RollbackPlan {
  const edits: AgentEdit[] = [];
  const skipped: RollbackPlan['skipped'] = [];
  const handled = new Set<string>();
  for (const change of [...changes].sort((a, b) => byName(a.agent, b.agent))) {
    handled.add(change.agent);
    const loaded = workspace.agents.get(change.agent);
    const verdict = loaded ? restore(loaded.value.spec, change, migration) : { reason: 'no longer exists' };
    if (!loaded || 'reason' in verdict) {
      skipped.push({ name: change.agent, reason: 'reason' in verdict ? verdict.reason : 'no longer exists' });
      continue;
    }
    const after = structuredClone(loaded.value);
    after.spec.model = structuredClone(verdict.model);
    edits.push(agentEdit(loaded, after));
  }
  for (const loaded of [...workspace.agents.values()].sort((a, b) => byName(a.value.metadata.name, b.value.metadata.name))) {
    if (loaded.value.spec.rollout?.migration !== migration || handled.has(loaded.value.metadata.name)) continue;
    const after = structuredClone(loaded.value);
    delete after.spec.rollout;
    edits.push(agentEdit(loaded, after));
  }
  const agents = edits.filter((e) => e.changes.length > 0).sort((a, b) => byName(a.name, b.name));
  return { migration, agents, skipped, ...rewriteAgents(workspace, agents) };
}

/** The model to put back, or why the agent is left as it is. */
function restore(spec: { model: ModelRef; rollout?: { migration: string } }, change: ModelChange, migration: string): { model: ModelRef } | { reason: string } {
  const { before, after } = change;
  if (before === undefined || after === undefined) return { reason: `its model before ${migration} could not be read from history` };
  if (spec.rollout && spec.rollout.migration !== migration) return { reason: `in the canary of migration ${spec.rollout.migration}; promote or roll that back first` };
  const now = spec.model;
  if (now.provider !== after.provider || now.name !== after.name) return { reason: `changed since ${migration} set it: now on ${now.provider}/${now.name}` };
  if (!isDeepStrictEqual(now.params ?? {}, after.params ?? {})) return { reason: `its params changed since ${migration} set them` };
  return { model: before };
}
