import { ExternalError } from '../errors.js';

/**
 * Of the items carrying our marker (oldest first), the first one the
 * token's own login wrote. A marker is plain text anyone can write — a
 * person quoting it, or another GitHub App on the repository (also a
 * `Bot`) forging a passing verdict — so the author's login is the only
 * proof. The login is asked for only when something is marked. When it
 * cannot be read nothing is ours; `onLoginError` hears why.
 */
export async function ownMarked<T extends { author: string }>(
  marked: readonly T[],
  currentUser: () => Promise<string>,
  onLoginError?: (error: ExternalError) => void,
): Promise<T | undefined> {
  if (!marked.length) return undefined;
  let login: string;
  try {
    login = await currentUser();
  } catch (error) {
    if (!(error instanceof ExternalError)) throw error;
    onLoginError?.(error);
    return undefined;
  }
  return marked.find((item) => item.author === login);
}
