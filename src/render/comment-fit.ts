import type { CheckMarker } from './comment-marker.js';
import { renderCheckComment, type CheckReport, type CommentDetail } from './comment.js';

/** GitHub refuses comments over 65,536 characters; the margin leaves room for its own counting. */
export const COMMENT_LIMIT = 60_000;

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
  marker: Pick<CheckMarker, 'head' | 'at'>;
  /** The workflow run, whose job summary holds the full report. */
  runUrl?: string;
  limit?: number;
}

/** The most detailed comment that fits under the limit, with a visible note when details were left out. */
export function fitCheckComment(report: CheckReport, opts: FitOptions): { body: string; trimmed: boolean } {
  const limit = opts.limit ?? COMMENT_LIMIT;
  const where = opts.runUrl ? `the [job summary](${opts.runUrl})` : 'the job summary of this workflow run';
  const note = `✂️ Details were left out to stay under GitHub's comment size limit; ${where} has the full report.`;
  let body = '';
  for (const [i, detail] of LEVELS.entries()) {
    body = renderCheckComment(report, { detail, marker: opts.marker, ...(i > 0 ? { note } : {}) });
    if (body.length <= limit) return { body, trimmed: i > 0 };
  }
  // The last level holds the summary and verdict only; over the limit GitHub answers 422, which the caller reports.
  return { body, trimmed: true };
}
