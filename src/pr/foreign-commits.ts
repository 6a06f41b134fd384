import { UsageError } from '../errors.js';
import type { CommitInfo } from '../git/git.js';
import { TRAILER } from '../git/trailers.js';
import type { PullRequests } from './pull-requests.js';

/** Marks the one comment that tells a PR why modelshift stopped updating it. */
const FOREIGN_COMMITS_MARKER = '<!-- modelshift:foreign-commits -->';

/**
 * The PR branch has commits modelshift did not make, so updating it would
 * throw them away. Exit 2 like every usage error; the hint names both ways on.
 */
export class ForeignCommitsError extends UsageError {
  override name = 'ForeignCommitsError';
  constructor(
    readonly branch: string,
    readonly commits: readonly CommitInfo[],
  ) {
    super(
      `branch ${branch} has ${commits.length} commit(s) modelshift did not make (${commits.map(describe).join(', ')}); modelshift will not overwrite them`,
      'run again with --force to reset the branch to the migration (those commits leave the branch), or finish and merge the pull request by hand',
    );
  }
}

/**
 * Commits without our migration trailer. The trailer, not the author, says a
 * commit is ours: `--author` on one run and the default identity on the next
 * are both modelshift, and must not lock each other out of the branch.
 */
export function foreignCommits(commits: readonly CommitInfo[]): CommitInfo[] {
  return commits.filter((commit) => commit.trailers[TRAILER.migration] === undefined);
}

/** Tells the PR why it is no longer updated, unless an earlier run already did. */
export async function commentForeignCommits(prs: PullRequests, number: number, migration: string, commits: readonly CommitInfo[]): Promise<void> {
  const comments = await prs.listComments(number);
  if (comments.some((comment) => comment.body.includes(FOREIGN_COMMITS_MARKER))) return;
  const list = commits.map((commit) => `- ${commit.sha.slice(0, 12)} by ${codeSpan(commit.authorName)}`).join('\n');
  await prs.comment(
    number,
    [
      'modelshift stopped updating this pull request: its branch has commits modelshift did not make, and updating would throw them away.',
      '',
      list,
      '',
      `To let modelshift take the branch back, run \`modelshift pr ${migration} --force\` (the commits above leave the branch). Otherwise finish and merge this pull request by hand.`,
      '',
      FOREIGN_COMMITS_MARKER,
    ].join('\n'),
  );
}

function describe(commit: CommitInfo): string {
  return `${commit.sha.slice(0, 7)} by ${commit.authorName} <${commit.authorEmail}>`;
}

/** A code span, so an author name like `@team` neither pings nor renders as markdown. */
function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
