/** A model on a provider, as history reports it (`spec.model.provider` / `spec.model.name`). */
export interface ModelId {
  provider: string;
  model: string;
}

/** What one version of a YAML file holds that history cares about. */
export type FileSummary =
  | { valid: true; agents: AgentModel[]; migrations: MigrationSummary[] }
  /** The file could not be read in this version (syntax error, an Agent without a model): history keeps its last good version. */
  | { valid: false };

/** A canary an agent is in (`spec.rollout`): `weight` percent of its conversations go to `model`. */
export interface Canary {
  migration: string;
  weight: number;
  model: ModelId;
}

export interface AgentModel extends ModelId {
  name: string;
  /** Set while the agent is in a canary. */
  rollout?: Canary;
}

/** A Migration document, used to attribute changes made in the commit that adds or edits it. */
export interface MigrationSummary {
  name: string;
  /** `spec.from` (its model may be a glob), when it names a provider and a model. */
  from?: ModelId;
  /** `spec.to`, when it names a provider and a model. */
  to?: ModelId;
}

/** One changed YAML file of a commit, with what its new version holds. */
export interface HistoryFile {
  /** git's status letter: A, M, D, R (renamed), T (type changed). */
  status: string;
  /** Relative to the workspace root, with `/`. */
  path: string;
  /** The path before a rename. */
  oldPath?: string;
  /** Null when the file was deleted or is no longer a regular file. */
  content: FileSummary | null;
}

/** A commit of the first-parent line that changed YAML files, in the order they landed (oldest first). */
export interface HistoryCommit {
  sha: string;
  parents: string[];
  author: string;
  /** Strict ISO 8601. */
  date: string;
  message: string;
  files: HistoryFile[];
}

/**
 * What an event did. `model`: the agent's model changed outside any canary
 * (or the agent was created or deleted). The rest follow `spec.rollout`:
 * `rollout-start` puts the agent in a canary (or gives its canary another
 * candidate), `promote` changes the canary's weight, `cutover` makes the
 * candidate the model and ends the canary, `rollout-end` ends it with the
 * model unchanged (an abandoned or rolled-back canary).
 */
export type EventKind = 'model' | 'rollout-start' | 'promote' | 'cutover' | 'rollout-end';

/** The canary side of a rollout event: the candidate and its weight (percent) before and after; null where there was no canary. */
export interface CanaryChange {
  candidate: ModelId;
  weight: { from: number | null; to: number | null };
}

/**
 * One change of one agent, in the JSON shape of DESIGN §2 plus `kind` (and,
 * for a rollout event, `rollout`). `from` is null when the commit created the
 * agent and `to` is null when it deleted it; `from`/`to` are always the
 * agent's own `spec.model`, so a canary event can leave them equal.
 */
export interface HistoryEvent {
  kind: EventKind;
  commit: string;
  date: string;
  author: string;
  migration: string | null;
  pr: number | null;
  agent: string;
  /** Where the agent lives after the commit (before it, for a deletion). */
  file: string;
  from: ModelId | null;
  to: ModelId | null;
  /** Set on rollout events. */
  rollout?: CanaryChange;
}

/** An agent's model (and canary, while one runs) at some moment, and the commit that gave it them. */
export interface AgentAt extends ModelId {
  agent: string;
  file: string;
  commit: string;
  rollout?: Canary;
}

/** `history --at` data. `commit` is the last first-parent commit at or before `at`, null when there was none. */
export interface HistoryAt {
  at: string;
  commit: string | null;
  agents: AgentAt[];
}

export interface HistoryLog {
  events: HistoryEvent[];
}
