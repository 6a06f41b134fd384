import type { Octokit } from '@octokit/rest';
import type {
  CreatedPullRequest,
  IssueComment,
  NewPullRequest,
  PullRequest,
  PullRequestChange,
  PullRequests,
} from '../pr/pull-requests.js';
import { callGitHub, createOctokit, errorDetail, gitHubError, isHttpError, type RetryOptions } from './client.js';
import type { GitHubConfig } from './config.js';
import { reviewRequest } from './reviewers.js';
import { viewerLogin } from './viewer.js';

const PR_WRITE = 'pull-requests: write';
const PR_READ = 'pull-requests: read';

/** Colours and descriptions for the labels modelshift creates; other labels get GitHub's grey. */
const LABEL_STYLE: Record<string, { color: string; description: string }> = {
  modelshift: { color: '5319e7', description: 'Opened by modelshift' },
  'model-migration': { color: '1d76db', description: 'Moves agents to another LLM model' },
};

interface RestPull {
  number: number;
  html_url: string;
  state: string;
  title: string;
  body?: string | null;
  head: { ref: string; sha?: string };
  base: { ref: string };
  labels: { name?: string }[];
  merged_at?: string | null;
}

interface RestComment {
  id: number;
  body?: string;
  user: { login: string } | null;
}

/** `PullRequests` over the GitHub REST API for one repository. */
export class GitHubPullRequests implements PullRequests {
  private login: Promise<string> | undefined;

  constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
  ) {}

  async findOpen(branch: string): Promise<PullRequest | undefined> {
    const { data } = await callGitHub(`find the pull request for ${branch}`, PR_READ, () =>
      this.octokit.rest.pulls.list({ ...this.where(), head: `${this.owner}:${branch}`, state: 'open', per_page: 10 }),
    );
    const [pull] = data;
    return pull === undefined ? undefined : toPullRequest(pull);
  }

  async findClosed(branch: string): Promise<PullRequest | undefined> {
    const { data } = await callGitHub(`find the closed pull requests for ${branch}`, PR_READ, () =>
      this.octokit.rest.pulls.list({ ...this.where(), head: `${this.owner}:${branch}`, state: 'closed', sort: 'created', direction: 'desc', per_page: 1 }),
    );
    const [pull] = data;
    return pull === undefined ? undefined : toPullRequest(pull);
  }

  async listOpen(prefix: string): Promise<PullRequest[]> {
    const pulls = await callGitHub('list the open pull requests', PR_READ, () =>
      this.octokit.paginate(this.octokit.rest.pulls.list, { ...this.where(), state: 'open', sort: 'created', direction: 'asc', per_page: 100 }),
    );
    return pulls.filter((pull) => pull.head.ref.startsWith(prefix)).map(toPullRequest);
  }

  async create(pr: NewPullRequest): Promise<CreatedPullRequest> {
    try {
      const { data } = await this.octokit.rest.pulls.create({ ...this.where(), ...pr });
      return { pullRequest: toPullRequest(data), existed: false };
    } catch (error) {
      // A 422 is what GitHub answers when an open PR already has this head (a concurrent run); any other 422 finds nothing here.
      const existing = isHttpError(error) && error.status === 422 ? await this.findOpen(pr.head) : undefined;
      if (existing === undefined) throw gitHubError(error, `create a pull request from ${pr.head}`, PR_WRITE);
      const pullRequest = await this.update(existing.number, { title: pr.title, body: pr.body, base: pr.base });
      return { pullRequest, existed: true };
    }
  }

  async update(number: number, change: PullRequestChange): Promise<PullRequest> {
    const { data } = await callGitHub(`update pull request #${number}`, PR_WRITE, () =>
      this.octokit.rest.pulls.update({ ...this.where(), pull_number: number, ...change }),
    );
    return toPullRequest(data);
  }

  async addLabels(number: number, labels: readonly string[]): Promise<void> {
    for (const name of labels) await this.ensureLabel(name);
    await callGitHub(`label pull request #${number}`, PR_WRITE, () =>
      this.octokit.rest.issues.addLabels({ ...this.where(), issue_number: number, labels: [...labels] }),
    );
  }

  async requestReviewers(number: number, owners: readonly string[]): Promise<string[]> {
    const { reviewers, teamReviewers, warnings } = reviewRequest(owners, this.owner);
    if (reviewers.length === 0 && teamReviewers.length === 0) return warnings;
    const request = (users: string[], teams: string[]) =>
      this.octokit.rest.pulls.requestReviewers({ ...this.where(), pull_number: number, reviewers: users, team_reviewers: teams });
    try {
      await request(reviewers, teamReviewers);
      return warnings;
    } catch (error) {
      if (!isHttpError(error) || error.status !== 422) throw gitHubError(error, `request reviews on #${number}`, PR_WRITE);
    }
    // GitHub refuses the whole request when one owner cannot review; ask one by one so the others still get asked.
    const single = [
      ...reviewers.map((user) => ({ owner: `@${user}`, users: [user], teams: [] })),
      ...teamReviewers.map((team) => ({ owner: `@${this.owner}/${team}`, users: [], teams: [team] })),
    ];
    for (const { owner, users, teams } of single) {
      try {
        await request(users, teams);
      } catch (error) {
        if (!isHttpError(error) || error.status !== 422) throw gitHubError(error, `request a review from ${owner} on #${number}`, PR_WRITE);
        warnings.push(`owner ${owner}: GitHub cannot request a review (HTTP 422: ${errorDetail(error)})`);
      }
    }
    return warnings;
  }

  async comment(number: number, body: string): Promise<IssueComment> {
    const { data } = await callGitHub(`comment on #${number}`, PR_WRITE, () =>
      this.octokit.rest.issues.createComment({ ...this.where(), issue_number: number, body }),
    );
    return toComment(data);
  }

  async listComments(number: number): Promise<IssueComment[]> {
    const comments = await callGitHub(`list the comments of #${number}`, PR_READ, () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, { ...this.where(), issue_number: number, per_page: 100 }),
    );
    return comments.map(toComment);
  }

  async updateComment(id: number, body: string): Promise<void> {
    await callGitHub(`update comment ${id}`, PR_WRITE, () =>
      this.octokit.rest.issues.updateComment({ ...this.where(), comment_id: id, body }),
    );
  }

  async close(number: number, comment: string): Promise<void> {
    await this.comment(number, comment);
    await callGitHub(`close #${number}`, PR_WRITE, () =>
      this.octokit.rest.pulls.update({ ...this.where(), pull_number: number, state: 'closed' }),
    );
  }

  /** Asked once per adapter: `watch` looks for the check comment of many PRs. */
  currentUser(): Promise<string> {
    return (this.login ??= viewerLogin(this.octokit));
  }

  private async ensureLabel(name: string): Promise<void> {
    try {
      await this.octokit.rest.issues.getLabel({ ...this.where(), name });
      return;
    } catch (error) {
      if (!isHttpError(error) || error.status !== 404) throw gitHubError(error, `read label ${name}`, PR_READ);
    }
    const style = LABEL_STYLE[name] ?? { color: 'ededed', description: '' };
    try {
      await this.octokit.rest.issues.createLabel({ ...this.where(), name, ...style });
    } catch (error) {
      // 422: another run created it between our read and this write, which is what we wanted.
      if (!isHttpError(error) || error.status !== 422) throw gitHubError(error, `create label ${name}`, PR_WRITE);
    }
  }

  private where(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo };
  }
}

/** The `PullRequests` adapter for the repository and API in `config`. */
export function gitHubPullRequests(config: GitHubConfig, retry?: RetryOptions): GitHubPullRequests {
  return new GitHubPullRequests(createOctokit(config, retry), config.owner, config.repo);
}

function toPullRequest(pull: RestPull): PullRequest {
  return {
    number: pull.number,
    url: pull.html_url,
    state: pull.state === 'closed' ? 'closed' : 'open',
    title: pull.title,
    body: pull.body ?? '',
    head: pull.head.ref,
    ...(pull.head.sha ? { headSha: pull.head.sha } : {}),
    base: pull.base.ref,
    labels: pull.labels.flatMap((label) => (label.name ? [label.name] : [])),
    merged: Boolean(pull.merged_at),
  };
}

function toComment(comment: RestComment): IssueComment {
  return { id: comment.id, body: comment.body ?? '', author: comment.user?.login ?? '' };
}
