import { planMigration } from '../plan/plan.js';
import { onSource, select } from '../plan/select.js';
import type { Plan } from '../plan/types.js';
import type { Agent, Migration } from '../schema/index.js';
import type { MigrationSplit } from '../schema/migration.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { Loaded } from '../workspace/types.js';

/** One pull request's share of a split migration. */
export interface PlanGroup {
  /** Ref-safe: the last part of the branch `modelshift/<migration>/<key>`. */
  key: string;
  /** How a reviewer reads the group: `team=support`, `@acme/support-eng`, `part 2`. */
  label: string;
  /** The migration planned on the group's agents only. */
  plan: Plan;
  /** The group holds the rewrites of `spec.references` (outside modelshift files), no agents. */
  references?: true;
}

/**
 * A split migration's plan per group (`spec.split`), in key order; groups
 * with nothing to migrate are left out, so their PRs close. Each group is
 * planned on the workspace with only its agents, so its files, diff,
 * warnings and skipped agents are its own. Pure.
 */
export function splitPlan(workspace: LoadedWorkspace, migration: Loaded<Migration>, split: MigrationSplit): PlanGroup[] {
  const rule = migration.value;
  const members = new Map<string, { label: string; names: Set<string> }>();
  const agents = [...workspace.agents.values()].map((a) => a.value).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const place = placement(rule, agents, split);
  for (const agent of agents) {
    if (!onSource(rule, agent)) continue;
    const { key, label } = place(agent);
    const group = members.get(key) ?? { label, names: new Set<string>() };
    group.names.add(agent.metadata.name);
    members.set(key, group);
  }
  const groups: PlanGroup[] = [];
  for (const [key, { label, names }] of [...members].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    const only = new Map([...workspace.agents].filter(([name]) => names.has(name)));
    const plan = planMigration({ ...workspace, agents: only }, migration);
    if (plan.agents.some((a) => a.changes.length > 0) || plan.errors.length) groups.push({ key, label, plan });
  }
  return groups;
}

/**
 * The pull request of a split migration's `spec.references` rewrites: one more group,
 * `references`, holding every rewrite outside modelshift files and no agent. Application
 * code, env files and other tools' configs have no modelshift owner or label to tell
 * which group they belong to (GitHub's CODEOWNERS asks the right reviewers for them), and
 * a team's PR should not carry another team's code. Undefined when nothing is rewritten.
 * The key gives way to an agent group already called `references`. Pure.
 */
export function referencesGroup(plan: Plan, groups: readonly PlanGroup[]): PlanGroup | undefined {
  const refs = plan.references;
  if (!refs || !Object.keys(refs.files).length) return undefined;
  const taken = new Set(groups.map((g) => g.key));
  let key = 'references';
  for (let n = 2; taken.has(key); n++) key = `references-${n}`;
  return {
    key,
    label: 'references outside modelshift files',
    references: true,
    plan: {
      ...plan,
      agents: [],
      skipped: [],
      warnings: [],
      errors: [],
      summary: { migrate: 0, skipped: 0, warnings: refs.warnings.length, errors: 0 },
      diff: '',
      files: { ...refs.files },
    },
  };
}

function placement(rule: Migration, agents: Agent[], split: MigrationSplit): (agent: Agent) => { key: string; label: string } {
  if ('maxAgents' in split) {
    const numbers = partNumbers(rule, agents, split.maxAgents);
    return (agent) => partOf(numbers, agent);
  }
  return (agent) => groupOf(split, agent);
}

function groupOf(split: Exclude<MigrationSplit, { maxAgents: number }>, agent: Agent): { key: string; label: string } {
  if (split.by === 'label') {
    const value = agent.metadata.labels?.[split.label];
    return value === undefined ? { key: refSafe(`no-${split.label}`), label: `no ${split.label} label` } : { key: refSafe(value), label: `${split.label}=${value}` };
  }
  // The first owner decides, so an agent with several owners is in exactly one PR.
  const owner = agent.metadata.owners?.[0];
  return owner === undefined ? { key: 'no-owner', label: 'no owner' } : { key: refSafe(owner), label: owner };
}

/**
 * Part numbers that do not move as parts merge: agents are ranked among all
 * the rule selects, those already on the destination included, so merging
 * part 1 leaves parts 2, 3… with the agents they had. Agents the rule does
 * not select are listed (as skipped) in part 1.
 */
function partNumbers(rule: Migration, agents: Agent[], size: number): Map<string, number> {
  const ranked = agents.filter((agent) => {
    const selection = select(rule, agent);
    return selection.selected || selection.code === 'on-destination' || (selection.code === 'canary' && agent.spec.rollout?.migration === rule.metadata.name);
  });
  return new Map(ranked.map((agent, i) => [agent.metadata.name, Math.floor(i / size) + 1]));
}

function partOf(numbers: Map<string, number>, agent: Agent): { key: string; label: string } {
  const n = numbers.get(agent.metadata.name) ?? 1;
  return { key: `part-${n}`, label: `part ${n}` };
}

/** A git ref component: lowercase letters, digits, `.`, `_`, `-`; no `..`, no leading `.`, no `.lock` end. */
export function refSafe(text: string): string {
  const key = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/\.lock$/, '-lock');
  return key || 'none';
}
