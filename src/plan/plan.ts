import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments, type Document } from 'yaml';
import type { DocEdit } from '../edit/index.js';
import type { Migration } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { MAX_ALIAS_COUNT } from '../workspace/parse-file.js';
import type { Loaded } from '../workspace/types.js';
import { planAgent } from './agent.js';
import { editOps } from './changes.js';
import { planKey, rewriteFile, type FilePlan } from './file-plan.js';
import { globMatch } from './glob.js';
import { onSource, select } from './select.js';
import type { AgentPlan, Plan, PlanError, Skipped } from './types.js';

/** Findings that make a file unsafe to rewrite; catalog verdicts are what a migration fixes, so they do not block. */
const BLOCKING_RULES = new Set(['yaml-syntax', 'yaml-alias', 'schema', 'encoding', 'file-size', 'literal-secret', 'unique-name', 'symlink-escape']);

/** Above this many agents, one PR is hard to review: the plan suggests `spec.split`. */
const SPLIT_HINT_AGENTS = 100;

/** `localeCompare`'s order, from one collator instead of one per comparison (thousands of agents are sorted). */
const byLocale = new Intl.Collator().compare;

/** Migration × Workspace → Plan. Pure: reads only what the workspace holds. */
export function planMigration(workspace: LoadedWorkspace, migration: Loaded<Migration>): Plan {
  const rule = migration.value;
  const { from, to } = rule.spec;
  const blocked = new Set(workspace.findings.filter((f) => f.severity === 'error' && BLOCKING_RULES.has(f.rule)).map((f) => f.file));
  const others = [...workspace.migrations.values()].filter((m) => m.value.metadata.name !== rule.metadata.name);
  const fromType = workspace.providers.get(from.provider)?.value.spec.type;
  const toType = workspace.providers.get(to.provider)?.value.spec.type;
  const destination = workspace.catalog.lookup(to.model);

  const key = planKey(migration.file, rule);
  // Only for the very rule the threads planned: a caller may plan an edited copy of it (repair).
  const sameRule = workspace.plannedRule !== undefined && isDeepStrictEqual(workspace.plannedRule, rule);
  const inThread = (file: string) => {
    const planned = sameRule ? workspace.planned?.get(file) : undefined;
    return planned?.key === key ? planned : undefined;
  };
  const agents: AgentPlan[] = [];
  const skipped: Skipped[] = [];
  const warnings: string[] = [];
  if (!rule.spec.eval) warnings.push('evals are not configured for this migration (spec.eval); the change is not measured before merge');
  if (!fromType || !toType) {
    warnings.push(`provider ${!fromType ? from.provider : to.provider} is not defined; nothing can be planned until it is`);
  }

  for (const loaded of [...workspace.agents.values()].sort((a, b) => byLocale(a.value.metadata.name, b.value.metadata.name))) {
    const agent = loaded.value;
    if (!onSource(rule, agent)) continue;
    const name = agent.metadata.name;
    const selection = select(rule, agent);
    if (!selection.selected) {
      skipped.push({ name, reason: selection.reason, code: selection.code });
      continue;
    }
    if (blocked.has(loaded.file)) {
      skipped.push({ name, reason: `${loaded.file} is invalid; run modelshift validate and fix it first`, code: 'invalid' });
      continue;
    }
    if (!fromType || !toType) {
      skipped.push({ name, reason: 'a provider of the migration is not defined', code: 'no-provider' });
      continue;
    }
    const claimed = others.filter((m) => onSource(m.value, agent) && select(m.value, agent).selected).map((m) => m.value.metadata.name);
    const claims = claimed.map((other) => `also claimed by migration ${other}; make the rules' selections disjoint`);
    const pre = inThread(loaded.file)?.agents.find((a) => a.doc === loaded.doc);
    const { changes, warnings: own, after } = pre ?? planAgent(rule, agent, { fromType, toType, destination });
    agents.push({ name, file: loaded.file, doc: loaded.doc, changes, warnings: [...claims, ...own], before: agent, after });
  }

  if (!rule.spec.split && agents.length > SPLIT_HINT_AGENTS) {
    warnings.push(
      `${agents.length} agents in one pull request is a lot to review; add spec.split to open one per group: { by: label, label: team }, { by: owner } or { maxAgents: 50 }`,
    );
  }
  skipped.push(...invalidAgentsOnSource(workspace, rule, new Set(workspace.agents.keys())));
  skipped.sort((a, b) => byLocale(a.name, b.name));
  const { files, errors, diff } = rewriteFiles(workspace, agents, inThread);
  const warningCount = warnings.length + agents.reduce((n, a) => n + a.warnings.length, 0);
  return {
    migration: rule.metadata.name,
    migrationFile: migration.file,
    from,
    to,
    agents,
    skipped,
    warnings,
    errors,
    summary: { migrate: agents.length, skipped: skipped.length, warnings: warningCount, errors: errors.length },
    diff,
    files,
    rollout: Boolean(rule.spec.rollout),
  };
}

