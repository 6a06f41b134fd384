import { checkParams, TOKEN_LIMITS } from '../catalog/check.js';
import { daysUntil, type CatalogEntry } from '../catalog/index.js';
import { suiteApplies } from '../eval/suites.js';
import { globMatch } from '../plan/glob.js';
import { onSource, select } from '../plan/select.js';
import type { Agent, Gate, Migration } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';

/** Retirements within this many days get a migration unless `spec.watch.horizonDays` says otherwise. */
export const DEFAULT_HORIZON_DAYS = 90;

/**
 * The gate of a generated migration when `spec.watch.gate` sets none: head
 * must pass 90 % of the cases and lose at most 5 points against the model
 * it replaces. Cost and latency are reported, not gated — the old model is
 * going away whatever it costs.
 */
export const DEFAULT_WATCH_GATE: Gate = { minPassRate: 0.9, maxPassRateDrop: 0.05 };

/** A model in use that retires within the horizon, with the agents no migration covers yet. */
export interface Deadline {
  provider: string;
  /** The model id as the agents write it (a snapshot id stays a snapshot id). */
  model: string;
  entry: CatalogEntry;
  retires: string;
  daysLeft: number;
  /** Where the retirement date came from (`built-in`, a source file, modelshift.yaml). */
  dateOrigin: string;
  /** Undefined when neither `spec.watch.successors` nor the catalog names one. */
  successor?: string;
  /** Agents on the model that no migration takes, by name. */
  uncovered: string[];
  /** Agents on the model that a migration already takes, with its name. */
  covered: { agent: string; migration: string }[];
  /**
   * Agents a person excluded (`spec.select.exclude`) from a migration off this
   * model, with its name. Watch leaves them out as Renovate leaves an ignored
   * dependency: the exclusion was a decision (the agent waits for something,
   * or goes away), and proposing them again would undo it on every run.
   */
  excluded: { agent: string; migration: string }[];
}

export interface WatchOptions {
  today: string;
  horizonDays: number;
}

/**
 * Every (provider, model) that agents use and that is retired or retires
 * within the horizon, with which of its agents a migration already covers.
 * An agent in a canary counts as covered by that canary's migration. Pure.
 */
export function findDeadlines(workspace: LoadedWorkspace, options: WatchOptions): Deadline[] {
  const successors = workspace.config?.value.spec.watch?.successors ?? {};
  const migrations = [...workspace.migrations.values()].map((m) => m.value);
  const groups = new Map<string, Deadline>();
  for (const { value: agent } of [...workspace.agents.values()].sort((a, b) => a.value.metadata.name.localeCompare(b.value.metadata.name))) {
    const { provider, name: model } = agent.spec.model;
    const entry = workspace.catalog.lookup(model);
    if (!entry?.retires) continue;
    const daysLeft = daysUntil(entry.retires, options.today);
    if (daysLeft > options.horizonDays) continue;
    const key = `${provider}\0${model}`;
    let group = groups.get(key);
    if (!group) {
      const successor = successors[model] ?? successors[entry.id] ?? entry.successor;
      group = {
        provider, model, entry, retires: entry.retires, daysLeft, dateOrigin: workspace.catalog.origin(entry, 'retires'),
        ...(successor && { successor }), uncovered: [], covered: [], excluded: [],
      };
      groups.set(key, group);
    }
    const covering = coveringMigration(agent, migrations);
    const excluding = covering ? undefined : excludingMigration(agent, migrations);
    if (covering) group.covered.push({ agent: agent.metadata.name, migration: covering });
    else if (excluding) group.excluded.push({ agent: agent.metadata.name, migration: excluding });
    else group.uncovered.push(agent.metadata.name);
  }
  return [...groups.values()].sort((a, b) => a.retires.localeCompare(b.retires) || a.model.localeCompare(b.model) || a.provider.localeCompare(b.provider));
}

function coveringMigration(agent: Agent, migrations: readonly Migration[]): string | undefined {
  if (agent.spec.rollout) return agent.spec.rollout.migration;
  for (const migration of migrations) {
    if (onSource(migration, agent) && select(migration, agent).selected) return migration.metadata.name;
  }
  return undefined;
}

/** A migration off the agent's model whose `spec.select.exclude` names it. */
function excludingMigration(agent: Agent, migrations: readonly Migration[]): string | undefined {
  return migrations.find((m) => onSource(m, agent) && select(m, agent).selected === false && m.spec.select?.exclude?.some((glob) => globMatch(agent.metadata.name, glob)))?.metadata.name;
}

/** The parameter part of a generated rule: only what the destination's catalog facts require. */
export interface RuleParams {
  rename: Record<string, string>;
  drop: string[];
}

/**
 * Renames and drops the destination refuses, for the parameters these agents
 * actually send: a token limit under the name the destination takes, and
 * parameters it refuses dropped. Nothing is `set`: no catalog fact says what
 * value an agent should get.
 */
export function ruleParams(agents: readonly Agent[], destination: CatalogEntry | undefined): RuleParams {
  const rename: Record<string, string> = {};
  const drop = new Set<string>();
  if (!destination) return { rename, drop: [] };
  for (const agent of agents) {
    for (const issue of checkParams(destination, agent.spec.model.params ?? {})) {
      if (issue.rule !== 'param-refused') continue;
      if ((TOKEN_LIMITS as readonly string[]).includes(issue.param)) rename[issue.param] = destination.params.tokenLimit;
      else drop.add(issue.param);
    }
  }
  return { rename, drop: [...drop].sort() };
}

/** Names of the suites that apply to any of these agents. */
export function suitesFor(workspace: LoadedWorkspace, agents: readonly Agent[]): string[] {
  return [...workspace.evalSuites.values()]
    .filter((suite) => agents.some((agent) => suiteApplies(suite.value, agent)))
    .map((suite) => suite.value.metadata.name)
    .sort();
}
