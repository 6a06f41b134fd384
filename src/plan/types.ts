import type { Agent } from '../schema/index.js';
import type { ReferencesPlan } from '../scan/rewrite.js';

export interface FieldChange {
  /** Dotted path in the agent document, e.g. `spec.model.params.max_completion_tokens`. */
  path: string;
  /** Absent (undefined) when the field is added. */
  before: unknown;
  /** Absent (undefined) when the field is removed. */
  after: unknown;
}

export interface AgentPlan {
  name: string;
  file: string;
  /** Index of the document in its file. */
  doc: number;
  changes: FieldChange[];
  warnings: string[];
  /** The agent as it is and as the plan makes it. */
  before: Agent;
  after: Agent;
}

export interface Skipped {
  name: string;
  reason: string;
  /** Machine-readable reason; `invalid` blocks `apply`. */
  code: 'excluded' | 'not-selected' | 'on-destination' | 'canary' | 'invalid' | 'no-provider';
}

/** A problem that stops the plan from being applied (e.g. an edit that could not be made safely). */
export interface PlanError {
  file: string;
  line: number;
  column: number;
  /** Empty: an edit error concerns the file, not one path of it. */
  path: string;
  /** `edit-alias`, `edit-verify`, … after the reason the edit was refused. */
  rule: string;
  message: string;
}

/** Everything `plan` found; `apply` writes `files`. Plain data. */
export interface Plan {
  migration: string;
  /** Where the rule lives, relative to the workspace root. */
  migrationFile: string;
  from: { provider: string; model: string };
  to: { provider: string; model: string };
  agents: AgentPlan[];
  skipped: Skipped[];
  /** Plan-level warnings (agents claimed by two migrations, evals not configured, …). */
  warnings: string[];
  errors: PlanError[];
  summary: { migrate: number; skipped: number; warnings: number; errors: number };
  /** Unified diff of every file that changes. */
  diff: string;
  /** New text of every file that changes, by path relative to the workspace root. */
  files: Record<string, string>;
  /** Whether the rule writes a canary (`spec.rollout`) instead of replacing the model. */
  rollout: boolean;
  /** References to `from` outside modelshift files (spec.references); added by commands/plan-references.ts. */
  references?: ReferencesPlan;
}
