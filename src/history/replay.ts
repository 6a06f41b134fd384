import { AgentIndex, type PlacedAgent } from './agent-index.js';
import { migrationOfChanges, migrationOfFiles, migrationOfMessage, migrationOfTitle, prOf, type MigrationRule } from './attribution.js';
import type { AgentAt, AgentModel, Canary, HistoryAt, HistoryCommit, HistoryEvent, MigrationSummary, ModelId } from './types.js';

/**
 * Every agent event of the first-parent line, oldest first: model changes,
 * creations (`from: null`) and deletions (`to: null`). Within a commit, events
 * are ordered by agent name.
 */
export function agentEvents(commits: Iterable<HistoryCommit>): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const replay = new Replay();
  for (const commit of commits) events.push(...replay.apply(commit));
  return events;
}

/** Changes of existing agents, to their model or their canary: what `history` lists without `--agent`. */
export function isChange(event: HistoryEvent): boolean {
  return event.from !== null && event.to !== null;
}

/** A change of an existing agent's own model (a `model` event or a cut-over): what a rollback can put back. */
export function isModelChange(event: HistoryEvent): boolean {
  return event.from !== null && event.to !== null && !sameModel(event.from, event.to);
}

/** Newest commit first, like git log; a commit's events keep their agent-name order. */
export function newestFirst(events: readonly HistoryEvent[]): HistoryEvent[] {
  const commits: HistoryEvent[][] = [];
  for (const event of events) {
    const last = commits.at(-1);
    if (last?.[0]?.commit === event.commit) last.push(event);
    else commits.push([event]);
  }
  return commits.reverse().flat();
}

/**
 * Every agent's model right after the last commit made at or before `at`.
 * The line is replayed in first-parent order up to and including the last
 * commit dated at or before `at`: a commit whose clock was off is taken with
 * everything before it, never moved out of the order it landed in.
 */
export function agentsAt(commits: readonly HistoryCommit[], at: Date): HistoryAt {
  const cutoff = at.getTime();
  let last = -1;
  commits.forEach((commit, i) => {
    if (Date.parse(commit.date) <= cutoff) last = i;
  });
  const replay = new Replay();
  const { index } = replay;
  /** The commit that last created or changed each agent. */
  const setBy = new Map<string, string>();
  for (const commit of commits.slice(0, last + 1)) {
    for (const event of replay.apply(commit)) if (event.to !== null) setBy.set(event.agent, event.commit);
  }
  const agents: AgentAt[] = index
    .names()
    .sort(byCodePoint)
    .flatMap((name) => {
      const placed = index.find(name);
      if (!placed) return [];
      const at: AgentAt = { agent: name, file: placed.file, provider: placed.provider, model: placed.model, commit: setBy.get(name) ?? '' };
      return [placed.rollout ? { ...at, rollout: placed.rollout } : at];
    });
  return { at: at.toISOString(), commit: commits[last]?.sha ?? null, agents };
}

/** The line replayed so far: every agent's model, and every migration rule seen (by name, its last version). */
class Replay {
  readonly index = new AgentIndex();
  private readonly rules = new Map<string, MigrationRule>();
  private readonly named = new Set<string>();

  /** Updates the state with one commit and returns what it did to each agent it touched. */
  apply(commit: HistoryCommit): HistoryEvent[] {
    const { index } = this;
    const touched = new Set<string>();
    const migrations: MigrationSummary[] = [];
    for (const file of commit.files) {
      for (const path of [file.oldPath, file.path]) if (path !== undefined) for (const a of index.agentsIn(path)) touched.add(a.name);
      if (file.content?.valid) {
        for (const a of file.content.agents) touched.add(a.name);
        migrations.push(...file.content.migrations);
      }
    }
    this.learn(migrations);
    const names = [...touched].sort(byCodePoint);
    const before = new Map(names.map((name) => [name, index.find(name)] as const));
    applyFiles(index, commit);

    const migration = migrationOfMessage(commit.message) ?? migrationOfTitle(commit.message, (name) => this.knows(name));
    const pr = prOf(commit.message);
    const events: HistoryEvent[] = [];
    for (const name of names) {
      const from = before.get(name);
      const to = index.find(name);
      if (!changed(from, to)) continue;
      const file = (to ?? from)?.file ?? '';
      const { kind, rollout } = kindOf(from, to);
      // A canary names its migration in the file itself, which survives any merge button.
      const canary = to?.rollout?.migration ?? (kind === 'model' ? undefined : from?.rollout?.migration);
      events.push({
        kind,
        commit: commit.sha,
        date: commit.date,
        author: commit.author,
        migration: migration ?? canary ?? migrationOfFiles(migrations, to ? modelOf(to) : null),
        pr,
        agent: name,
        file,
        from: from ? modelOf(from) : null,
        to: to ? modelOf(to) : null,
        ...(rollout ? { rollout } : {}),
      });
    }
    this.byContent(events);
    return events;
  }

