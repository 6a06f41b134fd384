import type { TestRepo } from '../helpers/git-repo.js';

/** GitHub's three merge buttons, and a squash whose message someone rewrote. */
export type MergeStyle = 'merge' | 'squash' | 'squash-title' | 'squash-rewritten' | 'rebase';

/**
 * Merges a PR branch from origin into main and pushes, the ways GitHub does:
 * - `merge`: a merge commit `Merge pull request #N from owner/branch`;
 * - `squash`: `<title> (#N)` with the branch's commit messages in the body;
 * - `squash-title`: GitHub's default for a squash, `<title> (#N)` and an empty body;
 * - `squash-rewritten`: a squash whose message names neither the migration nor the PR's title;
 * - `rebase`: every branch commit replayed onto main (new ids and committer, same messages), no merge subject.
 */
export async function mergePr(repo: TestRepo, branch: string, number: number, how: MergeStyle, title = 'merged'): Promise<string> {
  await repo.git(['checkout', '--quiet', 'main']);
  await repo.git(['fetch', '--quiet', 'origin', branch]);
  const who = ['-c', 'user.name=Alice Example', '-c', 'user.email=alice@example.com'];
  if (how === 'merge') {
    await repo.git([...who, 'merge', '--quiet', '--no-ff', '--no-edit', '-m', `Merge pull request #${number} from acme/${branch}`, 'FETCH_HEAD']);
  } else if (how === 'rebase') {
    await repo.git([...who, 'cherry-pick', '--allow-empty', 'HEAD..FETCH_HEAD']);
  } else {
    const messages = await repo.git(['log', '--format=* %B', 'HEAD..FETCH_HEAD']);
    const message = how === 'squash' ? `${title} (#${number})\n\n${messages}` : how === 'squash-title' ? `${title} (#${number})` : 'Update agents';
    await repo.git(['merge', '--quiet', '--squash', 'FETCH_HEAD']);
    await repo.git([...who, 'commit', '--quiet', '--no-gpg-sign', '--no-verify', '-m', message]);
  }
  await repo.git(['push', '--quiet', 'origin', 'main']);
  return (await repo.git(['rev-parse', 'HEAD'])).trim();
}
