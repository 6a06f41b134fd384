import { isMap, parseAllDocuments, type Document } from 'yaml';
import type { AgentModel, FileSummary, MigrationSummary, ModelId } from './types.js';

const OURS = 'modelshift.dev/';
const NOTHING: FileSummary = { valid: true, agents: [], migrations: [] };

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
  const agents: AgentModel[] = [];
  const migrations: MigrationSummary[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) return { valid: false };
    if (!isMap(doc.contents)) continue;
    const apiVersion = doc.get('apiVersion');
    if (typeof apiVersion !== 'string' || !apiVersion.startsWith(OURS)) continue;
    const kind = doc.get('kind');
    if (kind === 'Agent') {
      const agent = readAgent(doc);
      if (!agent) return { valid: false };
      agents.push(agent);
    } else if (kind === 'Migration') {
      const name = stringAt(doc, ['metadata', 'name']);
      if (name !== undefined) migrations.push(readMigration(doc, name));
    }
  }
  return { valid: true, agents, migrations };
}

function readAgent(doc: Document): AgentModel | undefined {
  const name = stringAt(doc, ['metadata', 'name']);
  const provider = stringAt(doc, ['spec', 'model', 'provider']);
  const model = stringAt(doc, ['spec', 'model', 'name']);
  if (name === undefined || provider === undefined || model === undefined) return undefined;
  return { name, provider, model };
}

function readMigration(doc: Document, name: string): MigrationSummary {
  const to: Partial<ModelId> = { provider: stringAt(doc, ['spec', 'to', 'provider']), model: stringAt(doc, ['spec', 'to', 'model']) };
  return to.provider !== undefined && to.model !== undefined ? { name, to: { provider: to.provider, model: to.model } } : { name };
}

function stringAt(doc: Document, path: string[]): string | undefined {
  const value: unknown = doc.getIn(path);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
