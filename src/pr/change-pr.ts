import { createHash } from 'node:crypto';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExternalError } from '../errors.js';
import { Git, type GitIdentity } from '../git/git.js';
import type { MigrationTrailers } from '../git/trailers.js';
import { gitHubConfig } from '../github/config.js';
import { gitHubPullRequests } from '../github/pull-requests.js';
import type { PullRequest, PullRequests } from '../pr/pull-requests.js';
import { closePullRequest, syncPullRequest, type SyncResult } from '../pr/sync.js';

/** A change to agent files, as a pull request proposes it. */
export interface Proposal {
  branch: string;
  title: string;
  /** Full PR body, marker included. */
  body: string;
  commitMessage: string;
  trailers: MigrationTrailers;
  /** New file texts by path relative to the workspace root; empty when nothing is left to change. */
  files: Record<string, string>;
  /** Owners asked to review a new PR. */
  reviewers: string[];
  /** Labels instead of the default `PR_LABELS`. */
  labels?: string[];
}

export interface ChangePrInput {
  /** For the GitHub settings when no `prs` is given; read once at the edge. */
  env: Readonly<Record<string, string | undefined>>;
  /** The workspace root in the user's checkout. */
  root: string;
  base: string;
  force?: boolean;
  /** Keep the branch of a PR that is over (merged, declined, closed). */
  keepBranch?: boolean;
  identity?: GitIdentity;
  /** Tests and the Action pass their own port; otherwise one is built from the environment. */
  prs?: PullRequests;
  /**
   * Builds the proposal from a checkout of the base: `root` is the workspace
   * root in it, `commit` the commit checked out. Undefined when there is
   * nothing to propose and no branch to look after.
   */
  propose: (root: string, commit: string) => Promise<Proposal | undefined>;
}

/**
 * The PR flow `pr` uses, for changes computed from the merged state rather
 * than from a rule: the proposal is made on a fresh checkout of the base,
 * then `syncPullRequest` rebuilds the branch, commits with trailers, pushes
 * and creates, updates or closes the PR. The user's working tree is never
 * touched. Undefined when `propose` found nothing to propose.
 */
export async function openChangePr(input: ChangePrInput): Promise<SyncResult | undefined> {
  const [result] = await openChangePrs({
    ...input,
    propose: async (root, commit) => {
      const proposal = await input.propose(root, commit);
      return proposal ? [proposal] : undefined;
    },
  });
  return result;
}

export interface ChangePrsInput extends Omit<ChangePrInput, 'propose'> {
  /** Like `ChangePrInput.propose`, for several PRs at once (one per branch). */
  propose: (root: string, commit: string) => Promise<Proposal[] | undefined>;
  /**
   * Open PRs this run replaces when their head is not among the proposals'
   * branches (a split group with nothing left, the other layout of a
   * migration that started or stopped splitting): closed with the comment
   * `stale` gives, and their branches deleted, before the others are pushed.
   */
  stale?: { isStale: (head: string) => boolean; prefix: string; comment: (pr: PullRequest) => string };
}

/** `openChangePr` for several branches: one result per proposal, after one per stale PR closed. Empty when `propose` found nothing. */
export async function openChangePrs(input: ChangePrsInput): Promise<SyncResult[]> {
  const git = new Git(input.root);
  const workspaceDir = path.relative(await realpath(await git.root()), await realpath(input.root));
  const prs = input.prs ?? gitHubPullRequests(gitHubConfig(input.env, await git.remoteUrl().catch(() => undefined)));
  const baseSha = await git.fetchBase(input.base);
  // The proposals depend on the base commit only: each PR's rebuild on the same base reuses them instead of planning again.
  const byCommit = new Map<string, Proposal[] | undefined>();
  const proposeOn = async (root: string, commit: string) => {
    if (!byCommit.has(commit)) byCommit.set(commit, await input.propose(root, commit));
    return byCommit.get(commit);
  };
  const proposals = await git.withWorktree(baseSha, (worktree) => proposeOn(path.join(worktree.dir, workspaceDir), baseSha));
  if (proposals === undefined) return [];

  const results: SyncResult[] = [];
  const live = new Set(proposals.map((p) => p.branch));
  if (input.stale) {
    const { isStale, prefix, comment } = input.stale;
    for (const pr of await prs.listOpen(prefix)) {
      // Closed first: a branch `modelshift/m` and a branch `modelshift/m/x` cannot both exist in git.
      if (!live.has(pr.head) && isStale(pr.head)) results.push(await closePullRequest({ git, prs, pullRequest: pr, comment: comment(pr), keepBranch: input.keepBranch }));
    }
  }
  for (const proposal of proposals) {
    results.push(
      await syncPullRequest({
        git,
        prs,
        base: input.base,
        branch: proposal.branch,
        title: proposal.title,
        body: proposal.body,
        commitMessage: proposal.commitMessage,
        trailers: proposal.trailers,
        reviewers: proposal.reviewers,
        ...(proposal.labels ? { labels: proposal.labels } : {}),
        force: input.force,
        keepBranch: input.keepBranch,
        identity: input.identity,
        writeChanges: async (dir) => {
          // syncPullRequest fetched the base again; the change is made anew on what it checked out.
          const again = (await proposeOn(path.join(dir, workspaceDir), await new Git(dir).revParse('HEAD')))?.find((p) => p.branch === proposal.branch);
          if (again === undefined) {
            throw new ExternalError(`${input.base} changed while modelshift ran, and the change to propose with it`, { hint: 'run the command again' });
          }
          const changed: string[] = [];
          for (const [file, text] of Object.entries(again.files)) {
            const target = path.join(dir, workspaceDir, file);
            await mkdir(path.dirname(target), { recursive: true });
            await writeFile(target, text);
            changed.push(path.posix.join(workspaceDir.split(path.sep).join('/'), file));
          }
          return changed;
        },
      }),
    );
  }
  return results;
}

/** Identifies a proposed change in the PR marker, like `planHash` does for `pr`. */
export function proposalHash(migration: string, diff: string): string {
  return createHash('sha256').update(migration).update('\0').update(diff).digest('hex').slice(0, 16);
}

/** What promote and rollback print as JSON and return to the Action. */
export interface ChangePrOutput {
  migration: string;
  operation: SyncResult['operation'];
  number?: number;
  url?: string;
  branch?: string;
  headSha?: string;
  /** Agents the PR changes. */
  agents: string[];
  warnings: string[];
}

export function changePrOutput(migration: string, agents: string[], result: SyncResult | undefined): ChangePrOutput {
  if (!result) return { migration, operation: 'unchanged', agents, warnings: [] };
  const { operation, number, url, branch, headSha, warnings } = result;
  return { migration, operation, number, url, branch, headSha, agents, warnings };
}
