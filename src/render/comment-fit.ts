import type { CheckMarkerFields } from './comment-marker.js';
import { renderCheckComment, type CheckReport, type CommentDetail } from './comment.js';
import { BODY_LIMIT, fitToLimit } from './fit.js';

/** The comment's limit is the common body limit (see `fit.ts`). */
export const COMMENT_LIMIT = BODY_LIMIT;

/**
 * Less and less detail, in the order a reviewer misses it least: diffs
 * (the PR's Files tab has them), eval outputs, long lists, agent rows. The
 * last level keeps only the summary line and the verdict.
 */
const LEVELS: CommentDetail[] = [
  { diffs: Infinity, agents: Infinity, items: Infinity, evals: 'full' },
  { diffs: 10, agents: Infinity, items: Infinity, evals: 'full' },
  { diffs: 0, agents: Infinity, items: Infinity, evals: 'full' },
  { diffs: 0, agents: Infinity, items: 50, evals: 'short' },
  { diffs: 0, agents: 200, items: 20, evals: 'short' },
  { diffs: 0, agents: 50, items: 10, evals: 'none' },
  { diffs: 0, agents: 0, items: 0, evals: 'none' },
];

export interface FitOptions {
  marker: CheckMarkerFields;
  /** The workflow run, whose job summary holds the full report. */
  runUrl?: string;
  limit?: number;
}

/** The most detailed comment that fits under the limit, with a visible note when details were left out. */
export function fitCheckComment(report: CheckReport, opts: FitOptions): { body: string; trimmed: boolean } {
  const where = opts.runUrl ? `the [job summary](${opts.runUrl})` : 'the job summary of this workflow run';
  const note = `✂️ Details were left out to stay under GitHub's comment size limit; ${where} has the full report.`;
  return fitToLimit(LEVELS, (detail, trimmed) => renderCheckComment(report, { detail, marker: opts.marker, ...(trimmed ? { note } : {}) }), opts.limit ?? COMMENT_LIMIT);
}