  /**
   * A commit that names no migration but whose model changes are exactly
   * what one known rule makes (or undoes) is that migration's (or its
   * rollback's): e.g. a squash merge whose message was rewritten.
   */
  private byContent(events: HistoryEvent[]): void {
    if (events.length === 0 || events.some((e) => e.migration !== null)) return;
    const changes = events.filter(isModelChange).map((e) => ({ from: e.from!, to: e.to! }));
    if (changes.length !== events.length) return;
    const migration = migrationOfChanges(this.rules.values(), changes);
    if (migration !== null) for (const event of events) event.migration = migration;
  }

  private learn(migrations: readonly MigrationSummary[]): void {
    for (const m of migrations) {
      this.named.add(m.name);
      if (m.from && m.to) this.rules.set(m.name, { name: m.name, from: m.from, to: m.to });
    }
  }

  /** Whether a migration of this name (or the one this is the rollback of) has been in the workspace. */
  private knows(name: string): boolean {
    return this.named.has(name) || this.named.has(name.replace(/-rollback$/, ''));
  }
}

/**
 * Removes every rename source first, then writes every new version, so the
 * order git lists a commit's files in cannot matter. A version that cannot be
 * read keeps the file's last good agents (moved along with a rename).
 */
function applyFiles(index: AgentIndex, commit: HistoryCommit): void {
  const renamed = new Map<string, AgentModel[]>();
  for (const file of commit.files) {
    if (file.oldPath === undefined) continue;
    renamed.set(file.path, index.agentsIn(file.oldPath));
    index.removeFile(file.oldPath);
  }
  for (const file of commit.files) {
    if (file.content === null) index.removeFile(file.path);
    else if (file.content.valid) index.setFile(file.path, file.content.agents);
    else {
      const carried = renamed.get(file.path);
      if (carried) index.setFile(file.path, carried);
    }
  }
}

function changed(from: PlacedAgent | undefined, to: PlacedAgent | undefined): boolean {
  if (!from || !to) return from !== to;
  return !sameModel(from, to) || !sameCanary(from.rollout, to.rollout);
}

/** Which kind of event turns `from` into `to`, from their `spec.rollout`s; a creation or deletion is a `model` event. */
function kindOf(from: PlacedAgent | undefined, to: PlacedAgent | undefined): Pick<HistoryEvent, 'kind' | 'rollout'> {
  const before = from?.rollout;
  const after = to?.rollout;
  if (!from || !to || (!before && !after)) return { kind: 'model' };
  if (before && !after) {
    const cutover = sameModel(to, before.model);
    return { kind: cutover ? 'cutover' : 'rollout-end', rollout: { candidate: modelOf(before.model), weight: { from: before.weight, to: cutover ? 100 : null } } };
  }
  if (!after) return { kind: 'model' };
  const weight = { from: before?.weight ?? null, to: after.weight };
  if (!before || before.migration !== after.migration || !sameModel(before.model, after.model)) {
    return { kind: 'rollout-start', rollout: { candidate: modelOf(after.model), weight } };
  }
  if (before.weight !== after.weight) return { kind: 'promote', rollout: { candidate: modelOf(after.model), weight } };
  return { kind: 'model' };
}

const sameModel = (a: ModelId, b: ModelId) => a.provider === b.provider && a.model === b.model;

function sameCanary(a: Canary | undefined, b: Canary | undefined): boolean {
  if (!a || !b) return a === b;
  return a.migration === b.migration && a.weight === b.weight && sameModel(a.model, b.model);
}

const modelOf = ({ provider, model }: ModelId): ModelId => ({ provider, model });

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
