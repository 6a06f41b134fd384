import { isDeepStrictEqual } from 'node:util';
import type { AgentPair, EvalReport } from '../eval/index.js';
import type { Agent, Provider } from '../schema/index.js';
import type { Gate } from '../schema/migration.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { Review } from './types.js';

/** Agents evaluated together: one migration's (its suites and gate), or the changes that follow no migration. */
export interface EvalGroup {
  /** Undefined for agent changes that follow no migration. */
  migration?: string;
  pairs: AgentPair[];
  /** Suites to run: a migration's `spec.eval.suites` (empty when it has none), or undefined for every suite that applies. */
  suites?: string[];
  gate?: Gate;
  /** The migration's `spec.eval.batch`: its calls go through the providers' batch APIs. */
  batch?: boolean;
  /** Agents of this group that cannot be evaluated, and why. */
  skipped: { name: string; reason: string }[];
}

export type EvalOutcome =
  | { group: EvalGroup; status: 'ran'; report: EvalReport }
  /** Not run, and that is fine (no keys on a fork PR, no suites, eval: never). */
  | { group: EvalGroup; status: 'skipped'; reason: string }
  /** Should have run and could not: the check fails on it as on a failed gate. */
  | { group: EvalGroup; status: 'failed'; reason: string };

/**
 * The `gate` output: `failed` when any group failed or could not run,
 * `passed` when some group with a gate ran and all passed, `none` when evals
 * ran only for changes no gate applies to (they follow no migration, or the
 * migration sets no `eval.gate`), `skipped` when no evals ran.
 */
export type GateVerdict = 'passed' | 'failed' | 'none' | 'skipped';

export function gateVerdict(outcomes: readonly EvalOutcome[]): GateVerdict {
  if (outcomes.some((o) => o.status === 'failed' || (o.status === 'ran' && !o.report.gate.passed))) return 'failed';
  const ran = outcomes.filter((o) => o.status === 'ran');
  if (ran.some((o) => o.group.gate !== undefined)) return 'passed';
  return ran.length ? 'none' : 'skipped';
}

/**
 * Old vs new config of every agent the review found, grouped by migration.
 * Both sides use `connections` (the providers of the base branch) for URL
 * and key: a pull request may change which model an agent uses, but cannot
 * point the evals, and the keys they carry, at another server.
 */
export function evalGroups(review: Review, head: LoadedWorkspace, connections: ReadonlyMap<string, Provider>): EvalGroup[] {
  const groups = new Map<string, EvalGroup>();
  const groupOf = (migration: string | undefined): EvalGroup => {
    const key = migration ?? '';
    let group = groups.get(key);
    if (!group) {
      const spec = migration === undefined ? undefined : head.migrations.get(migration)?.value.spec.eval;
      group = { ...(migration === undefined ? {} : { migration, suites: spec?.suites ?? [] }), ...(spec?.gate ? { gate: spec.gate } : {}), ...(spec?.batch ? { batch: true } : {}), pairs: [], skipped: [] };
      groups.set(key, group);
    }
    return group;
  };
  const changedInPr = new Set(review.agents.filter((a) => a.kind === 'changed').map((a) => a.name));

  for (const change of review.agents) {
    if (!change.before || !change.after) continue;
    const group = groupOf(change.migration);
    const skip = (reason: string) => group.skipped.push({ name: change.name, reason });
    if (change.kind === 'pending' && changedInPr.has(change.name)) {
      skip('also changed by this pull request; evaluated with that change');
      continue;
    }
    const before = change.before;
    const after = candidate(change.after);
    if (isDeepStrictEqual(evaluated(before), evaluated(after))) {
      skip('nothing evals measure changed (model, parameters, instructions, tools, response format)');
      continue;
    }
    const baseProvider = connections.get(before.spec.model.provider);
    const headProvider = connections.get(after.spec.model.provider);
    if (!baseProvider || !headProvider) {
      const missing = baseProvider ? after.spec.model.provider : before.spec.model.provider;
      skip(`provider ${missing} is not defined on the base branch; evals only use the base branch's provider connections, so they run once it is merged`);
      continue;
    }
    group.pairs.push({ agent: change.name, base: { agent: before, provider: baseProvider }, head: { agent: after, provider: headProvider } });
  }
  // Migrations first, by name; changes that follow no migration last.
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))).map(([, group]) => group);
}

/** During a canary the candidate model is what is new, so that is what gets evaluated. */
function candidate(agent: Agent): Agent {
  const rollout = agent.spec.rollout;
  return rollout ? { ...agent, spec: { ...agent.spec, model: rollout.model } } : agent;
}

/** The parts of an agent a model call depends on. */
function evaluated(agent: Agent): unknown {
  const { model, instructions, tools, responseFormat } = agent.spec;
  return { model, instructions, tools, responseFormat };
}
