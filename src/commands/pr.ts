import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT } from '../errors.js';
import type { GitIdentity } from '../git/git.js';
import { openChangePrs, proposalHash, type Proposal } from '../pr/change-pr.js';
import { referencesGroup, splitPlan, type PlanGroup } from '../pr/groups.js';
import { fitPrBody } from '../pr/body.js';
import type { PullRequests } from '../pr/pull-requests.js';
import { PR_LABELS, type SyncResult } from '../pr/sync.js';
import { planMigration } from '../plan/plan.js';
import type { Plan } from '../plan/types.js';
import type { Migration } from '../schema/index.js';
import type { MigrationSplit } from '../schema/migration.js';
import { escapeMarkdown } from '../render/escape.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { renderRepairMarkdown } from '../render/repair.js';
import { currentEvidence, evidenceFile } from '../repair/evidence.js';
import { planSummaryLine } from '../render/plan-common.js';
import { describePrOutcome } from '../render/sync-pr.js';
import { loadWorkspace } from '../workspace/load.js';
import type { Loaded } from '../workspace/types.js';
import { applyBlocker } from './apply.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { resolveMigration } from './migration-arg.js';
import { withReferences } from './plan-references.js';
import { renderReferencesMarkdown } from '../render/plan-references.js';
import { load, today } from './validate.js';

export interface PrOptions {
  migration: string;
  format: Format;
  base: string;
  /** Take the branch back even when a person pushed commits to it. */
  force?: boolean;
  /** Keep the branch of a PR that is over (merged, declined, closed); by default it is deleted. */
  keepBranch?: boolean;
  identity?: GitIdentity;
  /** Tests and the Action pass their own port; the CLI builds one from the environment. */
  prs?: PullRequests;
}

export type PrOutput = Pick<SyncResult, 'operation' | 'number' | 'url' | 'branch' | 'headSha'> & {
  warnings: string[];
  /** The group of a split migration (`spec.split`) this PR holds. */
  group?: string;
};

/**
 * Opens or updates the migration's PR, or with `spec.split` one PR per
 * group. The plan is made on a fresh checkout of the base (plus the rule as
 * the user has it, so a new rule travels with its PR), never on the user's
 * working tree, which stays untouched. `data` holds one result per PR.
 */
export async function prCommand(ctx: CommandContext, opts: PrOptions): Promise<CommandResult<PrOutput[]>> {
  const local = await load(ctx);
  const migration = await resolveMigration(local, opts.migration, ctx.cwd);
  return prForRule(ctx, opts, { root: local.root, file: migration.file, text: local.files.get(migration.file)!.text, name: migration.value.metadata.name });
}

/** A migration rule as `pr` proposes it: the file's path in the workspace and its text, which travels in the PR. */
export interface RuleSource {
  /** The workspace root in the user's checkout. */
  root: string;
  file: string;
  text: string;
  name: string;
}

