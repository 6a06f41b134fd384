import { execFileSync } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake GitHub API on 127.0.0.1 for the real `@octokit/rest` client:
 * pulls, issue comments, labels and review requests of one repository, kept
 * in memory, and the few GraphQL queries modelshift sends. Every request is
 * recorded; `fail` makes chosen routes answer with an error status (401,
 * 403, 404, 422, rate limits) a number of times.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface FakeFailure {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests fail before the route works again. */
  times?: number;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string;
  head: string;
  base: string;
  author: string;
  labels: string[];
  reviewers: string[];
  teams: string[];
  /** Closed by a merge (`merged_at` set), not by a person declining it. */
  merged: boolean;
  /** The merge method auto-merge was enabled with, if it was. */
  autoMerge?: string;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  author: string;
  /** GitHub's `user.type`; set for `…[bot]` logins, which is how a workflow token's comments look. */
  authorType?: 'Bot' | 'User';
}

/** An issue (not a pull request), as the dashboard uses them. */
export interface FakeIssue {
  number: number;
  state: 'open' | 'closed';
  title: string;
  body: string;
  author: string;
  authorType?: 'Bot' | 'User';
  labels: string[];
  /** Pinned to the repository's issue list (GraphQL pinIssue). */
  pinned?: boolean;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** The only token accepted; its owner is `login` (`…[bot]` for an installation token, which GET /user refuses). */
  token?: string;
  login?: string;
  collaborators?: string[];
  teams?: string[];
  /** A bare repository standing for the GitHub repo: pull requests then report their head branch's real commit (`head.sha`). */
  origin?: string;
}

