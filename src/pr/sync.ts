import { BOT_IDENTITY, type Git, type GitIdentity } from '../git/git.js';
import { messageWithTrailers, migrationTrailers, type MigrationTrailers } from '../git/trailers.js';
import { capBody } from '../render/fit.js';
import { parseMarker } from './marker.js';
import { commentForeignCommits, ForeignCommitsError, foreignCommits } from './foreign-commits.js';
import type { PullRequest, PullRequestChange, PullRequests } from './pull-requests.js';

/** Labels every modelshift PR carries. */
export const PR_LABELS = ['modelshift', 'model-migration'] as const;

export interface SyncPullRequestInput {
  /** The user's repository; it is only read from and fetched into, its working tree and index stay as they are. */
  git: Git;
  prs: PullRequests;
  /** Branch the PR targets, fetched fresh from the remote. */
  base: string;
  /** The PR's head branch, e.g. `modelshift/<migration>`. */
  branch: string;
  title: string;
  /** The full PR body, marker included (see `withMarker`). */
  body: string;
  /** Commit subject and body; the trailers are appended. */
  commitMessage: string;
  trailers: MigrationTrailers;
  /**
   * Writes the change into a fresh worktree of the base and returns the
   * changed paths, relative to that folder (deleted files included).
   */
  writeChanges: (worktreeDir: string) => Promise<string[]>;
  /** Owners as written in agent files (`@user`, `@org/team`), asked to review a new PR. */
  reviewers?: readonly string[];
  labels?: readonly string[];
  /** Overwrite the branch even when a person pushed commits to it. */
  force?: boolean;
  identity?: GitIdentity;
  /** The comment left when a PR is closed because nothing is left to change. */
  closeComment?: string;
  /** Leave the branch of a PR that is merged, declined or closed by modelshift (default: delete it). */
  keepBranch?: boolean;
}

/**
 * What happened, in create-pull-request's terms, plus `declined`: a person
 * closed the PR without merging and the plan is the one they closed, so
 * nothing was opened again (Renovate's "this PR was closed" memory).
 */
export type SyncOperation = 'created' | 'updated' | 'unchanged' | 'closed' | 'declined';

export interface SyncResult {
  operation: SyncOperation;
  /** The PR, unless there is none (`unchanged` with nothing to propose). */
  number?: number;
  url?: string;
  branch: string;
  /** The remote branch's commit afterwards, if the branch exists. */
  headSha?: string;
  /** Things that did not stop the run, e.g. owners GitHub could not ask for a review. */
  warnings: string[];
}

/**
 * Makes the PR for `branch` match what `writeChanges` produces on the current
 * base, the way Renovate and create-pull-request do: rebuild the branch from
 * fresh base in a temporary worktree, commit, and
 * - nothing changed: close the open PR with a comment (`closed`), else `unchanged`;
 * - same tree as the remote branch and same PR text: touch nothing (`unchanged`);
 * - otherwise push with a lease and create or update the PR.
 * A branch holding commits modelshift did not make is never pushed over
 * unless `force`: `ForeignCommitsError` is thrown and the PR told so, once.
 */
