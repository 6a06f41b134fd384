/**
 * The port through which `watch` keeps its dashboard issue. `src/github/`
 * implements it; every method throws `ExternalError` when the host refuses.
 */
export interface Issue {
  number: number;
  url: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  author: string;
  /** The GraphQL node id, which pinning takes. */
  nodeId?: string;
}

export interface Issues {
  /** Issues (not pull requests), open and closed, carrying the label. */
  listLabelled(label: string): Promise<Issue[]>;
  create(issue: { title: string; body: string; labels: string[] }): Promise<Issue>;
  update(number: number, change: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<Issue>;
  /** Pins the issue to the repository's issue list (GitHub allows three pinned issues). */
  pin(issue: Issue): Promise<void>;
  /** The login the token acts as (see PullRequests.currentUser). */
  currentUser(): Promise<string>;
}
