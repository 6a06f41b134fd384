import type { CommandContext } from '../src/commands/context.js';
import { watchCommand } from '../src/commands/watch.js';
import { UsageError } from '../src/errors.js';
import { gitHubConfig } from '../src/github/config.js';
import { gitHubIssues } from '../src/github/issues.js';
import { gitHubPullRequests } from '../src/github/pull-requests.js';
import { renderWatchMarkdown } from '../src/render/watch.js';
import type { ActionInputs, RunnerEnv } from './inputs.js';
import type { ModeResult } from './mode.js';

/**
 * `mode: watch` (on schedule): `modelshift watch` — a generated migration and
 * its pull request for every model in use that retires within the horizon,
 * and with `dashboard: true` the dashboard issue. Outputs as migrate mode's,
 * plus the dashboard's issue number.
 */
export async function watchMode(ctx: CommandContext, inputs: ActionInputs, runner: RunnerEnv): Promise<ModeResult> {
  if (!runner.refName) throw new UsageError('GITHUB_REF_NAME is not set, so the base branch of the pull requests is unknown', 'run mode: watch in a workflow on schedule or workflow_dispatch');
  const config = gitHubConfig({ ...ctx.env, GITHUB_TOKEN: inputs.token, GH_TOKEN: undefined });
  const quiet = { ...ctx, stdout: () => undefined };
  const { data } = await watchCommand(quiet, {
    format: 'json', base: runner.refName, dashboard: inputs.dashboard, prs: gitHubPullRequests(config), issues: gitHubIssues(config),
    ...(inputs.horizonDays !== undefined && { horizonDays: inputs.horizonDays }),
  });
  const proposed = data.migrations.map((m) => ({ migration: m.name, operation: m.pullRequest?.operation ?? 'unchanged', number: m.pullRequest?.number ?? null, url: m.pullRequest?.url ?? null }));
  const last = [...proposed].reverse().find((p) => p.number !== null);
  return {
    outputs: {
      'pull-request-number': last?.number == null ? '' : String(last.number),
      'pull-request-url': last?.url ?? '',
      'pull-request-operation': last?.operation ?? 'unchanged',
      'pull-requests': JSON.stringify(proposed),
      'dashboard-issue-number': data.dashboard ? String(data.dashboard.number) : '',
    },
    annotations: [],
    notices: [],
    warnings: [
      ...data.warnings,
      ...data.models.filter((m) => m.reason).map((m) => `${m.model} (${m.provider}) retires ${m.retires}: ${m.uncovered.length} agents get no migration — ${m.reason}`),
    ],
    summary: renderWatchMarkdown(data, [], false),
  };
}
