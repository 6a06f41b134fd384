import { isMap, parseAllDocuments } from 'yaml';
import { parseSimpleYaml } from './simple-yaml.js';
import type { AgentModel, Canary, FileSummary, MigrationSummary, ModelId } from './types.js';

const OURS = 'modelshift.dev/';
const NOTHING: FileSummary = { valid: true, agents: [], migrations: [] };

/** Reads a value at a key path of one document; undefined when absent. */
type Lookup = (path: readonly string[]) => unknown;

/**
 * What one version of a YAML file holds: its agents' models and its
 * migrations. Values are compared parsed, so comments, quoting and layout
 * never look like a change. A file that does not parse, or an Agent whose name
 * or model cannot be read, makes the whole version invalid: a broken commit
 * must not read as "agent deleted" followed by "agent created".
 */
export function readFileSummary(text: string): FileSummary {
  // Most YAML in a repository is not ours; skip the parse for it.
  if (!text.includes(OURS)) return NOTHING;
  const simple = parseSimpleYaml(text);
  if (simple !== undefined) return summarize([(path) => valueAt(simple, path)]);
  const lookups: Lookup[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) return { valid: false };
    if (isMap(doc.contents)) lookups.push((path) => doc.getIn(path));
  }
  return summarize(lookups);
}

function summarize(docs: readonly Lookup[]): FileSummary {
  const agents: AgentModel[] = [];
  const migrations: MigrationSummary[] = [];
  for (const at of docs) {
    const apiVersion = at(['apiVersion']);
    if (typeof apiVersion !== 'string' || !apiVersion.startsWith(OURS)) continue;
    const kind = at(['kind']);
    const name = text(at, ['metadata', 'name']);
    if (kind === 'Agent') {
      const provider = text(at, ['spec', 'model', 'provider']);
      const model = text(at, ['spec', 'model', 'name']);
      if (name === undefined || provider === undefined || model === undefined) return { valid: false };
      const rollout = canaryAt(at);
      agents.push(rollout ? { name, provider, model, rollout } : { name, provider, model });
    } else if (kind === 'Migration' && name !== undefined) {
      const from = modelAt(at, ['spec', 'from']);
      const to = modelAt(at, ['spec', 'to']);
      migrations.push({ name, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    }
  }
  return { valid: true, agents, migrations };
}

/** `{ provider, model }` under `path`, when both are there. */
function modelAt(at: Lookup, path: readonly string[]): ModelId | undefined {
  const provider = text(at, [...path, 'provider']);
  const model = text(at, [...path, 'model']);
  return provider !== undefined && model !== undefined ? { provider, model } : undefined;
}

/** `spec.rollout` when it is complete; a half-written one is no canary (validate reports it). */
function canaryAt(at: Lookup): Canary | undefined {
  const migration = text(at, ['spec', 'rollout', 'migration']);
  const weight = at(['spec', 'rollout', 'weight']);
  const provider = text(at, ['spec', 'rollout', 'model', 'provider']);
  const model = text(at, ['spec', 'rollout', 'model', 'name']);
  if (migration === undefined || typeof weight !== 'number' || provider === undefined || model === undefined) return undefined;
  return { migration, weight, model: { provider, model } };
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let here = value;
  for (const key of path) {
    if (typeof here !== 'object' || here === null || Array.isArray(here) || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

function text(at: Lookup, path: readonly string[]): string | undefined {
  const value = at(path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
