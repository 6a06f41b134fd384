import type { TestRepo } from '../helpers/git-repo.js';

/**
 * Merges a PR branch from origin into main and pushes, the ways GitHub does:
 * a merge commit (`Merge pull request #N from owner/branch`) or a squash
 * (`<title> (#N)`, the branch's commit messages in the body).
 */
export async function mergePr(repo: TestRepo, branch: string, number: number, how: 'merge' | 'squash', title = 'merged'): Promise<string> {
  await repo.git(['checkout', '--quiet', 'main']);
  await repo.git(['fetch', '--quiet', 'origin', branch]);
  const who = ['-c', 'user.name=Alice Example', '-c', 'user.email=alice@example.com'];
  if (how === 'merge') {
    await repo.git([...who, 'merge', '--quiet', '--no-ff', '--no-edit', '-m', `Merge pull request #${number} from acme/${branch}`, 'FETCH_HEAD']);
  } else {
    const messages = await repo.git(['log', '--format=* %B', 'HEAD..FETCH_HEAD']);
    await repo.git(['merge', '--quiet', '--squash', 'FETCH_HEAD']);
    await repo.git([...who, 'commit', '--quiet', '--no-gpg-sign', '--no-verify', '-m', `${title} (#${number})\n\n${messages}`]);
  }
  await repo.git(['push', '--quiet', 'origin', 'main']);
  return (await repo.git(['rev-parse', 'HEAD'])).trim();
}
