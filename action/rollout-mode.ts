import type { AnalysisReport } from '../src/analysis/types.js';
import { analyzeMigration } from '../src/commands/analyze.js';
import type { CommandContext } from '../src/commands/context.js';
import { promoteCommand } from '../src/commands/promote.js';
import { rollbackCommand } from '../src/commands/rollback.js';
import { load } from '../src/commands/validate.js';
import { ExternalError, UsageError } from '../src/errors.js';
import { gitHubConfig } from '../src/github/config.js';
import { gitHubPullRequests } from '../src/github/pull-requests.js';
import { renderAnalysisMarkdown } from '../src/render/analysis-markdown.js';
import { escapeMarkdown } from '../src/render/escape.js';
import { enableAutoMerge } from './auto-merge.js';
import type { ActionInputs, RunnerEnv } from './inputs.js';
import type { ModeResult } from './mode.js';

interface Decision {
  migration: string;
  verdict: AnalysisReport['verdict'] | 'failed';
  /** What the mode did about the verdict. */
  action: 'promote' | 'rollback' | 'wait' | 'none';
  operation?: string;
  number?: number;
  url?: string;
  report?: AnalysisReport;
  error?: string;
}

/**
 * `mode: rollout` (on a schedule): for every migration with a canary on the
 * checked-out branch, the canary analysis decides. pass: open or update the
 * promote PR (with `auto-merge: true`, GitHub merges it once its checks
 * pass); fail: open the rollback PR and say why; inconclusive: the summary
 * says what is missing. One migration that cannot be analysed does not stop
 * the others; the step fails at the end.
 */
export async function rolloutMode(ctx: CommandContext, inputs: ActionInputs, runner: RunnerEnv): Promise<ModeResult> {
  if (!runner.refName) throw new UsageError('GITHUB_REF_NAME is not set, so the base branch of the pull requests is unknown', 'run mode: rollout in a workflow on schedule or workflow_dispatch');
  const config = gitHubConfig({ ...ctx.env, GITHUB_TOKEN: inputs.token, GH_TOKEN: undefined });
  const prs = gitHubPullRequests(config);
  const workspace = await load(ctx);
  const inCanary = new Set([...workspace.agents.values()].flatMap((a) => (a.value.spec.rollout ? [a.value.spec.rollout.migration] : [])));
  const names = inputs.migration ? [inputs.migration] : [...inCanary].filter((name) => workspace.migrations.has(name)).sort();

  const decisions: Decision[] = [];
  const warnings: string[] = [];
  for (const migration of names) {
    try {
      const rule = workspace.migrations.get(migration);
      if (!rule) throw new UsageError(`no migration named "${migration}"`, `migrations in canary: ${[...inCanary].sort().join(', ') || 'none'}`);
      const report = await analyzeMigration(ctx, workspace, rule.value);
      const pr = { migration, format: 'text' as const, base: runner.refName, prs };
      if (report.verdict === 'pass') {
        const { data } = await promoteCommand(ctx, { ...pr, analysis: report });
        decisions.push({ migration, verdict: 'pass', action: 'promote', operation: data.operation, number: data.number, url: data.url, report });
        if (inputs.autoMerge && data.number !== undefined && data.operation !== 'closed') {
          await enableAutoMerge(config, data.number).catch((error: ExternalError) => warnings.push(`${error.message} (${error.details.hint})`));
        }
      } else if (report.verdict === 'fail') {
        const { data } = await rollbackCommand(ctx, pr);
        decisions.push({ migration, verdict: 'fail', action: 'rollback', operation: data.operation, number: data.number, url: data.url, report });
        warnings.push(`canary ${migration} failed its analysis; rollback PR ${data.url ?? '(none)'}: ${report.reasons.join('; ')}`);
      } else {
        decisions.push({ migration, verdict: 'inconclusive', action: 'wait', report });
      }
    } catch (error) {
      if (!(error instanceof ExternalError || error instanceof UsageError) || inputs.migration) throw error;
      const hint = error instanceof ExternalError ? error.details.hint : error.hint;
      decisions.push({ migration, verdict: 'failed', action: 'none', error: `${error.message}${hint ? ` (${hint})` : ''}` });
    }
  }

  const last = [...decisions].reverse().find((d) => d.number !== undefined);
  const failed = decisions.filter((d) => d.verdict === 'failed');
  return {
    outputs: {
      'pull-request-number': last?.number === undefined ? '' : String(last.number),
      'pull-request-url': last?.url ?? '',
      'pull-request-operation': last?.operation ?? (failed.length ? 'failed' : 'unchanged'),
      'pull-requests': JSON.stringify(decisions.map((d) => ({ migration: d.migration, verdict: d.verdict, action: d.action, operation: d.operation ?? null, number: d.number ?? null, url: d.url ?? null }))),
    },
    annotations: [],
    notices: decisions.filter((d) => d.action === 'promote').map((d) => `canary ${d.migration} passed its analysis: promote PR ${d.url ?? ''}`),
    warnings: [...warnings, ...failed.map((d) => `migration ${d.migration}: ${d.error}`)],
    summary: rolloutSummary(decisions),
    ...(failed.length ? { failure: `${failed.length} migration${failed.length === 1 ? '' : 's'} could not be analysed: ${failed.map((d) => d.migration).join(', ')}` } : {}),
  };
}

const ACTION_TEXT = { promote: 'promote PR', rollback: 'rollback PR', wait: 'waiting for more evidence', none: 'nothing done' } as const;

function rolloutSummary(decisions: Decision[]): string {
  const out = ['### modelshift rollout', ''];
  if (decisions.length === 0) return [...out, 'No migration has a canary running.', ''].join('\n');
  out.push('| migration | verdict | action | pull request |', '|---|---|---|---|');
  for (const d of decisions) out.push(`| ${escapeMarkdown(d.migration)} | ${d.verdict} | ${ACTION_TEXT[d.action]} | ${d.url ? `[#${d.number}](${d.url})` : ''} |`);
  for (const d of decisions) {
    out.push('');
    if (d.report) out.push(renderAnalysisMarkdown(d.report, '####'));
    if (d.verdict === 'inconclusive') out.push(`Nothing promoted or rolled back: ${escapeMarkdown(d.report?.reasons.join('; ') ?? '')}`, '');
    if (d.error) out.push(`#### ${escapeMarkdown(d.migration)}: could not be analysed`, '', escapeMarkdown(d.error), '');
  }
  return out.join('\n');
}
