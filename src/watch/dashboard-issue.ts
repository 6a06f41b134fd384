import { ExternalError } from '../errors.js';
import { ownMarked } from '../github/ours.js';
import { DASHBOARD_LABEL, isDashboard } from './dashboard.js';
import type { Issue, Issues } from './issues.js';

export interface DashboardOutcome {
  operation: 'created' | 'updated' | 'unchanged';
  number: number;
  url: string;
  /** Set when the issue was created: whether pinning it worked (a warning says why not). */
  pinned?: boolean;
}

/** The outcome, with what went wrong on the way: a refused pin, a login that could not be read. */
export interface DashboardUpsert extends DashboardOutcome {
  warnings: string[];
}

/**
 * Keeps one dashboard issue: the one carrying our label and marker that the
 * token's own login opened (see `ownMarked`) — a marker a person pasted, or
 * another GitHub App wrote, is not ours. A closed dashboard is
 * reopened: `--dashboard` asks for it. A new one is pinned, as Renovate's
 * Dependency Dashboard is; GitHub allows three pinned issues
 * (https://docs.github.com/en/issues/tracking-your-work-with-issues/administering-issues/pinning-an-issue-to-your-repository),
 * so a refused pin is a warning: the dashboard itself is written. An
 * existing one is left as people pinned or unpinned it.
 */
export async function upsertDashboard(issues: Issues, title: string, body: string): Promise<DashboardUpsert> {
  const warnings: string[] = [];
  const existing = await findDashboard(issues, (error) => warnings.push(`the token's login could not be read, so no earlier dashboard issue was taken for ours and a new one was opened: ${error.inOneLine()}`));
  if (!existing) {
    const created = await issues.create({ title, body, labels: [DASHBOARD_LABEL] });
    const outcome = { operation: 'created', number: created.number, url: created.url } as const;
    try {
      await issues.pin(created);
      return { ...outcome, pinned: true, warnings };
    } catch (error) {
      if (!(error instanceof ExternalError)) throw error;
      return { ...outcome, pinned: false, warnings: [...warnings, `the dashboard issue #${created.number} was written but not pinned: ${error.inOneLine()}`] };
    }
  }
  if (existing.body === body && existing.title === title && existing.state === 'open') return { operation: 'unchanged', number: existing.number, url: existing.url, warnings };
  const updated = await issues.update(existing.number, { title, body, state: 'open' });
  return { operation: 'updated', number: updated.number, url: updated.url, warnings };
}

async function findDashboard(issues: Issues, onLoginError: (error: ExternalError) => void): Promise<Issue | undefined> {
  const marked = (await issues.listLabelled(DASHBOARD_LABEL)).filter((i) => isDashboard(i.body)).sort((a, b) => a.number - b.number);
  return ownMarked(marked, () => issues.currentUser(), onLoginError);
}