/**
 * Agents whose document failed its schema are not in the workspace, but if
 * they are on the source model the migration must not pass them by silently:
 * they are read loosely from their file and listed as skipped (invalid).
 */
function invalidAgentsOnSource(workspace: LoadedWorkspace, rule: Migration, valid: ReadonlySet<string>): Skipped[] {
  const found: Skipped[] = [];
  const loadedFiles = new Set([...workspace.agents.values()].map((a) => a.file));
  for (const source of workspace.files.values()) {
    if (!source.invalid) continue;
    const reason = `${source.file} is invalid; run modelshift validate and fix it first`;
    const docs = parseAllDocuments(source.text);
    // A file YAML cannot read may still be an agent on the source model; its text is all there is to go by.
    if (docs.some((d) => d.errors.length) && !loadedFiles.has(source.file) && namesModel(source.text, rule.spec.from.model)) {
      found.push({ name: source.file, reason, code: 'invalid' });
      continue;
    }
    for (const doc of docs) {
      const data = looseData(doc);
      const name = data?.metadata?.name;
      const model = data?.spec?.model;
      if (data?.kind !== 'Agent' || typeof name !== 'string' || valid.has(name) || typeof model?.name !== 'string') continue;
      // A misspelt provider key still leaves an agent on the source model that the rule would have taken.
      if ((typeof model.provider === 'string' && model.provider !== rule.spec.from.provider) || !globMatch(model.name, rule.spec.from.model)) continue;
      found.push({ name, reason, code: 'invalid' });
    }
  }
  return found;
}

/** Does the text hold the rule's model (or, for a glob, the part before its first wildcard)? */
function namesModel(text: string, model: string): boolean {
  const literal = model.split(/[*?[]/)[0]!;
  return literal.length > 0 && /\bkind:\s*Agent\b/.test(text) && text.includes(literal);
}

function looseData(doc: Document.Parsed): LooseAgent | undefined {
  if (doc.errors.length) return undefined;
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as LooseAgent | undefined;
  } catch {
    return undefined; // an alias bomb: validate reports it
  }
}

interface LooseAgent {
  kind?: unknown;
  metadata?: { name?: unknown };
  spec?: { model?: { provider?: unknown; name?: unknown } };
}

/**
 * One verified edit per file; an edit that cannot be made safely becomes a
 * plan error, never a write. A file planned in the thread that parsed it is
 * taken as it is when it edits exactly the agents planned here.
 */
function rewriteFiles(workspace: LoadedWorkspace, agents: AgentPlan[], inThread: (file: string) => FilePlan | undefined): { files: Record<string, string>; errors: PlanError[]; diff: string } {
  const byFile = new Map<string, AgentPlan[]>();
  for (const agent of agents) {
    if (!agent.changes.length) continue;
    const changed = byFile.get(agent.file) ?? [];
    changed.push(agent);
    byFile.set(agent.file, changed);
  }
  const files: Record<string, string> = {};
  const errors: PlanError[] = [];
  const diffs: string[] = [];
  for (const [file, changed] of [...byFile].sort(([a], [b]) => byLocale(a, b))) {
    const planned = inThread(file);
    const same = planned && sameDocs(planned.agents.filter((a) => a.changes.length).map((a) => a.doc), changed.map((a) => a.doc));
    // The edits are worked out only for a file the thread did not already edit.
    const result = same ? planned : rewriteFile(file, workspace.files.get(file)!.text, changed.map((a): DocEdit => ({ doc: a.doc, ops: editOps(a.changes) })));
    if (result.text !== undefined) {
      files[file] = result.text;
      diffs.push(result.diff ?? '');
    }
    if (result.error) errors.push(result.error);
  }
  return { files, errors, diff: diffs.join('') };
}

function sameDocs(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((doc) => b.includes(doc));
}
