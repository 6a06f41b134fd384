import { isDeepStrictEqual } from 'node:util';
import type { FieldChange } from '../plan/types.js';
import { byName } from './bundle.js';

/**
 * What sync does to one agent of one target:
 * - `created` / `updated` / `unchanged`: the agent is in git;
 * - `pruned`: the target has it, git does not, and `--prune` removes it;
 * - `extra`: the target has it, git does not, and it stays (no `--prune`).
 */
export type AgentAction = 'created' | 'updated' | 'unchanged' | 'pruned' | 'extra';

export interface AgentDiff {
  name: string;
  action: AgentAction;
  /** Field-level changes, in the target's own form, for `updated`. */
  changes: FieldChange[];
}

export type Counts = Record<AgentAction, number>;

export interface TargetDiff {
  agents: AgentDiff[];
  counts: Counts;
  /** What the target holds afterwards: git's agents by name, then the extras it keeps. */
  entries: Map<string, unknown>;
  /** Whether anything must be written. */
  changed: boolean;
  /** Whether the target differs from git (extras included): what `--exit-code` reports. */
  drift: boolean;
}

/** Compares what a target holds with what git wants it to hold. Pure. */
export function diffEntries(current: ReadonlyMap<string, unknown>, desired: ReadonlyMap<string, unknown>, prune: boolean): TargetDiff {
  const agents: AgentDiff[] = [];
  const entries = new Map<string, unknown>();
  for (const name of [...desired.keys()].sort(byName)) {
    const want = desired.get(name);
    const have = current.get(name);
    entries.set(name, want);
    if (!current.has(name)) agents.push({ name, action: 'created', changes: [] });
    else if (isDeepStrictEqual(have, want)) agents.push({ name, action: 'unchanged', changes: [] });
    else agents.push({ name, action: 'updated', changes: diffValues(have, want) });
  }
  for (const name of [...current.keys()].filter((n) => !desired.has(n)).sort(byName)) {
    agents.push({ name, action: prune ? 'pruned' : 'extra', changes: [] });
    if (!prune) entries.set(name, current.get(name));
  }
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, pruned: 0, extra: 0 };
  for (const agent of agents) counts[agent.action]++;
  const changed = counts.created + counts.updated + counts.pruned > 0;
  return { agents, counts, entries, changed, drift: changed || counts.extra > 0 };
}

/**
 * Leaf differences between two JSON values. Unlike a plan's field diff it
 * also walks into lists of equal length (tools, LiteLLM deployments), so a
 * changed weight reads `1.litellm_params.weight`, not "the list changed".
 */
export function diffValues(before: unknown, after: unknown, path: string[] = []): FieldChange[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item: unknown, i) => diffValues(item, after[i], [...path, String(i)]));
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    return keys.flatMap((key) => diffValues(before[key], after[key], [...path, key]));
  }
  return [{ path: path.join('.'), before, after }];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
