import { checkModel } from '../catalog/check.js';
import { daysUntil } from '../catalog/index.js';
import { escapeMarkdown } from '../render/escape.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { describeEvaluation, type PrEvaluation } from './evaluation.js';

/** GitHub refuses issue bodies over 65,536 characters; the margin leaves room for its own counting. */
export const DASHBOARD_LIMIT = 60_000;
export const DASHBOARD_TITLE = 'modelshift dashboard';
export const DASHBOARD_LABEL = 'modelshift-dashboard';
const MARKER = '<!-- modelshift {"tool":"modelshift","kind":"dashboard","v":1} -->';

/** The pull request that handles a model, as `watch` last saw it. */
export interface HandlingPr {
  migration: string;
  state: 'open' | 'declined' | 'planned';
  number?: number;
  url?: string;
  /** The PR's head commit, which the check's verdict must be for to be current. */
  headSha?: string;
  /** From the check comment's marker (open PRs only). */
  evaluation?: PrEvaluation;
}

/** A pull request moving a canary on: the next step (`promote`) or back (`rollback`). */
export interface RolloutPr {
  kind: 'promote' | 'rollback';
  number: number;
  url: string;
  /** The weight a promote PR moves the canary to. */
  step?: number;
}

/** A canary running on agents of a row's model: the migration, its weight, and the PRs that move it. */
export interface Canary {
  migration: string;
  weight: number;
  agents: number;
  prs: RolloutPr[];
}

/** What `watch` learnt outside the workspace files, for the dashboard. */
export interface DashboardInput {
  /** The generated migration's PR per `provider\0model`. */
  handling: ReadonlyMap<string, HandlingPr>;
  /** Existing migrations that take agents of a model, per `provider\0model`. */
  covering: ReadonlyMap<string, string[]>;
  /** Open `modelshift/<migration>` PRs of existing migrations, by migration name. */
  migrationPrs?: ReadonlyMap<string, HandlingPr>;
  /** Open promote and rollback PRs, by migration name. */
  rolloutPrs?: ReadonlyMap<string, RolloutPr[]>;
  /** `--references`: what scan found outside modelshift files. */
  references?: readonly ModelReference[];
  /** Agents a person excluded from a migration of their model, whom watch leaves alone. */
  excluded?: ReadonlyMap<string, { agent: string; migration: string }[]>;
}

/** One model in use, as the dashboard lists it. */
export interface DashboardRow {
  provider: string;
  model: string;
  agents: number;
  verdict: 'retired' | 'retiring' | 'current' | 'unknown';
  retires?: string;
  daysLeft?: number;
  successor?: string;
  /** Existing migrations that take agents of this model. */
  migrations: string[];
  /** References to the model outside modelshift files (`watch --references`); undefined when not scanned. */
  references?: number;
  pr?: HandlingPr;
  /** Open PRs of the existing migrations in `migrations`, by name. */
  migrationPrs: Record<string, HandlingPr>;
  canaries: Canary[];
  /** Agents left on the model because a person excluded them (`select.exclude` of a migration from it). */
  excluded: { agent: string; migration: string }[];
}

/**
 * Every (provider, model) the agents use, retired and retiring first, with
 * what the catalog says (the successor as `spec.watch.successors` overrides it), which migrations take it and which pull request
 * handles it. Pure.
 */
