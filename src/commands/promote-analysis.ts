import type { AnalysisReport } from '../analysis/types.js';
import { renderAnalysisMarkdown } from '../render/analysis-markdown.js';
import type { Migration } from '../schema/index.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { analyzeMigration } from './analyze.js';
import type { CommandContext } from './context.js';

/** What promote knows about the canary before it moves it on. */
export type PromoteEvidence =
  | { state: 'analysed'; report: AnalysisReport }
  /** `--skip-analysis`: a person took the decision; the PR says so. */
  | { state: 'skipped' }
  /** No `spec.telemetry`: nothing to analyse; the PR says so. */
  | { state: 'unconfigured' };

export interface EvidenceOptions {
  skipAnalysis?: boolean;
  /** An analysis the caller already ran (the Action's rollout mode), so the PR shows what the decision was made on. */
  analysis?: AnalysisReport;
}

/** Runs the migration's canary analysis unless skipped or unconfigured. */
export async function promoteEvidence(ctx: Pick<CommandContext, 'env' | 'signal' | 'now'>, workspace: LoadedWorkspace, migration: Migration, opts: EvidenceOptions): Promise<PromoteEvidence> {
  if (opts.skipAnalysis) return { state: 'skipped' };
  if (opts.analysis) return { state: 'analysed', report: opts.analysis };
  if (workspace.config?.value.spec.telemetry === undefined) return { state: 'unconfigured' };
  return { state: 'analysed', report: await analyzeMigration(ctx, workspace, migration) };
}

/** Why promote must not go on, or undefined: only a passing analysis (or a person's override) moves a canary. */
export function refusal(evidence: PromoteEvidence): string | undefined {
  // No agent in the canary: nothing to promote, which promote itself says.
  if (evidence.state !== 'analysed' || evidence.report.verdict === 'pass' || evidence.report.agents.length === 0) return undefined;
  const { report } = evidence;
  const why = report.reasons.length ? `: ${report.reasons.join('; ')}` : '';
  return report.verdict === 'fail'
    ? `the canary analysis of ${report.migration} failed${why}. Roll it back (modelshift rollback ${report.migration}) or fix the candidate; --skip-analysis overrides`
    : `the canary analysis of ${report.migration} is inconclusive${why}. Wait for more traffic, or pass --skip-analysis to promote anyway`;
}

/** The PR body's evidence section. Pure. */
export function renderEvidence(evidence: PromoteEvidence): string {
  if (evidence.state === 'analysed') return renderAnalysisMarkdown(evidence.report, '####');
  if (evidence.state === 'skipped') return '#### ⚠️ Canary analysis skipped\n\nPromoted with `--skip-analysis`: no telemetry was compared before this step.\n';
  return '#### Canary analysis not configured\n\nmodelshift.yaml has no `spec.telemetry`, so nothing compared the canary with its control before this step.\n';
}
