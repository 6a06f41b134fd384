import { ExternalError, UsageError } from '../errors.js';
import { runEvaluation, suiteApplies, type EvalReport } from '../eval/index.js';
import { createClient } from '../llm/index.js';
import type { EvalGroup, EvalOutcome } from '../review/eval-groups.js';
import type { EvalSuite, Provider } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';

/** The Action's `eval` input: `auto` runs when every key the evals need is set. */
export type EvalMode = 'auto' | 'always' | 'never';

/** One eval run as the check asks for it. */
export interface EvalRequest {
  group: EvalGroup;
  /** The head workspace: suites, catalog, `spec.eval` settings. */
  workspace: LoadedWorkspace;
  /** Provider connections (URL, key name) of the base branch; judges are looked up here too. */
  providers: Provider[];
  /** API keys by environment variable name, read once at the edge. */
  keys: Readonly<Record<string, string>>;
  /** Absolute path of the answer cache. */
  cacheDir: string;
  signal?: AbortSignal;
}

/** The boundary to the eval command: one group's pairs in, one report out. */
export type EvalRunner = (request: EvalRequest) => Promise<EvalReport>;

export interface EvalPolicy {
  mode: EvalMode;
  /** A fork's pull request gets no secrets from GitHub; said so when keys are missing. */
  fork: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Called with every key value read, so the runner can mask it in logs. */
  onSecret?: (value: string) => void;
}

const DEFAULTS = { concurrency: 4, timeoutMs: 60_000, retries: 2 };

/** Runs `runEvaluation` with the workspace's `spec.eval` settings; the Action's default `EvalRunner`. */
export const runEvalsFor: EvalRunner = (request) => {
  const settings = request.workspace.config?.value.spec.eval ?? {};
  return runEvaluation({
    pairs: request.group.pairs,
    suites: suitesOf(request.workspace, request.group),
    providers: request.providers,
    ...(request.group.gate ? { gate: request.group.gate } : {}),
    catalog: request.workspace.catalog,
    clientFor: (provider) =>
      createClient(
        provider,
        { apiKey: provider.spec.apiKeyEnv === undefined ? undefined : request.keys[provider.spec.apiKeyEnv] },
        { timeoutMs: settings.timeoutMs ?? DEFAULTS.timeoutMs, maxRetries: settings.retries ?? DEFAULTS.retries },
      ),
    cacheDir: request.cacheDir,
    concurrency: settings.concurrency ?? DEFAULTS.concurrency,
    signal: request.signal,
  });
};

export interface EvalContext {
  policy: EvalPolicy;
  workspace: LoadedWorkspace;
  providers: Provider[];
  cacheDir: string;
  evaluate: EvalRunner;
  signal?: AbortSignal;
}

/** Decides for each group whether evals run, runs those that do, one after the other. */
export async function runEvalGroups(groups: readonly EvalGroup[], ctx: EvalContext): Promise<EvalOutcome[]> {
  const outcomes: EvalOutcome[] = [];
  for (const group of groups) {
    const decision = decide(group, ctx);
    if (decision.status !== 'run') {
      outcomes.push({ group, ...decision });
      continue;
    }
    try {
      const report = await ctx.evaluate({ group, workspace: ctx.workspace, providers: ctx.providers, keys: decision.keys, cacheDir: ctx.cacheDir, signal: ctx.signal });
      outcomes.push({ group, status: 'ran', report });
    } catch (error) {
      // A provider outage or a bad key is a result to report; anything else is a bug and stops the check.
      if (!(error instanceof ExternalError || error instanceof UsageError)) throw error;
      outcomes.push({ group, status: 'failed', reason: `evals could not run: ${error.message}` });
    }
  }
  return outcomes;
}

type Decision = { status: 'run'; keys: Record<string, string> } | { status: 'skipped' | 'failed'; reason: string };

function decide(group: EvalGroup, ctx: EvalContext): Decision {
  const { policy } = ctx;
  const label = group.migration === undefined ? '' : ` for migration ${group.migration}`;
  if (policy.mode === 'never') return { status: 'skipped', reason: 'evals are turned off (eval: never)' };
  if (!group.pairs.length) {
    const why = group.skipped.slice(0, 3).map((s) => `${s.name}: ${s.reason}`).join('; ');
    return { status: 'skipped', reason: `no agent${label} can be evaluated (${why}${group.skipped.length > 3 ? '; …' : ''})` };
  }
  if (group.suites?.length === 0) return { status: 'skipped', reason: `evals are not configured${label} (spec.eval.suites)` };
  const suites = suitesOf(ctx.workspace, group).filter((suite) => group.pairs.some((pair) => suiteApplies(suite, pair.head.agent)));
  if (!suites.length) return { status: 'skipped', reason: `no eval suite applies to the agents${label}` };

  const names = keyNames(group, suites, ctx.providers);
  const keys: Record<string, string> = {};
  for (const name of names) {
    const value = policy.env[name];
    if (!value) continue;
    policy.onSecret?.(value);
    keys[name] = value;
  }
  const missing = names.filter((name) => keys[name] === undefined);
  if (!missing.length) return { status: 'run', keys };
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
    for (const evalCase of suite.spec.cases) {
      for (const assertion of evalCase.assert) {
        const judge = assertion.type === 'llm-judge' ? byName.get(assertion.provider) : undefined;
        if (judge) used.add(judge);
      }
    }
  }
  return [...new Set([...used].flatMap((p) => (p.spec.apiKeyEnv === undefined ? [] : [p.spec.apiKeyEnv])))].sort();
}
