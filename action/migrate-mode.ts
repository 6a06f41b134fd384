import type { CommandContext } from '../src/commands/context.js';
import { prCommand, type PrOutput } from '../src/commands/pr.js';
import { load } from '../src/commands/validate.js';
import { ExternalError, UsageError } from '../src/errors.js';
import { gitHubConfig } from '../src/github/config.js';
import { gitHubPullRequests } from '../src/github/pull-requests.js';
import { escapeMarkdown } from '../src/render/escape.js';
import type { ActionInputs, RunnerEnv } from './inputs.js';
import type { ModeResult } from './mode.js';

interface Proposed {
  migration: string;
  /** The group of a split migration. */
  group?: string;
  operation: PrOutput['operation'] | 'failed';
  number?: number;
  url?: string;
  error?: string;
}

/**
 * `mode: migrate`: `modelshift pr` for the named migration, or for every
 * migration (pr itself does nothing for a rule with nothing to change and
 * closes the PR of one that has nothing left). One migration that cannot be
 * proposed does not stop the others; the step fails at the end.
 */
export async function migrateMode(ctx: CommandContext, inputs: ActionInputs, runner: RunnerEnv): Promise<ModeResult> {
  if (!runner.refName) throw new UsageError('GITHUB_REF_NAME is not set, so the base branch of the pull requests is unknown', 'run mode: migrate in a workflow on workflow_dispatch or schedule');
  const prs = gitHubPullRequests(gitHubConfig({ ...ctx.env, GITHUB_TOKEN: inputs.token, GH_TOKEN: undefined }));
  const names = inputs.migration ? [inputs.migration] : [...(await load(ctx)).migrations.keys()].sort();

  const proposed: Proposed[] = [];
  for (const migration of names) {
    try {
      const { exitCode, data } = await prCommand(ctx, { migration, format: 'text', base: runner.refName, prs });
      // One row per pull request: a split migration has one per group.
      for (const pr of data) {
        proposed.push({
          migration,
          ...(pr.group ? { group: pr.group } : {}),
          operation: exitCode === 0 ? pr.operation : 'failed',
          ...(pr.number === undefined ? {} : { number: pr.number }),
          ...(pr.url ? { url: pr.url } : {}),
        });
      }
    } catch (error) {
      if (!(error instanceof ExternalError || error instanceof UsageError) || inputs.migration) throw error;
      const hint = error instanceof ExternalError ? error.details.hint : error.hint;
      proposed.push({ migration, operation: 'failed', error: `${error.message}${hint ? ` (${hint})` : ''}` });
    }
  }

  // The single outputs describe the last migration that has a pull request, as create-pull-request's do for its one PR.
  const last = [...proposed].reverse().find((p) => p.number !== undefined);
  const failed = proposed.filter((p) => p.operation === 'failed');
  return {
    outputs: {
      'pull-request-number': last?.number === undefined ? '' : String(last.number),
      'pull-request-url': last?.url ?? '',
      'pull-request-operation': last?.operation ?? (failed.length ? 'failed' : 'unchanged'),
      'pull-requests': JSON.stringify(proposed.map(({ migration, group, operation, number, url }) => ({ migration, ...(group ? { group } : {}), operation, number: number ?? null, url: url ?? null }))),
    },
    annotations: [],
    notices: [],
    warnings: failed.flatMap((p) => (p.error ? [`migration ${p.migration}: ${p.error}`] : [])),
    summary: migrateSummary(proposed),
    ...(failed.length ? { failure: `${failed.length} migration${failed.length === 1 ? '' : 's'} could not be proposed: ${failed.map((p) => p.migration).join(', ')}` } : {}),
  };
}

function migrateSummary(proposed: Proposed[]): string {
  const rows = proposed.map((p) => `| ${escapeMarkdown(p.group ? `${p.migration} / ${p.group}` : p.migration)} | ${p.operation} | ${p.url ? `[#${p.number}](${p.url})` : ''} |`);
  return ['### modelshift migrate', '', '| migration | pull request | link |', '|---|---|---|', ...rows, ''].join('\n');
}
