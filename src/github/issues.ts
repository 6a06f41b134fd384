import type { Octokit } from '@octokit/rest';
import { ExternalError } from '../errors.js';
import type { Issue, Issues } from '../watch/issues.js';
import { callGitHub, createOctokit, type RetryOptions } from './client.js';
import type { GitHubConfig } from './config.js';
import { viewerLogin } from './viewer.js';

const ISSUES_WRITE = 'issues: write';
const ISSUES_READ = 'issues: read';

interface RestIssue {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  user: { login: string } | null;
  pull_request?: unknown;
  node_id?: string;
}

/** `Issues` over the GitHub REST API for one repository. */
export class GitHubIssues implements Issues {
  private login: Promise<string> | undefined;

  constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
  ) {}

  async listLabelled(label: string): Promise<Issue[]> {
    const issues = await callGitHub(`list the issues labelled ${label}`, ISSUES_READ, () =>
      this.octokit.paginate(this.octokit.rest.issues.listForRepo, { ...this.where(), labels: label, state: 'all', per_page: 100 }),
    );
    // The issues API lists pull requests too; they carry `pull_request`.
    return (issues as RestIssue[]).filter((i) => i.pull_request === undefined).map(toIssue);
  }

  async create(issue: { title: string; body: string; labels: string[] }): Promise<Issue> {
    const { data } = await callGitHub('open the dashboard issue', ISSUES_WRITE, () => this.octokit.rest.issues.create({ ...this.where(), ...issue }));
    return toIssue(data as RestIssue);
  }

  async update(number: number, change: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<Issue> {
    const { data } = await callGitHub(`update issue #${number}`, ISSUES_WRITE, () => this.octokit.rest.issues.update({ ...this.where(), issue_number: number, ...change }));
    return toIssue(data as RestIssue);
  }

  /** GraphQL `pinIssue` (REST has no endpoint); GitHub refuses a fourth pinned issue. */
  async pin(issue: Issue): Promise<void> {
    if (!issue.nodeId) throw new ExternalError(`GitHub: pin issue #${issue.number} failed: GitHub gave no node id for it`);
    await callGitHub(`pin issue #${issue.number}`, ISSUES_WRITE, () =>
      this.octokit.graphql('mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number } } }', { id: issue.nodeId }),
    );
  }

  /** Asked once per adapter, as `GitHubPullRequests.currentUser`. */
  currentUser(): Promise<string> {
    return (this.login ??= viewerLogin(this.octokit));
  }

  private where(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo };
  }
}

export function gitHubIssues(config: GitHubConfig, retry?: RetryOptions): GitHubIssues {
  return new GitHubIssues(createOctokit(config, retry), config.owner, config.repo);
}

function toIssue(issue: RestIssue): Issue {
  return {
    number: issue.number, url: issue.html_url, title: issue.title, body: issue.body ?? '',
    state: issue.state === 'closed' ? 'closed' : 'open', author: issue.user?.login ?? '',
    ...(issue.node_id ? { nodeId: issue.node_id } : {}),
  };
}
