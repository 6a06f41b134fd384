import type { ExternalError } from '../errors.js';
import type { IssueComment, PullRequests } from '../pr/pull-requests.js';
import { parseCheckMarker, sameCheckComment, type CheckMarkerFields } from '../render/comment-marker.js';
import { ownMarked } from './ours.js';

/** What happened to the sticky comment; `kept-newer`: a run for a later event already wrote it, so it was left alone. */
export type CommentOperation = 'created' | 'updated' | 'unchanged' | 'kept-newer';

export interface StickyComment {
  operation: CommentOperation;
  id: number;
  /** Why an earlier comment could not be told to be ours (the token's login was unreadable), so this one was posted anew. */
  warning?: string;
}

/**
 * Keeps one check comment per pull request: finds the one carrying our
 * marker, updates it in place (not when the body is the same), or posts it.
 * Runs can finish out of order (a re-run of an old event, a slow run
 * overtaken by the next push): a comment whose marker names another head
 * commit and a later pull request event is newer than ours and is kept.
 */
export async function upsertCheckComment(prs: PullRequests, number: number, body: string, marker: CheckMarkerFields): Promise<StickyComment> {
  let unknownLogin: ExternalError | undefined;
  const existing = await findCheckComment(prs, await prs.listComments(number), (error) => (unknownLogin = error));
  if (!existing) {
    const { id } = await prs.comment(number, body);
    if (!unknownLogin) return { operation: 'created', id };
    return { operation: 'created', id, warning: `the token's login could not be read, so no earlier check comment was taken for ours and a new one was posted: ${unknownLogin.inOneLine()}` };
  }
  const theirs = parseCheckMarker(existing.body)!;
  if (theirs.head !== marker.head && Date.parse(theirs.at) > Date.parse(marker.at)) return { operation: 'kept-newer', id: existing.id };
  if (sameCheckComment(existing.body, body)) return { operation: 'unchanged', id: existing.id };
  await prs.updateComment(existing.id, body);
  return { operation: 'updated', id: existing.id };
}

/**
 * The oldest marked comment the token's own login wrote (see `ownMarked`):
 * a marker from anyone else, another GitHub App included, is never ours.
 * `watch` reads the verdict of a migration PR from this comment, so a
 * foreign one must not pass for it.
 */
export async function findCheckComment(prs: PullRequests, comments: IssueComment[], onLoginError?: (error: ExternalError) => void): Promise<IssueComment | undefined> {
  const marked = comments.filter((c) => parseCheckMarker(c.body) !== undefined);
  return ownMarked(marked, () => prs.currentUser(), onLoginError);
}
