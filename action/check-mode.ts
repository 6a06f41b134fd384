import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvalRunner } from '../src/commands/check-evals.js';
import { mergeEvalRunner, shardEvalRunner } from '../src/commands/check-shards.js';
import { checkCommand, type CheckOutput } from '../src/commands/check.js';
import { parseShard } from '../src/commands/eval-merge.js';
import type { CommandContext } from '../src/commands/context.js';
import { UsageError } from '../src/errors.js';
import { gitHubConfig } from '../src/github/config.js';
import { gitHubPullRequests } from '../src/github/pull-requests.js';
import { pickAnnotations } from './annotations.js';
import { writeHtmlReports } from './html-reports.js';
import { pullRequestEvent, type ActionInputs, type RunnerEnv } from './inputs.js';
import type { ModeResult } from './mode.js';

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/** `mode: check`: the check command on the event's pull request, its findings as annotations. */
export async function checkMode(ctx: CommandContext, inputs: ActionInputs, runner: RunnerEnv, setSecret: (value: string) => void): Promise<ModeResult> {
  if (!PULL_REQUEST_EVENTS.includes(runner.eventName)) {
    throw new UsageError(`mode: check runs on pull_request events; this run is a ${runner.eventName || 'run without an event'}`, 'use mode: migrate on workflow_dispatch and schedule');
  }
  const event = pullRequestEvent(await readEvent(runner.eventPath));
  // The input decides, not a GITHUB_TOKEN/GH_TOKEN that happens to be in the environment.
  const sharding = evalSharding(inputs, runner);
  // A shard job sees part of the evals: the merge job comments and applies the gate.
  const comment = inputs.comment && sharding?.kind !== 'shard';
  const prs = comment ? gitHubPullRequests(gitHubConfig({ ...ctx.env, GITHUB_TOKEN: inputs.token, GH_TOKEN: undefined })) : undefined;
  const { data } = await checkCommand(ctx, {
    base: event.base,
    head: event.head,
    pullRequest: { number: event.number, fork: event.fork, updatedAt: event.updatedAt },
    evalMode: inputs.evalMode,
    onSecret: setSecret,
    comment,
    strict: inputs.strict,
    ...(sharding ? { evaluate: sharding.evaluate, offline: sharding.kind === 'merge' } : {}),
    ...(prs ? { prs } : {}),
    ...(runner.runUrl ? { runUrl: runner.runUrl } : {}),
    format: 'text',
  });
  const reports = await writeHtmlReports(runner.temp, data.report.evals);
  const { annotations, notice } = pickAnnotations(data.findings);
  const failure = failureOf(data, sharding?.kind === 'shard' && inputs.failOn === 'gate' ? 'invalid' : inputs.failOn, sharding?.kind === 'shard');
  return {
    outputs: {
      valid: String(data.valid),
      'agents-changed': String(data.agentsChanged),
      gate: data.gate,
      'comment-id': data.comment.id === undefined ? '' : String(data.comment.id),
      'eval-parts': sharding?.dir ?? '',
      'report-path': reports.join('\n'),
    },
    annotations,
    notices: notice ? [notice] : [],
    warnings: data.warnings,
    summary: data.fullReport,
    ...(failure ? { failure } : {}),
  };
}

/** The event payload; a runner without one (a local run, a bad GITHUB_EVENT_PATH) is the user's setup, not a bug. */
async function readEvent(eventPath: string): Promise<unknown> {
  const hint = 'mode: check reads the pull_request payload at GITHUB_EVENT_PATH, which the runner sets; to run it elsewhere, point GITHUB_EVENT_PATH at a saved payload';
  if (!eventPath) throw new UsageError('GITHUB_EVENT_PATH is not set, so the pull request is unknown', hint);
  let text: string;
  try {
    text = await readFile(eventPath, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the event file ${eventPath} (GITHUB_EVENT_PATH): ${(error as NodeJS.ErrnoException).code ?? String(error)}`, hint);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`the event file ${eventPath} (GITHUB_EVENT_PATH) is not JSON`, hint);
  }
}

interface EvalSharding {
  kind: 'shard' | 'merge';
  dir: string;
  evaluate: EvalRunner;
}

/** `shard: K/N` makes this job one shard of the evals; `eval-parts` alone makes it the job that merges them. */
function evalSharding(inputs: ActionInputs, runner: RunnerEnv): EvalSharding | undefined {
  if (inputs.shard) {
    const dir = path.resolve(runner.workspace, inputs.evalParts || path.join(runner.temp, 'modelshift-eval-parts'));
    return { kind: 'shard', dir, evaluate: shardEvalRunner(parseShard(inputs.shard), dir) };
  }
  if (inputs.evalParts) {
    const dir = path.resolve(runner.workspace, inputs.evalParts);
    return { kind: 'merge', dir, evaluate: mergeEvalRunner(dir) };
  }
  return undefined;
}

function failureOf(data: CheckOutput, failOn: ActionInputs['failOn'], shard = false): string | undefined {
  if (shard && data.report.evals.some((o) => o.status === 'failed')) {
    return `evals could not run in this shard: ${data.report.evals.flatMap((o) => (o.status === 'failed' ? [o.reason] : [])).join('; ')}`;
  }
  if (failOn === 'never') return undefined;
  const errors = data.findings.filter((f) => f.severity === 'error').length;
  if (!data.valid) return `${errors} error${errors === 1 ? '' : 's'} in modelshift files (see the annotations)`;
  if (failOn === 'gate' && data.gate === 'failed') {
    const reasons = data.report.evals.flatMap((o) => (o.status === 'failed' ? [o.reason] : o.status === 'ran' ? o.report.gate.reasons : []));
    const more = reasons.length > 3 ? `; and ${reasons.length - 3} more (see the job summary)` : '';
    return `the eval gate failed: ${reasons.slice(0, 3).join('; ')}${more}`;
  }
  return undefined;
}
