import type { Plan, FieldChange, Skipped } from '../plan/types.js';
import type { Agent } from '../schema/index.js';

/**
 * How an agent is touched by a pull request:
 * - `changed` / `added` / `removed`: the PR's own commits did it (base vs head);
 * - `pending`: a migration at head would still change it (the PR adds or edits
 *   the rule, `modelshift pr` or `apply` has not been run for it yet).
 */
export type AgentChangeKind = 'changed' | 'added' | 'removed' | 'pending';

export interface AgentChange {
  name: string;
  kind: AgentChangeKind;
  /** Relative to the workspace root: at head, or at base for a removed agent. */
  file: string;
  /** The migration the change belongs to: the pending rule, or a rule whose `from` → `to` the change follows. */
  migration?: string;
  /** The agent as it runs before the change (absent when added). */
  before?: Agent;
  /** The agent as it runs after the change (absent when removed). */
  after?: Agent;
  changes: FieldChange[];
  warnings: string[];
}

/** A migration file the pull request adds or edits, planned against the head workspace. */
export interface MigrationReview {
  name: string;
  file: string;
  status: 'added' | 'changed';
  plan: Plan;
}

/** One file's unified diff, for the per-agent `<details>` of the comment. */
export interface FileDiff {
  file: string;
  /** Agents the file holds whose change it shows. */
  agents: string[];
  /** `pr`: base vs head of this pull request; `pending`: head vs what the migration would write. */
  source: 'pr' | 'pending';
  patch: string;
}

/**
 * A change to a provider connection or to the workspace file: no agent file
 * moves, yet agents behave differently (another server, key, allowlist,
 * catalog fact), so the reviewer sees it with the agents it reaches.
 */
export interface ConfigChange {
  kind: 'provider' | 'workspace';
  /** The provider's `metadata.name`, or the workspace file's path. */
  name: string;
  file: string;
  status: 'added' | 'removed' | 'changed';
  /** Field changes under `spec` (paths start at `spec.`). */
  changes: FieldChange[];
  /** Agents at head (base for a removed provider) the change reaches, sorted. */
  agents: string[];
}

/** What a pull request changes in a workspace. Plain data, built by `reviewChanges`. */
export interface Review {
  /** Sorted by name; an agent can appear twice when the PR changes it and a rule would change it further. */
  agents: AgentChange[];
  migrations: MigrationReview[];
  /** Agents on a reviewed migration's `from` model that it leaves out, with the reason. */
  skipped: Skipped[];
  /** Warnings of the reviewed migrations' plans that concern no single agent. */
  warnings: string[];
  diffs: FileDiff[];
  /** Providers and the workspace file (`modelshift.yaml`) the pull request changes. */
  config: ConfigChange[];
  /** Workspace files the pull request adds, edits, renames or deletes, relative to the workspace root. */
  changedFiles: string[];
}