export async function syncPullRequest(input: SyncPullRequestInput): Promise<SyncResult> {
  const { git, prs, base, branch } = input;
  // Whatever rendered the body, GitHub must never be sent more than it accepts (a 422 after the push leaves a branch without a PR).
  input = { ...input, body: capBody(input.body) };
  const identity = input.identity ?? BOT_IDENTITY;
  const baseSha = await git.fetchBase(base);
  let remoteSha = await git.fetchBranch(branch);
  const open = await prs.findOpen(branch);

  if (open === undefined) {
    const closed = await prs.findClosed(branch);
    const declined = closed !== undefined && !closed.merged && !(await closedByModelshift(prs, closed.number));
    // A branch whose PR is over (merged, declined, closed by us) is clutter; the PR keeps its commits on GitHub.
    if (closed && remoteSha !== undefined && !input.keepBranch) {
      await git.deleteRemoteBranch(branch, remoteSha);
      remoteSha = undefined;
    }
    if (declined && !input.force && sameProposal(closed.body, input.body)) {
      return { operation: 'declined', number: closed.number, url: closed.url, branch, ...(remoteSha ? { headSha: remoteSha } : {}), warnings: [] };
    }
  }

  if (remoteSha !== undefined && !input.force) {
    const foreign = foreignCommits(await git.commitsBetween(baseSha, remoteSha));
    if (foreign.length > 0) {
      if (open) await commentForeignCommits(prs, open.number, input.trailers.migration, foreign);
      throw new ForeignCommitsError(branch, foreign);
    }
  }

  const message = messageWithTrailers(input.commitMessage, migrationTrailers(input.trailers));
  const head = await git.withWorktree(baseSha, async (worktree) => {
    const changed = await input.writeChanges(worktree.dir);
    const sha = await worktree.commit(changed, message, identity);
    if (sha === undefined) return undefined;
    // Equal trees mean the remote branch already proposes exactly this; a new commit would only churn the PR.
    if (remoteSha !== undefined && (await worktree.treeOf(sha)) === (await worktree.treeOf(remoteSha))) {
      return { sha: remoteSha, pushed: false };
    }
    await worktree.push(sha, branch, remoteSha);
    return { sha, pushed: true };
  });

  const headSha = head?.sha ?? remoteSha;
  const outcome = (operation: SyncOperation, pr?: Pick<PullRequest, 'number' | 'url'>, warnings: string[] = []): SyncResult => ({
    operation,
    ...(pr ? { number: pr.number, url: pr.url } : {}),
    branch,
    ...(headSha ? { headSha } : {}),
    warnings,
  });

  if (head === undefined) {
    if (open === undefined) return outcome('unchanged');
    return closePullRequest({ git, prs, pullRequest: open, comment: input.closeComment ?? defaultCloseComment(input.trailers.migration, base), keepBranch: input.keepBranch, remoteSha });
  }

  const labels = input.labels ?? PR_LABELS;
  if (open) {
    const change = prChange(open, input);
    if (change === undefined && !head.pushed) return outcome('unchanged', open);
    const pr = change === undefined ? open : await prs.update(open.number, change);
    await addMissingLabels(prs, pr, labels);
    return outcome('updated', pr);
  }

  const { pullRequest: pr, existed } = await prs.create({ head: branch, base, title: input.title, body: input.body });
  await addMissingLabels(prs, pr, labels);
  // Only a new PR asks for reviews: asking again on every update would re-notify people who already reviewed.
  const warnings = !existed && input.reviewers && input.reviewers.length > 0 ? await prs.requestReviewers(pr.number, input.reviewers) : [];
  return outcome(existed ? 'updated' : 'created', pr, warnings);
}

export interface ClosePullRequestInput {
  git: Git;
  prs: PullRequests;
  pullRequest: Pick<PullRequest, 'number' | 'url' | 'head'>;
  comment: string;
  keepBranch?: boolean;
  /** The branch's commit on the remote, when the caller fetched it; otherwise it is looked up. */
  remoteSha?: string;
}

/** Closes a modelshift PR with `comment` (marked as closed by modelshift, not declined) and deletes its branch unless `keepBranch`. */
export async function closePullRequest(input: ClosePullRequestInput): Promise<SyncResult> {
  const { git, prs, pullRequest: pr } = input;
  await prs.close(pr.number, `${input.comment}\n\n${CLOSED_MARKER}`);
  const sha = input.remoteSha ?? (await git.fetchBranch(pr.head));
  const kept = sha !== undefined && input.keepBranch;
  if (sha !== undefined && !input.keepBranch) await git.deleteRemoteBranch(pr.head, sha);
  return { operation: 'closed', number: pr.number, url: pr.url, branch: pr.head, ...(kept ? { headSha: sha } : {}), warnings: [] };
}

/** Ends the comment modelshift leaves when it closes a PR itself: such a PR was not declined by a person. */
const CLOSED_MARKER = '<!-- modelshift:closed -->';

async function closedByModelshift(prs: PullRequests, number: number): Promise<boolean> {
  return (await prs.listComments(number)).some((comment) => comment.body.includes(CLOSED_MARKER));
}

/** The declined PR proposed the same plan: its marker's hash is the one about to be sent. */
function sameProposal(closedBody: string, body: string): boolean {
  const then = parseMarker(closedBody);
  const now = parseMarker(body);
  return then !== undefined && now !== undefined && then.migration === now.migration && then.planHash === now.planHash;
}

/** The edit that makes `open` show the wanted title, body and base, or undefined when it already does. */
function prChange(open: PullRequest, wanted: Pick<SyncPullRequestInput, 'title' | 'body' | 'base'>): PullRequestChange | undefined {
  const change: PullRequestChange = {};
  if (open.title !== wanted.title) change.title = wanted.title;
  // GitHub may hand the body back with CRLF line ends; that is not a change.
  if (normalize(open.body) !== normalize(wanted.body)) change.body = wanted.body;
  if (open.base !== wanted.base) change.base = wanted.base;
  return Object.keys(change).length === 0 ? undefined : change;
}

async function addMissingLabels(prs: PullRequests, pr: PullRequest, labels: readonly string[]): Promise<void> {
  const missing = labels.filter((label) => !pr.labels.includes(label));
  if (missing.length > 0) await prs.addLabels(pr.number, missing);
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n').trim();
}

function defaultCloseComment(migration: string, base: string): string {
  return `modelshift closed this pull request: migration \`${migration}\` has nothing left to change on \`${base}\`.`;
}
