import { ExternalError, UsageError } from '../errors.js';
import { suiteApplies, type EvalReport } from '../eval/index.js';
import { suiteAssertions } from '../eval/suites.js';
import type { EvalGroup, EvalOutcome } from '../review/eval-groups.js';
import type { EvalSuite, Provider } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { CommandContext } from './context.js';
import { evaluate } from './eval.js';

/** The Action's `eval` input: `auto` runs when every key the evals need is set. */
export type EvalMode = 'auto' | 'always' | 'never';

/** One eval run as the check asks for it. */
export interface EvalRequest {
  group: EvalGroup;
  /** Suites by name: the group's, or every suite when it names none. */
  suites: string[];
  /**
   * The workspace the evals see: the head's suites, catalog and settings,
   * the base branch's providers, rooted at the checkout (where the cache is).
   */
  workspace: LoadedWorkspace;
}

/** The boundary to the eval command: one group's pairs in, one report out. */
export type EvalRunner = (ctx: CommandContext, request: EvalRequest) => Promise<EvalReport>;

/** `modelshift eval`'s runner: keys from `ctx.env`, settings from the workspace's `spec.eval`. */
export const runEvalsFor: EvalRunner = (ctx, { group, suites, workspace }) => evaluate(ctx, workspace, { pairs: group.pairs, suites, gate: group.gate, batch: group.batch }, {});

export interface EvalPolicy {
  mode: EvalMode;
  /** A fork's pull request gets no secrets from GitHub; said so when keys are missing. */
  fork: boolean;
  /** Called with every key value read, so the runner can mask it in logs. */
  onSecret?: (value: string) => void;
  /** Answers come from the cache only, so no key is needed. */
  offline?: boolean;
}

export interface EvalContext {
  policy: EvalPolicy;
  /** As in `EvalRequest`. */
  workspace: LoadedWorkspace;
  evaluate: EvalRunner;
}

/** Decides for each group whether evals run, runs those that do, one after the other. */
export async function runEvalGroups(ctx: CommandContext, groups: readonly EvalGroup[], evals: EvalContext): Promise<EvalOutcome[]> {
  const outcomes: EvalOutcome[] = [];
  for (const group of groups) {
    const decision = decide(ctx, group, evals);
    if (decision.status !== 'run') {
      outcomes.push({ group, ...decision });
      continue;
    }
    try {
      const report = await evals.evaluate(ctx, { group, suites: decision.suites, workspace: evals.workspace });
      outcomes.push({ group, status: 'ran', report });
    } catch (error) {
      // A provider outage or a bad key is a result to report; anything else is a bug and stops the check.
      if (!(error instanceof ExternalError || error instanceof UsageError)) throw error;
      outcomes.push({ group, status: 'failed', reason: `evals could not run: ${error.message}` });
    }
  }
  return outcomes;
}

type Decision = { status: 'run'; suites: string[] } | { status: 'skipped' | 'failed'; reason: string };

function decide(ctx: CommandContext, group: EvalGroup, evals: EvalContext): Decision {
  const { policy } = evals;
  const label = group.migration === undefined ? '' : ` for migration ${group.migration}`;
  if (policy.mode === 'never') return { status: 'skipped', reason: 'evals are turned off (eval: never)' };
  if (!group.pairs.length) {
    const why = group.skipped.slice(0, 3).map((s) => `${s.name}: ${s.reason}`).join('; ');
    return { status: 'skipped', reason: `no agent${label} can be evaluated (${why}${group.skipped.length > 3 ? '; …' : ''})` };
  }
  if (group.suites?.length === 0) return { status: 'skipped', reason: `evals are not configured${label} (spec.eval.suites)` };
  const suites = suitesOf(evals.workspace, group).filter((suite) => group.pairs.some((pair) => suiteApplies(suite, pair.head.agent)));
  if (!suites.length) return { status: 'skipped', reason: `no eval suite applies to the agents${label}` };

  if (policy.offline) return { status: 'run', suites: suites.map((suite) => suite.metadata.name) };
  const missing: string[] = [];
  for (const name of keyNames(group, suites, [...evals.workspace.providers.values()].map((p) => p.value))) {
    const value = ctx.env[name];
    if (value) policy.onSecret?.(value);
    else missing.push(name);
  }
  if (!missing.length) return { status: 'run', suites: suites.map((suite) => suite.metadata.name) };
  const list = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`;
  const reason = policy.fork
    ? `this pull request comes from a fork and GitHub gives fork pull requests no secrets, so ${list}; a maintainer can run \`modelshift eval\` or push the branch to this repository`
    : `${list}; pass the key${missing.length === 1 ? '' : 's'} to the step's env to run evals${label}`;
  return policy.mode === 'always' ? { status: 'failed', reason: `eval: always, but ${reason}` } : { status: 'skipped', reason };
}

function suitesOf(workspace: LoadedWorkspace, group: EvalGroup): EvalSuite[] {
  const all = [...workspace.evalSuites.values()].map((loaded) => loaded.value);
  return group.suites === undefined ? all : all.filter((suite) => group.suites!.includes(suite.metadata.name));
}

/** Environment variables holding the keys of the agents' providers and of the judges the suites name. */
function keyNames(group: EvalGroup, suites: EvalSuite[], providers: Provider[]): string[] {
  const byName = new Map(providers.map((p) => [p.metadata.name, p]));
  const used = new Set<Provider>();
  for (const pair of group.pairs) used.add(pair.base.provider).add(pair.head.provider);
  for (const suite of suites) {
    for (const assertion of suiteAssertions(suite)) {
      const judge = assertion.type === 'llm-judge' ? byName.get(assertion.provider) : undefined;
      if (judge) used.add(judge);
    }
  }
  return [...new Set([...used].flatMap((p) => (p.spec.apiKeyEnv === undefined ? [] : [p.spec.apiKeyEnv])))].sort();
}
