import { ExternalError } from '../src/errors.js';
import { createOctokit } from '../src/github/client.js';
import type { GitHubConfig } from '../src/github/config.js';

/**
 * Turns on GitHub's auto-merge for a pull request (GraphQL
 * `enablePullRequestAutoMerge`; REST has no endpoint for it): GitHub merges it
 * once the branch protection's checks and reviews pass. A merge commit keeps
 * the promote commit and its trailers as they are for `history`.
 */
export async function enableAutoMerge(config: GitHubConfig, number: number): Promise<void> {
  const octokit = createOctokit(config);
  try {
    const { data } = await octokit.rest.pulls.get({ owner: config.owner, repo: config.repo, pull_number: number });
    await octokit.graphql(
      `mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: MERGE }) { pullRequest { number } } }`,
      { id: data.node_id },
    );
  } catch (error) {
    // GitHub refuses when the repository does not allow auto-merge or the PR is already mergeable.
    throw new ExternalError(`could not enable auto-merge on #${number}: ${(error as Error).message}`, {
      cause: error,
      hint: 'allow auto-merge in the repository settings (General → Pull Requests) and give the token pull-requests: write',
    });
  }
}
