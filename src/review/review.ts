import { isDeepStrictEqual } from 'node:util';
import { diffFields } from '../plan/changes.js';
import { planMigration } from '../plan/plan.js';
import { onSource } from '../plan/select.js';
import type { Plan, Skipped } from '../plan/types.js';
import type { Agent, Migration } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { Loaded } from '../workspace/types.js';
import { unifiedDiff } from '../render/unified-diff.js';
import type { AgentChange, ConfigChange, FileDiff, MigrationReview, Review } from './types.js';

/**
 * What a pull request changes, from the workspace at its base and at its
 * head. `changedFiles` are the files git reports as changed, relative to the
 * workspace root. Pure: plans are made on the head workspace in memory.
 */
export function reviewChanges(base: LoadedWorkspace, head: LoadedWorkspace, changedFiles: readonly string[]): Review {
  const changed = new Set(changedFiles);
  const rules = [...head.migrations.values()].sort((a, b) => a.value.metadata.name.localeCompare(b.value.metadata.name));
  const migrations: MigrationReview[] = rules
    .filter((m) => changed.has(m.file) && !isDeepStrictEqual(base.migrations.get(m.value.metadata.name)?.value, m.value))
    .map((m) => ({
      name: m.value.metadata.name,
      file: m.file,
      status: base.migrations.has(m.value.metadata.name) ? 'changed' : 'added',
      plan: planMigration(head, m),
    }));

  const own = agentsChangedByPr(base, head, rules);
  const pending: AgentChange[] = migrations.flatMap(({ name, plan }) =>
    plan.agents
      .filter((agent) => agent.changes.length > 0)
      .map((agent) => ({ name: agent.name, kind: 'pending' as const, file: agent.file, migration: name, before: agent.before, after: agent.after, changes: agent.changes, warnings: agent.warnings })),
  );
  const agents = [...own, ...pending].sort((a, b) => a.name.localeCompare(b.name) || order(a) - order(b));

  const skipped = new Map<string, Skipped>();
  for (const s of migrations.flatMap((m) => m.plan.skipped)) if (!skipped.has(s.name)) skipped.set(s.name, s);
  const warnings = migrations.flatMap((m) => m.plan.warnings.map((w) => (migrations.length > 1 ? `${m.name}: ${w}` : w)));

  return {
    agents,
    migrations,
    skipped: [...skipped.values()].sort((a, b) => a.name.localeCompare(b.name)),
    warnings,
    diffs: [...prDiffs(base, head, own), ...pendingDiffs(head, migrations)],
    config: [...providerChanges(base, head), ...workspaceChanges(base, head)],
    changedFiles: [...changedFiles].sort(),
  };
}

/**
 * Agents whose document differs between base and head, matched by name (a
 * moved file is still the same agent). A change that follows a migration
 * gets the warnings that migration's plan gives on the base, the ones
 * `modelshift pr` showed when it made the change.
 */
function agentsChangedByPr(base: LoadedWorkspace, head: LoadedWorkspace, rules: Loaded<Migration>[]): AgentChange[] {
  const names = [...new Set([...base.agents.keys(), ...head.agents.keys()])];
  const basePlans = new Map<string, Plan>();
  const planOnBase = (rule: Loaded<Migration>) => {
    const name = rule.value.metadata.name;
    if (!basePlans.has(name)) basePlans.set(name, planMigration(base, rule));
    return basePlans.get(name)!;
  };
  const out: AgentChange[] = [];
  for (const name of names) {
    const before = base.agents.get(name);
    const after = head.agents.get(name);
    if (before && after) {
      const changes = diffFields(before.value, after.value);
      if (!changes.length) continue;
      const rule = rules.find((r) => follows(r.value, before.value, after.value));
      const warnings = rule ? (planOnBase(rule).agents.find((a) => a.name === name)?.warnings ?? []) : [];
      out.push({ name, kind: 'changed', file: after.file, ...(rule ? { migration: rule.value.metadata.name } : {}), before: before.value, after: after.value, changes, warnings });
    } else if (after) {
      out.push({ name, kind: 'added', file: after.file, after: after.value, changes: [], warnings: [] });
    } else if (before) {
      out.push({ name, kind: 'removed', file: before.file, before: before.value, changes: [], warnings: [] });
    }
  }
  return out;
}