/** `pr` for a rule given as text: `watch` proposes rules that exist nowhere but in their pull request. */
export async function prForRule(ctx: CommandContext, opts: PrOptions, rule: RuleSource): Promise<CommandResult<PrOutput[]>> {
  const { name, text: ruleText } = rule;
  const migration = { file: rule.file };
  // `repair --write` leaves its evidence next to the rule; it travels with the rule while it still matches it.
  const evidence = { file: evidenceFile(rule.file), text: await readFile(path.join(rule.root, evidenceFile(rule.file)), 'utf8').catch(() => undefined) };
  // Read from the rule as planned: a rule given as text exists nowhere else.
  let split: MigrationSplit | undefined;
  let plan: Plan | undefined;
  let proposed = false;

  const results = await openChangePrs({
    ...opts,
    env: ctx.env,
    root: rule.root,
    propose: async (root) => {
      const withRule = path.join(root, migration.file);
      await mkdir(path.dirname(withRule), { recursive: true });
      await writeFile(withRule, ruleText);
      const workspace = await loadWorkspace(root, { today: today(ctx.now), planning: { migration: name, cwd: root } });
      const loaded = [...workspace.migrations.values()].find((m) => m.value.metadata.name === name)!;
      const planned = await withReferences(ctx, planMigration(workspace, loaded), workspace, loaded);
      plan ??= planned;
      if (applyBlocker(planned)) return undefined;
      proposed = true;
      split = loaded.value.spec.split;
      const repaired = currentEvidence(evidence.text, loaded.value.spec.instructions) && evidence;
      if (!split) return [proposal(planned, loaded, ruleText, repaired)];
      const groups = splitPlan(workspace, loaded, split);
      // The groups are planned on their agents alone; the references outside modelshift files get a PR of their own.
      const references = referencesGroup(planned, groups);
      return [...groups, ...(references ? [references] : [])].map((group) => proposal(group.plan, loaded, ruleText, repaired, group, groups));
    },
    stale: {
      prefix: branchName(name),
      // The other layout's PRs, and groups that have nothing left; never promote or rollback PRs (`modelshift/<name>-…`).
      isStale: (head) => head.startsWith(`${branchName(name)}/`) || (split !== undefined && head === branchName(name)),
      comment: (pr) => staleComment(pr.head, name, opts.base, split !== undefined),
    },
  });

  const blocker = plan && applyBlocker(plan);
  if (!proposed || blocker) {
    if (plan) ctx.stdout(renderPlanMarkdown(plan));
    ctx.stderr(`error: ${blocker ?? 'nothing could be planned'}\n`);
    return { exitCode: EXIT.findings, data: [{ operation: 'unchanged', branch: branchName(name), warnings: [] }] };
  }
  const outputs: PrOutput[] = results.map((r) => {
    const group = split ? r.branch.slice(branchName(name).length + 1) : '';
    return { operation: r.operation, number: r.number, url: r.url, branch: r.branch, headSha: r.headSha, warnings: r.warnings, ...(group ? { group } : {}) };
  });
  if (!split && outputs.length === 0) outputs.push({ operation: 'unchanged', branch: branchName(name), warnings: [] });
  if (opts.format === 'json') {
    // Without split the single object, as before; with split a list, one entry per group.
    ctx.stdout(`${JSON.stringify(split ? outputs : outputs.at(-1), null, 2)}\n`);
  } else {
    for (const output of outputs) for (const warning of output.warnings) ctx.stderr(`warning: ${output.group ? `${output.group}: ` : ''}${warning}\n`);
    const lines = outputs.map((o) => `${o.group ? `${o.group}: ` : ''}${describePrOutcome(o)}`);
    if (split && lines.length === 0) lines.push('nothing to change: no pull request needed');
    ctx.stdout(`${planSummaryLine(plan!)}\n${lines.join('\n')}\n`);
  }
  return { exitCode: EXIT.ok, data: outputs };
}

