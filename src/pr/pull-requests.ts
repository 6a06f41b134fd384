/**
 * The port through which the PR core talks to a code host. The core owns
 * this interface; `src/github/` implements it with Octokit. Every method
 * throws `ExternalError` (status and hint kept) when the host refuses.
 */

/** A pull request as the core sees it. `head` and `base` are branch names in the same repository. */
export interface PullRequest {
  number: number;
  url: string;
  state: 'open' | 'closed';
  title: string;
  body: string;
  head: string;
  /** The head branch's commit as the host reports it (what a check of the PR ran on). */
  headSha?: string;
  base: string;
  labels: string[];
  /** Closed by a merge (for a closed PR); a PR closed without merging was declined or closed by modelshift. */
  merged: boolean;
}

/** A conversation comment on a pull request. `author` is the login that wrote it. */
export interface IssueComment {
  id: number;
  body: string;
  author: string;
}

export interface NewPullRequest {
  head: string;
  base: string;
  title: string;
  body: string;
}

export interface PullRequestChange {
  title?: string;
  body?: string;
  base?: string;
}

/** The outcome of `create`: `existed` when the host already had an open PR for the head, which was updated instead. */
export interface CreatedPullRequest {
  pullRequest: PullRequest;
  existed: boolean;
}

export interface PullRequests {
  /** The open pull request whose head is `branch` of this repository, if there is one. */
  findOpen(branch: string): Promise<PullRequest | undefined>;

  /** The most recently created closed pull request whose head is `branch`, if there is one. */
  findClosed(branch: string): Promise<PullRequest | undefined>;

  /** Every open pull request whose head branch starts with `prefix`, oldest first. */
  listOpen(prefix: string): Promise<PullRequest[]>;

  /**
   * Opens a pull request. When the host answers that one already exists for
   * the head (a concurrent run), that one is updated with the same title,
   * body and base and returned with `existed: true`.
   */
  create(pr: NewPullRequest): Promise<CreatedPullRequest>;

  /** Changes title, body or base; fields left out stay as they are. */
  update(number: number, change: PullRequestChange): Promise<PullRequest>;

  /** Adds labels to the pull request, creating missing labels in the repository first. */
  addLabels(number: number, labels: readonly string[]): Promise<void>;

  /**
   * Requests reviews from owners written as in agent files: `@user` or
   * `@org/team`. An owner the host cannot request (not a collaborator, the
   * PR's author) is reported as a warning, not thrown; other failures throw.
   * Returns the warnings.
   */
  requestReviewers(number: number, owners: readonly string[]): Promise<string[]>;

  /** Posts a comment on the pull request's conversation. */
  comment(number: number, body: string): Promise<IssueComment>;

  /** Every conversation comment, oldest first. */
  listComments(number: number): Promise<IssueComment[]>;

  /** Replaces the body of a comment. */
  updateComment(id: number, body: string): Promise<void>;

  /** Posts `comment`, then closes the pull request (so the reason is the last thing a reader sees). */
  close(number: number, comment: string): Promise<void>;

  /**
   * The login the token acts as (`github-actions[bot]` for a workflow's
   * token, `<app-slug>[bot]` for an App's): only what it wrote is ours.
   */
  currentUser(): Promise<string>;
}