export function dashboardRows(workspace: LoadedWorkspace, today: string, input: DashboardInput): DashboardRow[] {
  const rows = new Map<string, DashboardRow>();
  const successors = workspace.config?.value.spec.watch?.successors ?? {};
  for (const { value: agent } of workspace.agents.values()) {
    const { provider, name: model } = agent.spec.model;
    const key = `${provider}\0${model}`;
    let row = rows.get(key);
    if (!row) {
      const entry = workspace.catalog.lookup(model);
      const successor = successors[model] ?? (entry && successors[entry.id]) ?? entry?.successor;
      const type = workspace.providers.get(provider)?.value.spec.type ?? 'openai-compatible';
      const issue = checkModel(entry, model, type, today)[0];
      const verdict = issue?.rule === 'model-retired' ? 'retired' : issue?.rule === 'model-retiring' ? 'retiring' : entry ? 'current' : 'unknown';
      const migrations = input.covering.get(key) ?? [];
      row = {
        provider, model, agents: 0, verdict, migrations, canaries: [], excluded: input.excluded?.get(key) ?? [],
        migrationPrs: Object.fromEntries(migrations.flatMap((m) => (input.migrationPrs?.get(m) ? [[m, input.migrationPrs.get(m)!]] : []))),
        ...(entry?.retires && { retires: entry.retires, daysLeft: daysUntil(entry.retires, today) }),
        ...(successor && { successor }),
        ...(input.handling.get(key) && { pr: input.handling.get(key) }),
      };
      rows.set(key, row);
    }
    row.agents++;
    const rollout = agent.spec.rollout;
    if (rollout) {
      const canary = row.canaries.find((c) => c.migration === rollout.migration && c.weight === rollout.weight);
      if (canary) canary.agents++;
      else row.canaries.push({ migration: rollout.migration, weight: rollout.weight, agents: 1, prs: input.rolloutPrs?.get(rollout.migration) ?? [] });
    }
  }
  if (input.references) addReferences(workspace, today, rows, input.references);
  const rank = { retired: 0, retiring: 1, unknown: 2, current: 3 } as const;
  return [...rows.values()].sort((a, b) => rank[a.verdict] - rank[b.verdict] || (a.retires ?? '9').localeCompare(b.retires ?? '9') || a.model.localeCompare(b.model));
}

/** What the dashboard needs of a `scan` finding outside modelshift files. */
export interface ModelReference {
  model: string;
  provider: string;
  /** The catalog id the model is filed under, when known: a snapshot counts for its model. */
  catalogId?: string;
}

/**
 * Counts references on the rows of the models they name (by catalog id, so a
 * snapshot in code counts for the model agents use) and adds rows for models
 * only code references: they retire all the same.
 */
function addReferences(workspace: LoadedWorkspace, today: string, rows: Map<string, DashboardRow>, references: readonly ModelReference[]): void {
  const idOf = (model: string) => workspace.catalog.lookup(model)?.id ?? model;
  for (const row of rows.values()) row.references = 0;
  for (const ref of references) {
    const id = ref.catalogId ?? ref.model;
    const row = [...rows.values()].find((r) => idOf(r.model) === id);
    if (row) {
      row.references = (row.references ?? 0) + 1;
      continue;
    }
    const entry = workspace.catalog.lookup(id);
    const issue = checkModel(entry, id, ref.provider === 'anthropic' ? 'anthropic' : 'openai', today)[0];
    const verdict = issue?.rule === 'model-retired' ? 'retired' : issue?.rule === 'model-retiring' ? 'retiring' : entry ? 'current' : 'unknown';
    rows.set(`ref\0${ref.provider}\0${id}`, {
      provider: ref.provider, model: id, agents: 0, verdict, migrations: [], migrationPrs: {}, canaries: [], excluded: [], references: 1,
      ...(entry?.retires && { retires: entry.retires, daysLeft: daysUntil(entry.retires, today) }),
      ...(entry?.successor && { successor: entry.successor }),
    });
  }
}

/** Is this issue body one of our dashboards? */
export function isDashboard(body: string): boolean {
  return body.includes(MARKER);
}

/** The dashboard issue body: the most rows that fit under GitHub's limit, with a note when some were left out. */
export function renderDashboard(rows: readonly DashboardRow[], today: string, limit = DASHBOARD_LIMIT): string {
  for (const shown of [Infinity, 500, 200, 50, 0]) {
    const body = renderAt(rows, today, shown);
    if (body.length <= limit) return body;
  }
  return renderAt(rows, today, 0);
}

