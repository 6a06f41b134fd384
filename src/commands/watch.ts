import type { Reference } from '../scan/types.js';
import { EXIT } from '../errors.js';
import type { GitIdentity } from '../git/git.js';
import { gitHubConfig } from '../github/config.js';
import { gitHubIssues } from '../github/issues.js';
import { gitHubPullRequests } from '../github/pull-requests.js';
import { Git } from '../git/git.js';
import type { PullRequests } from '../pr/pull-requests.js';
import { renderWatchMarkdown, renderWatchText } from '../render/watch.js';
import { dashboardRows, DASHBOARD_TITLE, renderDashboard, type DashboardInput, type HandlingPr } from '../watch/dashboard.js';
import { upsertDashboard, type DashboardOutcome } from '../watch/dashboard-issue.js';
import { DEFAULT_HORIZON_DAYS, DEFAULT_WATCH_GATE, findDeadlines, type Deadline } from '../watch/deadlines.js';
import type { PrEvaluation } from '../watch/evaluation.js';
import type { Issues } from '../watch/issues.js';
import { successorProblems } from '../watch/successors.js';
import { GENERATED_BY, generateRule, type GeneratedRule } from '../watch/rule.js';
import { loadWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { prForRule, type PrOutput } from './pr.js';
import { readOpenPrs } from './watch-dashboard.js';
import { today } from './validate.js';

export interface WatchOptions {
  format: Format;
  horizonDays?: number;
  dryRun?: boolean;
  dashboard?: boolean;
  /** Also count references to each model outside modelshift files (`modelshift scan`). */
  references?: boolean;
  base: string;
  force?: boolean;
  identity?: GitIdentity;
  /** Tests and the Action pass their own ports; the CLI builds them from the environment. */
  prs?: PullRequests;
  issues?: Issues;
}

export interface WatchedMigration {
  name: string;
  file: string;
  from: { provider: string; model: string };
  to: { provider: string; model: string };
  agents: string[];
  deadline: string;
  /** With `--references`: places outside modelshift files the rule's `spec.references` rewrites. */
  references?: number;
  pullRequest?: Pick<PrOutput, 'operation' | 'number' | 'url'> & {
    /** With `--dashboard`: the eval verdict from the PR's check comment. */
    evaluation?: PrEvaluation;
  };
}

/** A model in use that is retired or retires within the horizon, and what happens to its agents. */
export interface WatchedModel {
  provider: string;
  model: string;
  retires: string;
  daysLeft: number;
  /** Where the date came from: `built-in` (the catalog's provider pages), a source file, modelshift.yaml. */
  dateFrom: string;
  successor: string | null;
  /** Agents existing migrations (or a running canary) already take. */
  covered: { agent: string; migration: string }[];
  /** Agents left on the model, which the generated migration takes. */
  uncovered: string[];
  /** Agents a person excluded from a migration off the model (`spec.select.exclude`): left out, with that migration. */
  excluded: { agent: string; migration: string }[];
  /** The generated migration's name, when one was generated. */
  migration?: string;
  /** Why no migration was generated for the uncovered agents. */
  reason?: string;
  /** With `--references`: places outside modelshift files that name the model. */
  references?: number;
}

export interface WatchOutput {
  horizonDays: number;
  migrations: WatchedMigration[];
  models: WatchedModel[];
  dashboard?: DashboardOutcome;
  /** With `--dashboard --dry-run`: the issue body that would be posted. */
  dashboardPreview?: string;
  warnings: string[];
}

/**
 * Dependabot for models: every model in use that retires within the horizon
 * and that no migration covers gets a generated migration rule and its pull
 * request (the rule travels in the PR; the working tree is not touched).
 * `--dry-run` prints the rules and writes nothing; `--dashboard` keeps one
 * issue listing every model in use, its deadline and what handles it.
 */
export async function watchCommand(ctx: CommandContext, opts: WatchOptions): Promise<CommandResult<WatchOutput>> {
  const day = today(ctx.now);
  const workspace = await loadWorkspace(ctx.cwd, { today: day, fetchCatalog: true });
  const settings = workspace.config?.value.spec.watch;
  const horizonDays = opts.horizonDays ?? settings?.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const deadlines = findDeadlines(workspace, { today: day, horizonDays });
  // Code, env files and other tools' configs that call the model: the inventory a migration starts from.
  // A comment inside a modelshift file is not a place outside them.
  const references = opts.references
    ? (await (await import('./scan.js')).scanRepository({ ...ctx, cwd: workspace.root })).references.filter((r) => r.kind !== 'modelshift' && !workspace.files.has(r.file))
    : undefined;
  const idOf = (model: string) => workspace.catalog.lookup(model)?.id ?? model;
  // A successor that is itself going away moves the agents twice; validate says the same.
  const output: WatchOutput = { horizonDays, migrations: [], models: [], warnings: successorProblems(workspace.catalog, settings?.successors ?? {}, day, horizonDays).map((p) => p.message) };

  const rules: GeneratedRule[] = [];
  const taken = new Set<string>();
  const referenced = new Set<string>();
  for (const deadline of deadlines) {
    const { provider, model, retires, daysLeft, dateOrigin, successor, covered, uncovered, excluded } = deadline;
    const watched: WatchedModel = {
      provider, model, retires, daysLeft, dateFrom: dateOrigin, successor: successor ?? null, covered, uncovered, excluded,
      ...(references && { references: references.filter((r) => (r.catalogId ?? r.model) === idOf(model)).length }),
    };
    output.models.push(watched);
    if (!uncovered.length) continue;
    const reason = unhandledReason(deadline, workspace.providers.get(provider)?.value.spec.models);
    if (reason) {
      watched.reason = reason;
      continue;
    }
    // One rule per model id rewrites its references: two groups (providers) of one model would rewrite the same lines twice.
    const found = references && !referenced.has(model) ? references : [];
    const rule = generateRule(workspace, deadline as Deadline & { successor: string }, settings?.gate ?? DEFAULT_WATCH_GATE, taken, found);
    if (rule.references) referenced.add(model);
    watched.migration = rule.name;
    taken.add(rule.name);
    rules.push(rule);
  }

  // Models only code and config call: no agent to move, but the deadline is as real (issue: scan findings are models in use).
  const watchedIds = new Set(output.models.map((m) => idOf(m.model)));
  const codeOnly = new Map<string, Reference[]>();
  for (const r of references ?? []) {
    const id = r.catalogId ?? r.model;
    if (watchedIds.has(id) || r.retires === undefined || r.retiresInDays === undefined || r.retiresInDays > horizonDays) continue;
    codeOnly.set(id, [...(codeOnly.get(id) ?? []), r]);
  }
  for (const [id, found] of [...codeOnly].sort(([, a], [, b]) => a[0]!.retiresInDays! - b[0]!.retiresInDays!)) {
    const first = found[0]!;
    const entry = workspace.catalog.lookup(id);
    output.models.push({
      provider: first.provider, model: id, retires: first.retires!, daysLeft: first.retiresInDays!, dateFrom: entry ? workspace.catalog.origin(entry, 'retires') : 'built-in',
      successor: first.successor ?? null, covered: [], uncovered: [], excluded: [], references: found.length,
      reason: `no agent is on it, only code and config (${found.length} place${found.length === 1 ? '' : 's'}, \`modelshift scan\` lists them): change them by hand, or give a migration off it spec.references`,
    });
  }

  // One port for the run: the Action and tests pass theirs, the CLI reads the token and repository from the environment.
  let port = opts.prs;
  const pullRequests = async () => (port ??= gitHubPullRequests(gitHubConfig(ctx.env, await new Git(workspace.root).remoteUrl().catch(() => undefined))));
  const handling = new Map<string, HandlingPr>();
  const watchedByRule = new Map<string, WatchedMigration>();
  for (const rule of rules) {
    const watched: WatchedMigration = {
      name: rule.name, file: rule.file, from: rule.from, to: rule.to, agents: rule.agents, deadline: rule.deadline, ...(rule.references && { references: rule.references }),
    };
    let pr: HandlingPr = { migration: rule.name, state: 'planned' };
    if (!opts.dryRun) {
      const quiet = { ...ctx, stdout: () => undefined };
      const result = await prForRule(quiet, { migration: rule.name, format: 'json', base: opts.base, force: opts.force, identity: opts.identity, prs: await pullRequests() }, { root: workspace.root, ...rule });
      // A generated rule has no spec.split: one PR, so one result.
      const { operation, number, url, headSha, warnings } = result.data[0]!;
      watched.pullRequest = { operation, ...(number !== undefined && { number }), ...(url !== undefined && { url }) };
      output.warnings.push(...warnings);
      pr = {
        migration: rule.name, state: operation === 'declined' ? 'declined' : 'open',
        ...(number !== undefined && { number }), ...(url !== undefined && { url }), ...(headSha !== undefined && { headSha }),
      };
    }
    handling.set(`${rule.from.provider}\0${rule.from.model}`, pr);
    watchedByRule.set(`${rule.from.provider}\0${rule.from.model}`, watched);
    output.migrations.push(watched);
  }

  // A generated rule that was merged covers its agents, so the loop above never visits it again;
  // `pr` on it closes what is left and deletes its branch once the PR is merged (branch hygiene).
  if (!opts.dryRun) {
    for (const merged of [...workspace.migrations.values()].filter((m) => m.value.metadata.labels?.['generated-by'] === GENERATED_BY)) {
      const quiet = { ...ctx, stdout: () => undefined, stderr: () => undefined };
      const text = workspace.files.get(merged.file)!.text;
      await prForRule(quiet, { migration: merged.value.metadata.name, format: 'json', base: opts.base, identity: opts.identity, prs: await pullRequests() }, { root: workspace.root, file: merged.file, text, name: merged.value.metadata.name });
    }
  }

  if (opts.dashboard) {
    const covering = new Map(deadlines.map((d) => [`${d.provider}\0${d.model}`, [...new Set(d.covered.map((c) => c.migration))]]));
    const excluded = new Map(deadlines.map((d) => [`${d.provider}\0${d.model}`, d.excluded]));
    const canaries = [...new Set([...workspace.agents.values()].flatMap((a) => (a.value.spec.rollout ? [a.value.spec.rollout.migration] : [])))];
    const facts = opts.dryRun ? undefined : await readOpenPrs(await pullRequests(), handling, [...new Set([...covering.values()].flat())], canaries);
    for (const [key, watched] of watchedByRule) {
      const evaluation = handling.get(key)?.evaluation;
      if (evaluation && watched.pullRequest) watched.pullRequest.evaluation = evaluation;
    }
    output.warnings.push(...(facts?.warnings ?? []));
    const input: DashboardInput = { handling, covering, excluded, ...(references && { references }) };
    if (facts) Object.assign(input, { migrationPrs: facts.migrationPrs, rolloutPrs: facts.rolloutPrs });
    const body = renderDashboard(dashboardRows(workspace, day, input), day);
    if (opts.dryRun) {
      output.dashboardPreview = body;
    } else {
      const issues = opts.issues ?? gitHubIssues(gitHubConfig(ctx.env, await new Git(workspace.root).remoteUrl().catch(() => undefined)));
      const { warnings, ...dashboard } = await upsertDashboard(issues, settings?.dashboardTitle ?? DASHBOARD_TITLE, body);
      output.dashboard = dashboard;
      output.warnings.push(...warnings);
    }
  }

  // The preview follows what it previews, on stdout with the rest, so `watch --dry-run > file` keeps it.
  const preview = output.dashboardPreview === undefined ? '' : `\ndashboard (--dry-run, not posted):\n${output.dashboardPreview}\n`;
  ctx.stdout(
    opts.format === 'json'
      ? `${JSON.stringify(output, null, 2)}\n`
      : `${opts.format === 'markdown' ? renderWatchMarkdown(output, rules, opts.dryRun ?? false) : renderWatchText(output, rules, opts.dryRun ?? false)}${preview}`,
  );
  return { exitCode: EXIT.ok, data: output };
}

function unhandledReason(deadline: Deadline, allowlist: readonly string[] | undefined): string | undefined {
  if (!deadline.successor) return `no successor is known; name one under spec.watch.successors in modelshift.yaml (e.g. ${deadline.model}: <model>)`;
  if (deadline.successor === deadline.model) return 'the successor is the model itself; fix spec.watch.successors';
  if (allowlist && !allowlist.includes(deadline.successor)) {
    return `the successor ${deadline.successor} is not in provider ${deadline.provider}'s models allowlist; add it there, or name another under spec.watch.successors`;
  }
  return undefined;
}
