import { ExternalError } from '../errors.js';
import { DASHBOARD_LABEL, isDashboard } from './dashboard.js';
import type { Issue, Issues } from './issues.js';

export interface DashboardOutcome {
  operation: 'created' | 'updated' | 'unchanged';
  number: number;
  url: string;
}

/**
 * Keeps one dashboard issue: the one carrying our label and marker, written
 * by a bot (a workflow token) or else by the token's own user — a marker a
 * person pasted elsewhere is not taken for ours. A closed dashboard is
 * reopened: `--dashboard` asks for it.
 */
export async function upsertDashboard(issues: Issues, title: string, body: string): Promise<DashboardOutcome> {
  const existing = await findDashboard(issues);
  if (!existing) {
    const created = await issues.create({ title, body, labels: [DASHBOARD_LABEL] });
    return { operation: 'created', number: created.number, url: created.url };
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
