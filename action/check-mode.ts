import { readFile } from 'node:fs/promises';
import { checkCommand, type CheckOutput } from '../src/commands/check.js';
import type { CommandContext } from '../src/commands/context.js';
import { UsageError } from '../src/errors.js';
import { gitHubConfig } from '../src/github/config.js';
import { gitHubPullRequests } from '../src/github/pull-requests.js';
import { pickAnnotations } from './annotations.js';
import { pullRequestEvent, type ActionInputs, type RunnerEnv } from './inputs.js';
import type { ModeResult } from './mode.js';

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/** `mode: check`: the check command on the event's pull request, its findings as annotations. */
export async function checkMode(ctx: CommandContext, inputs: ActionInputs, runner: RunnerEnv, setSecret: (value: string) => void): Promise<ModeResult> {
  if (!PULL_REQUEST_EVENTS.includes(runner.eventName)) {
    throw new UsageError(`mode: check runs on pull_request events; this run is a ${runner.eventName || 'run without an event'}`, 'use mode: migrate on workflow_dispatch and schedule');
  }
  const event = pullRequestEvent(JSON.parse(await readFile(runner.eventPath, 'utf8')));
  // The input decides, not a GITHUB_TOKEN/GH_TOKEN that happens to be in the environment.
  const prs = inputs.comment ? gitHubPullRequests(gitHubConfig({ ...ctx.env, GITHUB_TOKEN: inputs.token, GH_TOKEN: undefined })) : undefined;
  const { data } = await checkCommand(ctx, {
    base: event.base,
    head: event.head,
    pullRequest: { number: event.number, fork: event.fork, updatedAt: event.updatedAt },
    evalMode: inputs.evalMode,
    onSecret: setSecret,
    comment: inputs.comment,
    strict: inputs.strict,
    ...(prs ? { prs } : {}),
    ...(runner.runUrl ? { runUrl: runner.runUrl } : {}),
    format: 'text',
  });
  const { annotations, notice } = pickAnnotations(data.findings);
  const failure = failureOf(data, inputs.failOn);
  return {
    outputs: {
      valid: String(data.valid),
      'agents-changed': String(data.agentsChanged),
      gate: data.gate,
      'comment-id': data.comment.id === undefined ? '' : String(data.comment.id),
    },
    annotations,
    notices: notice ? [notice] : [],
    warnings: data.warnings,
    summary: data.fullReport,
    ...(failure ? { failure } : {}),
  };
}

function failureOf(data: CheckOutput, failOn: ActionInputs['failOn']): string | undefined {
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
