import { ExternalError } from '../errors.js';
import { DASHBOARD_LABEL, isDashboard } from './dashboard.js';
import type { Issue, Issues } from './issues.js';

export interface DashboardOutcome {
  operation: 'created' | 'updated' | 'unchanged';
  number: number;
  url: string;
  /** Set when the issue was created: whether pinning it worked (see `warning` when not). */
  pinned?: boolean;
  /** Why the new issue could not be pinned. */
  warning?: string;
}

/**
 * Keeps one dashboard issue: the one carrying our label and marker, written
 * by a bot (a workflow token) or else by the token's own user — a marker a
 * person pasted elsewhere is not taken for ours. A closed dashboard is
 * reopened: `--dashboard` asks for it. A new one is pinned, as Renovate's
 * Dependency Dashboard is; GitHub allows three pinned issues
 * (https://docs.github.com/en/issues/tracking-your-work-with-issues/administering-issues/pinning-an-issue-to-your-repository),
 * so a refused pin is a warning: the dashboard itself is written. An
 * existing one is left as people pinned or unpinned it.
 */
export async function upsertDashboard(issues: Issues, title: string, body: string): Promise<DashboardOutcome> {
  const existing = await findDashboard(issues);
  if (!existing) {
    const created = await issues.create({ title, body, labels: [DASHBOARD_LABEL] });
    const outcome = { operation: 'created', number: created.number, url: created.url } as const;
    try {
      await issues.pin(created);
      return { ...outcome, pinned: true };
    } catch (error) {
      if (!(error instanceof ExternalError)) throw error;
      return { ...outcome, pinned: false, warning: `the dashboard issue #${created.number} was written but not pinned: ${error.message.replace(/\s*\n\s*/g, ' ')}${error.details.hint ? ` (${error.details.hint})` : ''}` };
    }
  }
  if (existing.body === body && existing.title === title && existing.state === 'open') return { operation: 'unchanged', number: existing.number, url: existing.url };
  const updated = await issues.update(existing.number, { title, body, state: 'open' });
  return { operation: 'updated', number: updated.number, url: updated.url };
}

async function findDashboard(issues: Issues): Promise<Issue | undefined> {
  const marked = (await issues.listLabelled(DASHBOARD_LABEL)).filter((i) => isDashboard(i.body)).sort((a, b) => a.number - b.number);
  if (!marked.length) return undefined;
  const byBot = marked.find((i) => i.authorType === 'Bot');
  if (byBot) return byBot;
  // A workflow token gets 403 on GET /user: it is only asked when no bot wrote one.
  const login = await issues.currentUser().catch((error: unknown) => {
    if (error instanceof ExternalError) return undefined;
    throw error;
  });
  return login === undefined ? undefined : marked.find((i) => i.author === login);
}