type Handler = (match: RegExpExecArray, body: Record<string, unknown>, query: Record<string, string>) => [number, unknown, Record<string, string>?];

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly login: string;
  readonly collaborators: Set<string>;
  readonly teams: Set<string>;
  readonly origin: string | undefined;
  readonly pulls: FakePull[] = [];
  readonly comments: FakeComment[] = [];
  /** Numbered from 9001 so they never collide with pull request numbers in assertions. */
  readonly issues: FakeIssue[] = [];
  readonly labels = new Map<string, { name: string; color: string; description: string }>();
  readonly requests: RecordedRequest[] = [];
  url = '';
  private readonly failures: { method: string; path: string | RegExp; failure: FakeFailure; left: number }[] = [];
  private readonly server: Server;
  private nextId = 1000;

  private constructor(options: FakeGitHubOptions) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'agents';
    this.token = options.token ?? 'test-token';
    this.login = options.login ?? 'modelshift-bot';
    this.collaborators = new Set(options.collaborators ?? ['alice', 'bob']);
    this.teams = new Set(options.teams ?? ['support-eng']);
    this.origin = options.origin;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Makes requests matching `method` and `path` (exact, or a pattern) answer `failure` (once unless `times`). */
  fail(method: string, path: string | RegExp, failure: FakeFailure): void {
    this.failures.push({ method, path, failure, left: failure.times ?? 1 });
  }

  /** Recorded requests, optionally only those matching `method` and `path`. */
  requested(method?: string, path?: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => (method === undefined || r.method === method) && (path === undefined || matches(path, r.path)));
  }

  /** Adds a PR as if someone opened it earlier. */
  addPull(pull: Partial<FakePull> & { head: string }): FakePull {
    const created: FakePull = { number: this.pulls.length + 1, state: 'open', title: '', body: '', base: 'main', author: this.login, labels: [], reviewers: [], teams: [], merged: false, ...pull };
    this.pulls.push(created);
    return created;
  }

  /** Adds an issue as if its author opened it earlier (by default the token's own login). */
  addIssue(issue: Partial<FakeIssue> & { title: string }): FakeIssue {
    const created: FakeIssue = {
      number: 9001 + this.issues.length, state: 'open', body: '', author: this.login, labels: [],
      ...(this.login.endsWith('[bot]') ? { authorType: 'Bot' as const } : {}), ...issue,
    };
    this.issues.push(created);
    return created;
  }

  /** Closes a PR as a person does in the web UI: merged, or declined (closed without merging). */
  closePull(number: number, how: 'merged' | 'declined'): FakePull {
    const pull = this.pulls.find((p) => p.number === number);
    if (!pull) throw new Error(`no pull request #${number}`);
    pull.state = 'closed';
    pull.merged = how === 'merged';
    return pull;
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  private routes(): [string, RegExp, Handler][] {
    const repo = `/repos/${this.owner}/${this.repo}`;
    const at = (path: string) => new RegExp(`^${repo.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}$`);
    return [
      // An installation token (a workflow's GITHUB_TOKEN, an App's) may not read GET /user; GraphQL `viewer` answers every token.
      ['GET', /^\/user$/, () => (this.login.endsWith('[bot]') ? [403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' }] : [200, { login: this.login, id: 1, type: 'User' }])],
      ['GET', at('/pulls'), (_m, _b, q) => this.listPullsPage(q)],
      ['POST', at('/pulls'), (_m, b) => this.createPull(b)],
      ['GET', at('/pulls/(\\d+)'), (m) => this.withPull(m, (p) => [200, this.pullJson(p)])],
      ['PATCH', at('/pulls/(\\d+)'), (m, b) => this.withPull(m, (p) => this.updatePull(p, b))],
      ['POST', at('/pulls/(\\d+)/requested_reviewers'), (m, b) => this.withPull(m, (p) => this.requestReviewers(p, b))],
      ['GET', at('/issues/(\\d+)/comments'), (m, _b, q) => this.withPull(m, (p) => this.listComments(p, q))],
      ['POST', at('/issues/(\\d+)/comments'), (m, b) => this.withPull(m, (p) => [201, this.commentJson(this.addComment(p.number, String(b.body ?? '')))])],
      ['PATCH', at('/issues/comments/(\\d+)'), (m, b) => this.updateComment(Number(m[1]), String(b.body ?? ''))],
      ['GET', at('/labels/([^/]+)'), (m) => this.getLabel(decodeURIComponent(m[1] ?? ''))],
      ['POST', at('/labels'), (_m, b) => this.createLabel(b)],
      ['POST', at('/issues/(\\d+)/labels'), (m, b) => this.withPull(m, (p) => this.addLabels(p, b))],
      ['GET', at('/issues'), (_m, _b, q) => [200, this.listIssues(q)]],
      ['POST', at('/issues'), (_m, b) => [201, this.issueJson(this.addIssue({ title: String(b.title ?? ''), body: String(b.body ?? ''), labels: (b.labels ?? []) as string[] }))]],
      ['PATCH', at('/issues/(\\d+)'), (m, b) => this.updateIssue(Number(m[1]), b)],
      ['POST', /^\/graphql$/, (_m, b) => this.graphql(b)],
    ];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const text = await readBody(req);
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query, body, headers: req.headers });

    const failure = this.failures.find((f) => f.left > 0 && f.method === method && matches(f.path, url.pathname));
    if (failure) {
      failure.left--;
      return send(res, failure.failure.status, failure.failure.body ?? { message: `fake failure ${failure.failure.status}` }, failure.failure.headers);
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `bearer ${this.token}`) {
      return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    for (const [routeMethod, pattern, handler] of this.routes()) {
      const match = pattern.exec(url.pathname);
      if (routeMethod !== method || !match) continue;
      const [status, payload, headers] = handler(match, (body ?? {}) as Record<string, unknown>, query);
      return send(res, status, payload, headers);
    }
    send(res, 404, { message: 'Not Found' });
  }

  /** GitHub's order (created, newest first unless `direction=asc`) and paging (`per_page`, `page`, a `link` to the next page). */
  private listPullsPage(query: Record<string, string>): [number, unknown, Record<string, string>] {
    const state = query.state ?? 'open';
    const found = this.pulls.filter(
      (p) => (state === 'all' || p.state === state) && (query.head === undefined || query.head === `${this.owner}:${p.head}`) && (query.base === undefined || query.base === p.base),
    );
    if (query.direction !== 'asc') found.reverse();
    const perPage = Number(query.per_page ?? 30);
    const page = Number(query.page ?? 1);
    const headers: Record<string, string> = {};
    if (page * perPage < found.length) {
      const next = new URLSearchParams({ ...query, page: String(page + 1) });
      headers.link = `<${this.url}/repos/${this.owner}/${this.repo}/pulls?${next}>; rel="next"`;
    }
    return [200, found.slice((page - 1) * perPage, page * perPage).map((p) => this.pullJson(p)), headers];
  }

  private createPull(body: Record<string, unknown>): [number, unknown] {
    const head = String(body.head ?? '');
    const base = String(body.base ?? '');
    if (this.pulls.some((p) => p.state === 'open' && p.head === head && p.base === base)) {
      return [422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${this.owner}:${head}.` }] }];
    }
    const pull = this.addPull({ head, base, title: String(body.title ?? ''), body: String(body.body ?? '') });
    return [201, this.pullJson(pull)];
  }

  private updatePull(pull: FakePull, body: Record<string, unknown>): [number, unknown] {
    if (typeof body.title === 'string') pull.title = body.title;
    if (typeof body.body === 'string') pull.body = body.body;
    if (typeof body.base === 'string') pull.base = body.base;
    if (body.state === 'open' || body.state === 'closed') pull.state = body.state;
    return [200, this.pullJson(pull)];
  }

  private requestReviewers(pull: FakePull, body: Record<string, unknown>): [number, unknown] {
    const users = (body.reviewers ?? []) as string[];
    const teams = (body.team_reviewers ?? []) as string[];
    if (users.some((u) => !this.collaborators.has(u) || u === pull.author) || teams.some((t) => !this.teams.has(t))) {
      return [422, { message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${this.owner}/${this.repo} repository.` }];
    }
    pull.reviewers.push(...users);
    pull.teams.push(...teams);
    return [201, this.pullJson(pull)];
  }

  private listComments(pull: FakePull, query: Record<string, string>): [number, unknown, Record<string, string>] {
    const perPage = Number(query.per_page ?? 30);
    const page = Number(query.page ?? 1);
    const all = this.commentsOn(pull.number);
    const headers: Record<string, string> = {};
    if (page * perPage < all.length) {
      headers.link = `<${this.url}/repos/${this.owner}/${this.repo}/issues/${pull.number}/comments?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    }
    return [200, all.slice((page - 1) * perPage, page * perPage).map((c) => this.commentJson(c)), headers];
  }

  private addComment(issue: number, body: string): FakeComment {
    const comment: FakeComment = { id: this.nextId++, issue, body, author: this.login, ...(this.login.endsWith('[bot]') ? { authorType: 'Bot' as const } : {}) };
    this.comments.push(comment);
    return comment;
  }

  private updateComment(id: number, body: string): [number, unknown] {
    const comment = this.comments.find((c) => c.id === id);
    if (!comment) return [404, { message: 'Not Found' }];
    comment.body = body;
    return [200, this.commentJson(comment)];
  }

  private listIssues(query: Record<string, string>): unknown[] {
    const state = query.state ?? 'open';
    const labels = query.labels ? query.labels.split(',') : [];
    return this.issues
      .filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)))
      .map((i) => this.issueJson(i));
  }

  private updateIssue(number: number, body: Record<string, unknown>): [number, unknown] {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) return [404, { message: 'Not Found' }];
    if (typeof body.title === 'string') issue.title = body.title;
    if (typeof body.body === 'string') issue.body = body.body;
    if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
    return [200, this.issueJson(issue)];
  }

  private issueJson(i: FakeIssue): unknown {
    return {
      number: i.number, node_id: `I_${i.number}`, html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}`, state: i.state, title: i.title, body: i.body,
      user: { login: i.author, ...(i.authorType ? { type: i.authorType } : {}) }, labels: i.labels.map((name) => ({ name })),
    };
  }

  private getLabel(name: string): [number, unknown] {
    const label = this.labels.get(name);
    return label ? [200, label] : [404, { message: 'Not Found' }];
  }

  private createLabel(body: Record<string, unknown>): [number, unknown] {
    const name = String(body.name ?? '');
    if (this.labels.has(name)) return [422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] }];
    const label = { name, color: String(body.color ?? 'ededed'), description: String(body.description ?? '') };
    this.labels.set(name, label);
    return [201, label];
  }

  private addLabels(pull: FakePull, body: Record<string, unknown>): [number, unknown] {
    for (const name of (body.labels ?? []) as string[]) {
      // GitHub creates unknown labels on the fly (grey); modelshift creates them first to choose the colour.
      if (!this.labels.has(name)) this.labels.set(name, { name, color: 'ededed', description: '' });
      if (!pull.labels.includes(name)) pull.labels.push(name);
    }
    return [200, pull.labels.map((name) => this.labels.get(name))];
  }

  /** What modelshift asks GraphQL: the token's `viewer { login }`, enablePullRequestAutoMerge by the PR's node_id, pinIssue by the issue's. */
  private graphql(body: Record<string, unknown>): [number, unknown] {
    const query = String(body.query ?? '');
    if (/^\s*query\s*\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) return [200, { data: { viewer: { login: this.login } } }];
    const id = (body.variables as { id?: string } | undefined)?.id;
    const notFound: [number, unknown] = [200, { data: null, errors: [{ type: 'NOT_FOUND', message: `Could not resolve to a node with the global id of '${id}'` }] }];
    if (query.includes('pinIssue')) {
      const issue = this.issues.find((i) => `I_${i.number}` === id);
      if (!issue) return notFound;
      // GitHub pins at most three issues per repository.
      if (!issue.pinned && this.issues.filter((i) => i.pinned).length >= 3) {
        return [200, { data: { pinIssue: null }, errors: [{ type: 'UNPROCESSABLE', path: ['pinIssue'], message: 'Pinned issues limit reached: a repository can pin up to 3 issues.' }] }];
      }
      issue.pinned = true;
      return [200, { data: { pinIssue: { issue: { number: issue.number } } } }];
    }
    const pull = this.pulls.find((p) => `PR_${p.number}` === id);
    if (!query.includes('enablePullRequestAutoMerge') || !pull) return notFound;
    pull.autoMerge = /mergeMethod:\s*(\w+)/.exec(query)?.[1] ?? 'MERGE';
    return [200, { data: { enablePullRequestAutoMerge: { pullRequest: { number: pull.number } } } }];
  }

  private withPull(match: RegExpExecArray, fn: (pull: FakePull) => [number, unknown, Record<string, string>?]): [number, unknown, Record<string, string>?] {
    const pull = this.pulls.find((p) => p.number === Number(match[1]));
    return pull ? fn(pull) : [404, { message: 'Not Found' }];
  }

  private pullJson(p: FakePull): unknown {
    return {
      number: p.number,
      node_id: `PR_${p.number}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
      state: p.state,
      merged_at: p.merged ? '2026-11-22T12:00:00Z' : null,
      title: p.title,
      body: p.body,
      user: { login: p.author },
      head: { ref: p.head, label: `${this.owner}:${p.head}`, ...(this.origin ? { sha: this.headSha(p.head) } : {}) },
      base: { ref: p.base, label: `${this.owner}:${p.base}` },
      labels: p.labels.map((name) => ({ name })),
      requested_reviewers: p.reviewers.map((login) => ({ login })),
      requested_teams: p.teams.map((slug) => ({ slug })),
    };
  }

  /** The branch's commit in the bare origin (GitHub keeps a closed PR's last head; a deleted branch has none here). */
  private headSha(branch: string): string | undefined {
    try {
      return execFileSync('git', ['--git-dir', this.origin!, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      return undefined;
    }
  }

  private commentJson(c: FakeComment): unknown {
    return { id: c.id, body: c.body, user: { login: c.author, ...(c.authorType ? { type: c.authorType } : {}) } };
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(payload));
}
