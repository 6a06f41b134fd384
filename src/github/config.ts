import { UsageError } from '../errors.js';
import { secretsFromEnv } from '../secrets/redact.js';

/** Environment variables as read at the edge (`process.env` in the CLI, the runner's env in the Action). */
export type Env = Readonly<Record<string, string | undefined>>;

/** Everything needed to call the GitHub API for one repository. */
export interface GitHubConfig {
  token: string;
  owner: string;
  repo: string;
  /** REST API root: `https://api.github.com`, or a GitHub Enterprise Server's `https://host/api/v3`. */
  apiUrl: string;
  /** Secret values of the environment, kept out of every title and body sent (PR bodies, comments). */
  secrets?: readonly string[];
}

/** A repository named by a git remote URL. */
export interface RepoRef {
  host: string;
  owner: string;
  repo: string;
}

const PUBLIC_HOST = 'github.com';
const PUBLIC_API = 'https://api.github.com';

/**
 * Reads the GitHub settings from `env`, falling back to the `origin` URL for
 * the repository: token from `GITHUB_TOKEN` or `GH_TOKEN`; repository from
 * `GITHUB_REPOSITORY` or `originUrl`; API from `GITHUB_API_URL`, else derived
 * from the origin host (an Enterprise Server host serves `/api/v3`).
 */
export function gitHubConfig(env: Env, originUrl?: string): GitHubConfig {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) {
    throw new UsageError(
      'no GitHub token: set GITHUB_TOKEN or GH_TOKEN',
      'use a token with `contents: write` (to push the branch) and `pull-requests: write` (to open the PR); in a workflow, pass `secrets.GITHUB_TOKEN` and grant those permissions',
    );
  }
  const origin = originUrl === undefined ? undefined : parseRepoUrl(originUrl);
  const named = env.GITHUB_REPOSITORY ? parseRepository(env.GITHUB_REPOSITORY) : origin;
  if (!named) {
    throw new UsageError(
      env.GITHUB_REPOSITORY
        ? `GITHUB_REPOSITORY is "${env.GITHUB_REPOSITORY}", expected owner/name`
        : `cannot tell the GitHub repository from the origin URL ${originUrl === undefined ? '(no origin remote)' : `"${withoutUserinfo(originUrl)}"`}`,
      'set GITHUB_REPOSITORY=owner/name',
    );
  }
  const apiUrl = env.GITHUB_API_URL || (origin && origin.host !== PUBLIC_HOST ? `https://${origin.host}/api/v3` : PUBLIC_API);
  return { token, owner: named.owner, repo: named.repo, apiUrl: apiUrl.replace(/\/+$/, ''), secrets: [token, ...secretsFromEnv(env)] };
}

/** A remote URL for a message: `https://user:token@host/…` loses its credentials. */
function withoutUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/**
 * Parses the URL forms git accepts for a GitHub remote: `https://host/o/r(.git)`
 * (credentials allowed), `git@host:o/r.git` and `ssh://git@host(:port)/o/r.git`.
 * Returns undefined for anything else (a local path, a path that is not `o/r`).
 */
export function parseRepoUrl(url: string): RepoRef | undefined {
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(url);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    return ownerAndRepo(scp[1] ?? '', scp[2] ?? '');
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) return undefined;
  return ownerAndRepo(parsed.hostname, parsed.pathname);
}

function parseRepository(value: string): Omit<RepoRef, 'host'> | undefined {
  const [owner, repo, ...rest] = value.split('/');
  return owner && repo && rest.length === 0 ? { owner, repo } : undefined;
}

function ownerAndRepo(host: string, path: string): RepoRef | undefined {
  const parts = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '').split('/');
  if (parts.length !== 2) return undefined;
  const [owner, repo] = parts;
  return owner && repo && host ? { host: host.toLowerCase(), owner, repo } : undefined;
}