function renderAt(rows: readonly DashboardRow[], today: string, shown: number): string {
  const urgent = rows.filter((r) => r.verdict === 'retired' || r.verdict === 'retiring');
  const agents = rows.reduce((n, r) => n + r.agents, 0);
  const codeOnly = rows.filter((r) => r.agents === 0).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const inUse = codeOnly
    ? `${plural(rows.length, 'model')} in use: ${rows.length - codeOnly} by ${plural(agents, 'agent')}, ${codeOnly} only in code and config`
    : `${plural(rows.length, 'model')} in use by ${plural(agents, 'agent')}`;
  const lines = [
    `**${inUse}** · ${urgent.length} retired or retiring within 90 days · updated ${today} by \`modelshift watch\``,
    '',
  ];
  const declined = rows.filter((r) => r.pr?.state === 'declined');
  if (declined.length) {
    lines.push(`**Declined:** ${declined.map((r) => `${prLink(r.pr!)} (${escapeMarkdown(r.model)})`).join(', ')} — closed without merging, so watch leaves them closed until the plan changes; reopen one, or run \`modelshift watch --force\`.`, '');
  }
  const scanned = rows.some((r) => r.references !== undefined);
  lines.push(`| model | provider | agents |${scanned ? ' references |' : ''} status | successor | handled by | canary |`, `|---|---|---|${scanned ? '---|' : ''}---|---|---|---|`);
  for (const row of rows.slice(0, shown)) {
    const refs = scanned ? ` ${row.references ?? 0} |` : '';
    lines.push(`| ${escapeMarkdown(row.model)} | ${escapeMarkdown(row.provider)} | ${row.agents} |${refs} ${status(row)} | ${escapeMarkdown(row.successor ?? '')} | ${handledBy(row)} | ${row.canaries.map(canaryCell).join('<br>')} |`);
  }
  if (rows.length > shown) lines.push('', `✂️ ${rows.length - shown} more models were left out to stay under GitHub's issue size limit; \`modelshift watch --dry-run --format json\` lists them all.`);
  lines.push('', 'Dates and successors come from the modelshift catalog (`modelshift catalog show MODEL` says where each fact came from).', '', MARKER);
  return `${lines.join('\n')}\n`;
}

function status(row: DashboardRow): string {
  if (row.verdict === 'retired') return `⛔ retired ${row.retires}`;
  if (row.verdict === 'retiring') return `⚠️ retires ${row.retires} (${row.daysLeft} days)`;
  if (row.verdict === 'unknown') return 'not in the catalog';
  return row.retires ? `retires ${row.retires} (${row.daysLeft} days)` : 'current';
}

function handledBy(row: DashboardRow): string {
  const parts = row.migrations.map((m) => {
    const pr = row.migrationPrs[m];
    return pr ? `${escapeMarkdown(m)} (${prLink(pr)}${evaluationText(pr)})` : escapeMarkdown(m);
  });
  if (row.pr) parts.push(`${prLink(row.pr)}${row.pr.state === 'declined' ? ' (declined)' : row.pr.state === 'planned' ? ' (not opened: --dry-run)' : evaluationText(row.pr)}`);
  if (row.excluded.length) parts.push(`left out: ${row.excluded.map((e) => `${escapeMarkdown(e.agent)} (excluded by ${escapeMarkdown(e.migration)})`).join(', ')}`);
  if (!parts.length && row.agents === 0) return 'code only: give a migration `spec.references` to rewrite it';
  if (!parts.length && (row.verdict === 'retired' || row.verdict === 'retiring')) return row.successor ? '**nothing yet**' : '**nothing: no successor known** (set spec.watch.successors)';
  return parts.join(', ');
}

function evaluationText(pr: HandlingPr): string {
  return pr.evaluation ? ` — eval: ${escapeMarkdown(describeEvaluation(pr.evaluation, pr.headSha))}` : '';
}

/** `gpt-4.1-to-gpt-5.1 at 10% (3) · promote to 50%: #12`; a rollback PR says the canary is being backed out. */
function canaryCell(canary: Canary): string {
  const prs = canary.prs.map((pr) => (pr.kind === 'rollback' ? `⛔ rollback proposed: [#${pr.number}](${pr.url})` : `promote to ${pr.step}%: [#${pr.number}](${pr.url})`));
  return [`${escapeMarkdown(canary.migration)} at ${canary.weight}% (${canary.agents})`, ...prs].join(' · ');
}

function prLink(pr: HandlingPr): string {
  return pr.number !== undefined && pr.url ? `[#${pr.number}](${pr.url})` : escapeMarkdown(pr.migration);
}
