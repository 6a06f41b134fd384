import type { Octokit } from '@octokit/rest';
import { ExternalError } from '../errors.js';
import { callGitHub } from './client.js';

/**
 * The login the token acts as: a person's for a personal token,
 * `<app-slug>[bot]` for a GitHub App installation token,
 * `github-actions[bot]` for a workflow's GITHUB_TOKEN. Sticky comments and
 * the dashboard are ours only when this login wrote them.
 */
export async function viewerLogin(octokit: Octokit): Promise<string> {
  // GraphQL `viewer` answers every kind of token; REST GET /user gives installation tokens 403 (seen in bulk-github-repo-settings-sync-action#194, fullsend#1953, t3code#11273).
  const { viewer } = await callGitHub("read the token's login", undefined, () => octokit.graphql<{ viewer?: { login?: unknown } | null }>('query { viewer { login } }'));
  const login = viewer?.login;
  if (typeof login !== 'string' || login === '') throw new ExternalError("GitHub: read the token's login failed: GitHub gave no login for the token");
  return login;
}
