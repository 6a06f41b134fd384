import type { CheckMarker } from '../render/comment-marker.js';

/**
 * The eval verdict of an open migration PR, as its check comment's marker
 * recorded it. `stale` when the marker describes another commit than the
 * PR's head: the verdict is of an earlier push, and the check has not
 * finished (or not run) on the current one.
 */
export interface PrEvaluation {
  verdict: 'passed' | 'failed' | 'no gate' | 'not evaluated' | 'not recorded' | 'no check yet';
  /** The commit the verdict was computed for. */
  head?: string;
  /** When it was computed (ISO 8601). */
  evaluatedAt?: string;
  stale: boolean;
}

const VERDICTS: Record<string, PrEvaluation['verdict']> = { passed: 'passed', failed: 'failed', none: 'no gate', skipped: 'not evaluated' };

/** What the marker says about the PR whose head is `headSha` (unknown: never stale). Pure. */
export function evaluationOf(marker: CheckMarker | undefined, headSha: string | undefined): PrEvaluation {
  if (!marker) return { verdict: 'no check yet', stale: false };
  // A comment from before the verdict was recorded, or a verdict a later version added.
  const verdict = marker.gate !== undefined && Object.hasOwn(VERDICTS, marker.gate) ? VERDICTS[marker.gate]! : 'not recorded';
  return {
    verdict, head: marker.head, ...(marker.evaluatedAt !== undefined && { evaluatedAt: marker.evaluatedAt }),
    stale: headSha !== undefined && marker.head !== headSha,
  };
}

const LABELS: Record<PrEvaluation['verdict'], string> = {
  passed: '✅ gate passed',
  failed: '❌ gate failed',
  'no gate': 'evals ran, no gate',
  'not evaluated': '⏭️ not evaluated',
  'not recorded': 'checked (verdict not recorded)',
  'no check yet': '⏳ no check yet',
};

/** `✅ gate passed on abc1234 (2026-12-15 08:00 UTC)`, `stale: …; head is def5678`. Markdown-safe: shas and dates only. */
export function describeEvaluation(evaluation: PrEvaluation, headSha?: string): string {
  const icon = LABELS[evaluation.verdict];
  if (evaluation.verdict === 'no check yet') return icon;
  const on = evaluation.head ? ` on ${evaluation.head.slice(0, 7)}` : '';
  const at = evaluation.evaluatedAt ? ` (${evaluation.evaluatedAt.slice(0, 16).replace('T', ' ')} UTC)` : '';
  const text = `${icon}${on}${at}`;
  return evaluation.stale ? `stale: ${text}; head is now ${headSha?.slice(0, 7) ?? 'newer'}` : text;
}
