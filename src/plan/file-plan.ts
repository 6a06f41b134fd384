import { Catalog } from '../catalog/index.js';
import { EditError, editYaml, type DocEdit } from '../edit/index.js';
import type { Doc } from '../edit/locate.js';
import type { Agent, Migration, ModelFactsOverride, ProviderType } from '../schema/index.js';
import { planAgent, type PlannedAgent } from './agent.js';
import { editOps } from './changes.js';
import { onSource, select } from './select.js';
import { unifiedDiff } from '../render/unified-diff.js';
import type { PlanError } from './types.js';

/**
 * What a thread that parses files needs to plan the agents in them: the rule
 * and the facts about its two providers, all plain data. `key` names the rule
 * (`file#name`), so the plan uses only what was planned for the rule it plans.
 */
export interface ThreadPlanning {
  key: string;
  rule: Migration;
  fromType: ProviderType;
  toType: ProviderType;
  catalog?: Record<string, ModelFactsOverride>;
}

/** One file planned where it was parsed: the agents' plans, and the file's new text or why it cannot be written. */
export interface FilePlan {
  key: string;
  agents: (PlannedAgent & { doc: number })[];
  text?: string;
  /** The file's unified diff, when it changes. */
  diff?: string;
  error?: PlanError;
}

/** Names a rule by where it is and what it is called. */
export function planKey(file: string, rule: Migration): string {
  return `${file}#${rule.metadata.name}`;
}

let catalogs: { overrides: unknown; catalog: Catalog } | undefined;

/**
 * Plans every agent of one file that the rule selects, edits the file and
 * verifies it, reusing the parse the checks made (documents with source tokens, and their data).
 * Whatever only the whole workspace knows (a cross-file finding, a claim by
 * another migration) is decided later, on the main thread.
 */
export function planParsedFile(file: string, text: string, parsed: { docs: readonly Doc[]; data: readonly unknown[] } | undefined, agents: readonly { doc: number; agent: Agent }[], planning: ThreadPlanning): FilePlan | undefined {
  // One catalog per thread and rule, not one per file.
  if (!catalogs || catalogs.overrides !== planning.catalog) catalogs = { overrides: planning.catalog, catalog: new Catalog(planning.catalog) };
  const destination = catalogs.catalog.lookup(planning.rule.spec.to.model);
  const planned = agents
    .filter(({ agent }) => onSource(planning.rule, agent) && select(planning.rule, agent).selected)
    .map(({ doc, agent }) => ({ doc, ...planAgent(planning.rule, agent, { fromType: planning.fromType, toType: planning.toType, destination }) }));
  if (planned.length === 0) return undefined;
  return { key: planning.key, agents: planned, ...rewriteFile(file, text, planned.filter((a) => a.changes.length).map((a) => ({ doc: a.doc, ops: editOps(a.changes) })), parsed) };
}

/** One verified edit of a file; an edit that cannot be made safely is a plan error, never a write. */
export function rewriteFile(file: string, source: string, edits: DocEdit[], parsed?: { docs: readonly Doc[]; data: readonly unknown[] }): { text?: string; diff?: string; error?: PlanError } {
  if (edits.length === 0) return {};
  try {
    const text = editYaml(source, edits, parsed?.docs, parsed?.data);
    if (text === source) return {};
    const diff = unifiedDiff(file, file, source, text);
    return { text, diff };
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    return { error: { file, line: error.line, column: error.column, path: '', rule: `edit-${error.reason}`, message: error.message } };
  }
}
