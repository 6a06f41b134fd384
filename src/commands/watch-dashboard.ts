import { ExternalError } from '../errors.js';
import { findCheckComment } from '../github/comments.js';
import type { PullRequest, PullRequests } from '../pr/pull-requests.js';
import { parseCheckMarker } from '../render/comment-marker.js';
import type { HandlingPr, RolloutPr } from '../watch/dashboard.js';
import { evaluationOf } from '../watch/evaluation.js';

/** What the dashboard shows of open modelshift pull requests, read from GitHub. */
export interface OpenPrFacts {
  /** Open `modelshift/<migration>` PRs of the named migrations, with their eval verdict. */
  migrationPrs: Map<string, HandlingPr>;
  /** Open promote and rollback PRs per migration in canary. */
  rolloutPrs: Map<string, RolloutPr[]>;
  warnings: string[];
}

/**
 * Reads the open modelshift PRs once, then the check comment of each PR the
 * dashboard links (generated rules' and existing migrations'): its marker
 * holds the eval verdict and the commit it was computed for. Only a comment
 * the token's own login wrote counts. A PR whose comments, or the token's
 * login, cannot be read shows no verdict and adds a warning; it does not
 * stop the dashboard.
 */
export async function readOpenPrs(prs: PullRequests, handling: Map<string, HandlingPr>, migrations: readonly string[], canaries: readonly string[]): Promise<OpenPrFacts> {
  const warnings: string[] = [];
  let open: PullRequest[] = [];
  try {
    open = await prs.listOpen('modelshift/');
  } catch (error) {
    if (!(error instanceof ExternalError)) throw error;
    warnings.push(`the open pull requests could not be listed, so the dashboard shows no eval verdicts or rollout PRs: ${error.message}`);
  }
  const byHead = new Map(open.map((pr) => [pr.head, pr]));
  const evaluate = async (pr: PullRequest, headSha: string | undefined): Promise<HandlingPr['evaluation']> => {
    const unreadable = (error: ExternalError) => warnings.push(`the eval verdict of #${pr.number} could not be read: ${error.inOneLine()}`);
    try {
      let unknownLogin: ExternalError | undefined;
      const comment = await findCheckComment(prs, await prs.listComments(pr.number), (error) => (unknownLogin = error));
      // Without the token's login no comment is ours: say so rather than show "no check yet".
      if (unknownLogin) return void unreadable(unknownLogin);
      return evaluationOf(comment && parseCheckMarker(comment.body), headSha);
    } catch (error) {
      if (!(error instanceof ExternalError)) throw error;
      unreadable(error);
      return undefined;
    }
  };

  for (const [key, entry] of handling) {
    const pr = entry.state === 'open' ? open.find((p) => p.number === entry.number) : undefined;
    if (!pr) continue;
    const headSha = pr.headSha ?? entry.headSha;
    const evaluation = await evaluate(pr, headSha);
    handling.set(key, { ...entry, ...(headSha && { headSha }), ...(evaluation && { evaluation }) });
  }

  const migrationPrs = new Map<string, HandlingPr>();
  for (const name of migrations) {
    const pr = byHead.get(`modelshift/${name}`);
    if (!pr) continue;
    const evaluation = await evaluate(pr, pr.headSha);
    migrationPrs.set(name, { migration: name, state: 'open', number: pr.number, url: pr.url, ...(pr.headSha && { headSha: pr.headSha }), ...(evaluation && { evaluation }) });
  }

  // Branch names of promote and rollback (commands/promote.ts, commands/rollback.ts): rollout mode opens the rollback PR when the canary's analysis fails.
  const rolloutPrs = new Map<string, RolloutPr[]>();
  for (const name of canaries) {
    const found: RolloutPr[] = [];
    for (const pr of open) {
      const step = new RegExp(`^modelshift/${escapeRegExp(name)}-promote-(\\d+)$`).exec(pr.head);
      if (step) found.push({ kind: 'promote', number: pr.number, url: pr.url, step: Number(step[1]) });
      else if (pr.head === `modelshift/${name}-rollback`) found.push({ kind: 'rollback', number: pr.number, url: pr.url });
    }
    if (found.length) rolloutPrs.set(name, found);
  }
  return { migrationPrs, rolloutPrs, warnings };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