/** The PR of a whole plan, or of one group of a split migration (`groups`: the agent groups, for the references PR to name). */
function proposal(
  plan: Plan,
  rule: Loaded<Migration>,
  ruleText: string,
  repaired: { file: string; text?: string } | undefined,
  group?: PlanGroup,
  groups: readonly PlanGroup[] = [],
): Proposal {
  const name = rule.value.metadata.name;
  const agents = plan.agents.filter((a) => a.changes.length > 0);
  const from = `${plan.from.provider}/${plan.from.model}`;
  const to = `${plan.to.provider}/${plan.to.model}`;
  const evidence = repaired?.text === undefined ? {} : { [repaired.file]: repaired.text };
  const files = Object.keys(plan.files).length ? { [rule.file]: ruleText, ...evidence, ...plan.files } : {};
  const report = repaired?.text === undefined ? undefined : currentEvidence(repaired.text, rule.value.spec.instructions);
  const split = rule.value.spec.split;
  const heading = group ? `### Migration \`${name}\` · ${escapeMarkdown(group.label)}` : undefined;
  const intro = group?.references ? `${siblingsNote(name, groups)}\n\n` : '';
  return {
    branch: group ? `${branchName(name)}/${group.key}` : branchName(name),
    // The title ends with the migration's name in both layouts: history reads it from a squash merge's subject.
    title: `Migrate ${group?.references ? group.label : group ? `agents (${group.label})` : 'agents'} ${from} → ${to} (${name})`,
    body: fitPrBody({
      plan,
      // The rule travels in the PR: a changed rule is a changed proposal, even when the agents' diff is not.
      marker: { migration: name, planHash: proposalHash(group ? `${name}/${group.key}` : name, `${plan.diff}${plan.references?.diff ?? ''}\0${ruleText}`), ...(group ? { group: group.key } : {}) },
      // The references outside modelshift files (spec.references) come before the footer, with their own diff.
      footer: `${intro}${plan.references ? `${renderReferencesMarkdown(plan.references)}\n` : ''}${report ? `${renderRepairMarkdown(report)}\n` : ''}${prFooter(plan)}`,
      about: about(rule.value),
      ...(heading ? { heading } : {}),
    }).body,
    commitMessage: group?.references ? referencesCommitMessage(plan) : `chore(models): migrate ${agents.length} agent${agents.length === 1 ? '' : 's'} ${plan.from.model} → ${plan.to.model}${group ? ` (${group.label})` : ''}`,
    trailers: { migration: name, from, to, agents: agents.map((a) => a.name) },
    files,
    reviewers: [...new Set(agents.flatMap((a) => a.before.metadata.owners ?? []))],
    ...(group && !group.references && split && 'by' in split && split.by === 'label' ? { labels: [...PR_LABELS, `${split.label}:${group.key}`.slice(0, 50)] } : {}),
  };
}

/** What the references PR of a split migration says first: where the agents are. */
function siblingsNote(migration: string, groups: readonly PlanGroup[]): string {
  if (!groups.length) return 'Every agent of this migration is on the destination already; these references outside modelshift files are what is left.';
  const branches = groups.map((g) => `\`${branchName(migration)}/${g.key}\``).join(', ');
  return `The agents of this migration are in their own pull requests, one per group (\`spec.split\`): ${branches}. This one holds the rewrites outside modelshift files (\`spec.references\`); with a \`CODEOWNERS\` file, GitHub asks the owners of those files to review it.`;
}

function referencesCommitMessage(plan: Plan): string {
  const n = plan.references?.changes.length ?? 0;
  return `chore(models): rewrite ${n} reference${n === 1 ? '' : 's'} ${plan.from.model} → ${plan.to.model} outside modelshift files`;
}

function staleComment(head: string, migration: string, base: string, split: boolean): string {
  if (head === branchName(migration)) {
    return `modelshift closed this pull request: migration \`${migration}\` is now split into one pull request per group (\`spec.split\`), which replace this one.`;
  }
  const group = head.slice(branchName(migration).length + 1);
  return split
    ? `modelshift closed this pull request: group \`${group}\` of migration \`${migration}\` has nothing left to change on \`${base}\`.`
    : `modelshift closed this pull request: migration \`${migration}\` is no longer split (\`spec.split\`); one pull request holds every agent now.`;
}

export function branchName(migration: string): string {
  return `modelshift/${migration}`;
}

function prFooter(plan: Plan): string {
  return `Opened by [modelshift](https://github.com/modelshift/modelshift) from \`${plan.migrationFile}\`. To change this PR, edit the migration and run \`modelshift pr ${plan.migration}\` again; commits pushed here by hand stop modelshift from updating the branch.
`;
}

/** What the rule says about itself, for the reviewer. */
function about(rule: Migration): { description?: string; deadline?: string } {
  return { ...(rule.metadata.description ? { description: rule.metadata.description } : {}), ...(rule.spec.deadline ? { deadline: rule.spec.deadline } : {}) };
}
