import { ExternalError } from '../errors.js';
import type { IssueComment, PullRequests } from '../pr/pull-requests.js';
import { parseCheckMarker, sameCheckComment, type CheckMarkerFields } from '../render/comment-marker.js';

/** What happened to the sticky comment; `kept-newer`: a run for a later event already wrote it, so it was left alone. */
export type CommentOperation = 'created' | 'updated' | 'unchanged' | 'kept-newer';

export interface StickyComment {
  operation: CommentOperation;
  id: number;
}

/**
 * Keeps one check comment per pull request: finds the one carrying our
 * marker, updates it in place (not when the body is the same), or posts it.
 * Runs can finish out of order (a re-run of an old event, a slow run
 * overtaken by the next push): a comment whose marker names another head
 * commit and a later pull request event is newer than ours and is kept.
 */
export async function upsertCheckComment(prs: PullRequests, number: number, body: string, marker: CheckMarkerFields): Promise<StickyComment> {
  const existing = await findCheckComment(prs, await prs.listComments(number));
  if (!existing) return { operation: 'created', id: (await prs.comment(number, body)).id };
  const theirs = parseCheckMarker(existing.body)!;
  if (theirs.head !== marker.head && Date.parse(theirs.at) > Date.parse(marker.at)) return { operation: 'kept-newer', id: existing.id };
  if (sameCheckComment(existing.body, body)) return { operation: 'unchanged', id: existing.id };
  await prs.updateComment(existing.id, body);
  return { operation: 'updated', id: existing.id };
}

/**
 * The oldest marked comment written by a bot (a workflow's GITHUB_TOKEN or a
 * GitHub App token), else by the token's own user. A workflow token gets 403
 * on GET /user, so the login is only asked for when no bot wrote one; a
 * marker pasted by someone else is never taken for ours. `watch` reads the
 * verdict of a migration PR from the same comment.
 */
export async function findCheckComment(prs: PullRequests, comments: IssueComment[]): Promise<IssueComment | undefined> {
  const marked = comments.filter((c) => parseCheckMarker(c.body) !== undefined);
  if (!marked.length) return undefined;
  const byBot = marked.find((c) => c.authorType === 'Bot');
  if (byBot) return byBot;
  const login = await prs.currentUser().catch((error: unknown) => {
    if (error instanceof ExternalError) return undefined;
    throw error;
  });
  return login === undefined ? undefined : marked.find((c) => c.author === login);
}
