import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import type { EvalMode } from '../src/commands/check-evals.js';
import { UsageError } from '../src/errors.js';

export type Mode = 'check' | 'migrate' | 'sync' | 'watch' | 'rollout';
export type FailOn = 'invalid' | 'gate' | 'never';

/** The `with:` block of action.yml, parsed once. */
export interface ActionInputs {
  mode: Mode;
  token: string;
  /** Relative to GITHUB_WORKSPACE. */
  workingDirectory: string;
  /** Empty: every migration (migrate mode). */
  migration: string;
  evalMode: EvalMode;
  failOn: FailOn;
  comment: boolean;
  /** sync mode: only this target of spec.sync.targets; empty for all. */
  syncTarget: string;
  /** watch mode: the horizon in days; undefined for spec.watch.horizonDays or 90. */
  horizonDays?: number;
  /** watch mode: keep the dashboard issue. */
  dashboard: boolean;
  /** check mode: a working directory without modelshift files fails the check. */
  strict: boolean;
  /** check mode: `K/N` runs one shard of the evals (a matrix job); empty for all. */
  shard: string;
  /** check mode: the folder shard jobs write their eval part files to, and the merge job reads them from. */
  evalParts: string;
  /** rollout mode: enable GitHub auto-merge on the promote PRs it opens. */
  autoMerge: boolean;
}

/** Reads every input through `get` (core.getInput: trimmed, '' when unset) and checks the choices. */
export function parseInputs(get: (name: string) => string): ActionInputs {
  return {
    mode: choice(get, 'mode', ['check', 'migrate', 'sync', 'watch', 'rollout'], 'check'),
    token: get('github-token'),
    workingDirectory: get('working-directory') || '.',
    migration: get('migration'),
    evalMode: choice(get, 'eval', ['auto', 'always', 'never'], 'auto'),
    failOn: choice(get, 'fail-on', ['invalid', 'gate', 'never'], 'gate'),
    comment: boolean(get, 'comment', true),
    syncTarget: get('sync-target'),
    ...optionalDays(get('horizon-days'), 'horizon-days'),
    dashboard: boolean(get, 'dashboard', false),
    strict: boolean(get, 'strict', false),
    shard: get('shard'),
    evalParts: get('eval-parts'),
    autoMerge: boolean(get, 'auto-merge', false),
  };
}

function optionalDays(text: string, name: string): { horizonDays?: number } {
  if (text === '') return {};
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`input ${name} is "${text}"; expected a whole number of days, 1 or more`, `e.g. \`${name}: 90\``);
  return { horizonDays: value };
}

function choice<T extends string>(get: (name: string) => string, name: string, allowed: readonly T[], fallback: T): T {
  const value = get(name) || fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`input ${name} is "${value}"; expected one of ${allowed.join(', ')}`, `set \`${name}: ${fallback}\` in the step's with: block`);
}

/** YAML 1.2 core booleans, as @actions/core accepts them. */
function boolean(get: (name: string) => string, name: string, fallback: boolean): boolean {
  const value = get(name);
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`input ${name} is "${value}"; expected true or false`);
}

/** The `working-directory` input inside the checkout; a folder that is not there is a setup mistake with a hint. */
export async function workingDirectory(workspace: string, input: string): Promise<string> {
  const dir = path.resolve(workspace, input);
  const found = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!found) {
    throw new UsageError(
      `working-directory "${input}" is not a folder in the checkout (${dir})`,
      'run actions/checkout before this step, and set working-directory to the folder holding modelshift.yaml, relative to the repository root',
    );
  }
  return dir;
}

/** The runner's environment, read once: what the modes need of it. */
export interface RunnerEnv {
  eventName: string;
  eventPath: string;
  /** The checkout (actions/checkout puts the repository here). */
  workspace: string;
  repository: string;
  /** The branch or tag the workflow runs on; the base of migration PRs. */
  refName: string;
  /** Link to this run, whose job summary holds the full report. */
  runUrl?: string;
  /** RUNNER_TEMP: a folder cleaned after the job. */
  temp: string;
}

export function readRunnerEnv(env: Readonly<Record<string, string | undefined>>): RunnerEnv {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    eventPath: env.GITHUB_EVENT_PATH ?? '',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    repository: env.GITHUB_REPOSITORY ?? '',
    refName: env.GITHUB_REF_NAME ?? '',
    temp: env.RUNNER_TEMP || tmpdir(),
    ...(env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? { runUrl: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` } : {}),
  };
}

const RepoRef = z.object({ full_name: z.string() }).nullable();

/** The fields of a `pull_request` (or `pull_request_target`) payload the check reads. */
const PullRequestPayload = z.object({
  pull_request: z.object({
    number: z.number().int(),
    updated_at: z.string(),
    base: z.object({ sha: z.string(), repo: RepoRef }),
    head: z.object({ sha: z.string(), repo: RepoRef }),
  }),
});

export interface PullRequestEvent {
  number: number;
  base: string;
  head: string;
  updatedAt: string;
  /** The head branch lives in another repository (or one since deleted): GitHub passes no secrets. */
  fork: boolean;
}

export function pullRequestEvent(payload: unknown): PullRequestEvent {
  const parsed = PullRequestPayload.safeParse(payload);
  if (!parsed.success) {
    throw new UsageError('the event payload is not a pull request event', 'run mode: check on `pull_request` events');
  }
  const pr = parsed.data.pull_request;
  return {
    number: pr.number,
    base: pr.base.sha,
    head: pr.head.sha,
    updatedAt: pr.updated_at,
    fork: pr.head.repo === null || pr.head.repo.full_name !== pr.base.repo?.full_name,
  };
}