/** The change moves the agent the way `rule` does: off its `from` model, onto `to` or into the rule's canary. */
function follows(rule: Migration, before: Agent, after: Agent): boolean {
  if (!onSource(rule, before)) return false;
  const { to } = rule.spec;
  const model = after.spec.model;
  return (model.provider === to.provider && model.name === to.model) || after.spec.rollout?.migration === rule.metadata.name;
}

/** Providers added, removed or edited, each with the agents that use it (as their model or their canary's). */
function providerChanges(base: LoadedWorkspace, head: LoadedWorkspace): ConfigChange[] {
  const names = [...new Set([...base.providers.keys(), ...head.providers.keys()])].sort();
  const out: ConfigChange[] = [];
  for (const name of names) {
    const before = base.providers.get(name);
    const after = head.providers.get(name);
    const changes = diffFields(before?.value.spec ?? {}, after?.value.spec ?? {}, ['spec']);
    if (!changes.length && before && after) continue;
    const status = !before ? 'added' : !after ? 'removed' : 'changed';
    const users = agentsWhere(after ? head : base, (agent) => agent.spec.model.provider === name || agent.spec.rollout?.model.provider === name);
    out.push({ kind: 'provider', name, file: (after ?? before)!.file, status, changes, agents: users });
  }
  return out;
}

/**
 * `modelshift.yaml` edits. A catalog override (`spec.catalog.models.<id>`)
 * reaches the agents on that model; other settings (ignore, eval defaults,
 * sync targets) concern the workspace, not named agents.
 */
function workspaceChanges(base: LoadedWorkspace, head: LoadedWorkspace): ConfigChange[] {
  const before = base.config;
  const after = head.config;
  if (!before && !after) return [];
  const changes = diffFields(before?.value.spec ?? {}, after?.value.spec ?? {}, ['spec']);
  if (!changes.length && before && after) return [];
  // Model ids hold dots (`gpt-4.1`), so paths are matched against the ids rather than split.
  const ids = [...new Set([...Object.keys(before?.value.spec.catalog?.models ?? {}), ...Object.keys(after?.value.spec.catalog?.models ?? {})])];
  const under = (path: string, id: string) => path === `spec.catalog.models.${id}` || path.startsWith(`spec.catalog.models.${id}.`);
  const models = new Set(ids.filter((id) => changes.some((c) => under(c.path, id) || c.path === 'spec.catalog' || c.path === 'spec.catalog.models')));
  const users = agentsWhere(head, (agent) => models.has(agent.spec.model.name) || (agent.spec.rollout !== undefined && models.has(agent.spec.rollout.model.name)));
  const file = (after ?? before)!.file;
  return [{ kind: 'workspace', name: file, file, status: !before ? 'added' : !after ? 'removed' : 'changed', changes, agents: users }];
}

function agentsWhere(workspace: LoadedWorkspace, test: (agent: Agent) => boolean): string[] {
  return [...workspace.agents.values()].filter((a) => test(a.value)).map((a) => a.value.metadata.name).sort();
}

function order(change: AgentChange): number {
  return change.kind === 'pending' ? 1 : 0;
}

function prDiffs(base: LoadedWorkspace, head: LoadedWorkspace, own: AgentChange[]): FileDiff[] {
  const byFile = new Map<string, { baseFile?: string; agents: string[] }>();
  for (const change of own) {
    const baseFile = base.agents.get(change.name)?.file;
    const entry = byFile.get(change.file) ?? { baseFile, agents: [] };
    entry.agents.push(change.name);
    byFile.set(change.file, entry);
  }
  return [...byFile]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, { baseFile, agents }]) => {
      // A deleted file is absent at head: the patch then removes every line.
      const before = baseFile === undefined ? '' : (base.files.get(baseFile)?.text ?? '');
      const after = head.files.get(file)?.text ?? '';
      return { file, agents, source: 'pr' as const, patch: patch(baseFile ?? file, file, before, after) };
    });
}

function pendingDiffs(head: LoadedWorkspace, migrations: MigrationReview[]): FileDiff[] {
  return migrations.flatMap(({ plan }) =>
    Object.entries(plan.files).map(([file, text]) => ({
      file,
      agents: plan.agents.filter((a) => a.file === file && a.changes.length > 0).map((a) => a.name),
      source: 'pending' as const,
      patch: patch(file, file, head.files.get(file)?.text ?? '', text),
    })),
  );
}

function patch(from: string, to: string, before: string, after: string): string {
  return unifiedDiff(from, to, before, after);
}
