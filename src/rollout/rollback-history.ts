import { isMap, parseAllDocuments } from 'yaml';
import { readFirstParentLog, type GitRun, type LogCommit } from '../git/log.js';
import { readFileSummary } from '../history/read-file.js';
import { agentEvents, isModelChange } from '../history/replay.js';
import type { FileSummary } from '../history/types.js';
import type { ModelRef } from '../schema/index.js';

/** What one migration did to one agent's model, read from history. */
export interface ModelChange {
  agent: string;
  /** The model (params included) before the migration's first change of it; undefined when that version could not be read. */
  before: ModelRef | undefined;
  /** The model the migration's last change of it set. */
  after: ModelRef | undefined;
  /** The commit of that last change. */
  commit: string;
}

interface Version {
  summary: FileSummary;
  /** Every agent's `spec.model` in this version of the file, params included. */
  models: Map<string, ModelRef>;
}

/**
 * Every agent whose model `isMigration` attributes to the migration, on the
 * first-parent line of `commit`. Attribution is history's own (trailer, merge
 * subject, the rule file in the same commit), so a squash merge counts like
 * a merge commit; history's events name provider and model only, so the
 * params are read from the same file versions along the way.
 */
export async function migrationModelChanges(run: GitRun & { commit: string }, isMigration: (attributed: string) => boolean): Promise<ModelChange[]> {
  const commits = await readFirstParentLog<Version>({ ...run, read: (text) => ({ summary: readFileSummary(text), models: agentModels(text) }) });
  const events = agentEvents(commits.map((c) => ({ ...c, files: c.files.map((f) => ({ ...f, content: f.content?.summary ?? null })) })));
  // Canary steps leave the model as it was; the cut-over and plain migrations are what a rollback puts back.
  const ours = events.filter((e) => isModelChange(e) && e.migration !== null && isMigration(e.migration));
  if (ours.length === 0) return [];

  const { before, after } = modelsAround(commits);
  const changes = new Map<string, ModelChange>();
  for (const event of ours) {
    const key = `${event.commit}\0${event.agent}`;
    const first = changes.get(event.agent);
    changes.set(event.agent, { agent: event.agent, before: first ? first.before : before.get(key), after: after.get(key), commit: event.commit });
  }
  return [...changes.values()];
}

/** Each agent's full model just before and just after every commit that touched its file, keyed `commit\0agent`. */
function modelsAround(commits: readonly LogCommit<Version>[]): { before: Map<string, ModelRef | undefined>; after: Map<string, ModelRef> } {
  const latest = new Map<string, ModelRef>();
  const before = new Map<string, ModelRef | undefined>();
  const after = new Map<string, ModelRef>();
  for (const commit of commits) {
    const written = new Map<string, ModelRef>();
    for (const file of commit.files) for (const [name, model] of file.content?.models ?? []) written.set(name, model);
    for (const [name, model] of written) {
      before.set(`${commit.sha}\0${name}`, latest.get(name));
      after.set(`${commit.sha}\0${name}`, model);
      latest.set(name, model);
    }
  }
  return { before, after };
}

function agentModels(text: string): Map<string, ModelRef> {
  const models = new Map<string, ModelRef>();
  if (!text.includes('modelshift.dev/')) return models;
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const data = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown }; spec?: { model?: Partial<ModelRef> } };
    const model = data.spec?.model;
    if (data.kind !== 'Agent' || typeof data.metadata?.name !== 'string' || typeof model?.provider !== 'string' || typeof model.name !== 'string') continue;
    models.set(data.metadata.name, { provider: model.provider, name: model.name, ...(model.params !== undefined ? { params: model.params } : {}) });
  }
  return models;
}
