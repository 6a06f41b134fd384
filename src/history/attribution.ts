import { TRAILER } from '../git/trailers.js';
import { globMatch } from '../plan/glob.js';
import type { MigrationSummary, ModelId } from './types.js';

/** A migration name as `metadata.name` allows it; a trailing `.` or `-` belongs to the sentence, not the name. */
const NAME = '[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Searched on every line, not only in git's last-paragraph trailer block:
 * a squash merge lists each squashed commit's message, trailers included, in
 * the middle of its body.
 */
const TRAILER_LINE = new RegExp(`^${escapeRegExp(TRAILER.migration)}:[ \\t]*(${NAME})[ \\t]*$`, 'im');
/** GitHub, GitLab and git's own merge subjects: `Merge pull request #12 from acme/modelshift/x`, `Merge branch 'modelshift/x'`. */
const MERGE_SUBJECT = /^Merge (?:pull request|branch|remote-tracking branch|remote branch)\b/;
const BRANCH = new RegExp(`(?:^|[\\s/'"])modelshift/(${NAME})(?![A-Za-z0-9])`);
const MERGED_PR = /^Merge pull request #(\d+)\b/;
/** GitHub's squash and rebase merges end the subject with the PR number: `Move to gpt-5.1 (#12)`. */
const PR_SUFFIX = /\(#(\d+)\)\s*$/;
/**
 * modelshift's PR titles end with the migration in parentheses
 * (`Migrate agents openai/gpt-4.1 → openai/gpt-5.1 (gpt-4.1-to-gpt-5.1)`),
 * and GitHub's default squash message is that title plus ` (#N)` with an
 * empty body: the title is all that is left of the PR.
 */
const TITLE_NAME = new RegExp(`\\((${NAME})\\)(?:\\s*\\(#\\d+\\))?\\s*$`);
/** How modelshift's own PR titles start (pr, promote, cut-over, rollback). */
const OUR_TITLE = /^(?:Migrate agents|Promote canary|Cut over|Roll back)\b/;
/** A promote PR's branch (`modelshift/<name>-promote-<step>`) is one more step of the migration itself. */
const PROMOTE_BRANCH = /-promote-\d+$/;

export function subjectOf(message: string): string {
  const newline = message.indexOf('\n');
  return (newline === -1 ? message : message.slice(0, newline)).trim();
}

/** The pull request a first-parent commit merged, from its subject. */
export function prOf(message: string): number | null {
  const subject = subjectOf(message);
  const match = MERGED_PR.exec(subject) ?? PR_SUFFIX.exec(subject);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The migration a commit says it carries out: its `Modelshift-Migration` trailer, else the `modelshift/<name>` branch it merged. */
export function migrationOfMessage(message: string): string | null {
  const trailer = TRAILER_LINE.exec(message)?.[1];
  if (trailer !== undefined) return trailer;
  const subject = subjectOf(message);
  if (!MERGE_SUBJECT.test(subject)) return null;
  return BRANCH.exec(subject)?.[1]?.replace(PROMOTE_BRANCH, '') ?? null;
}

/**
 * The migration a squash-merged PR's title names: `(<name>)` at its end,
 * before GitHub's `(#N)`. Any title may end in parentheses (`Fix typo
 * (docs)`), so the name counts only in one of modelshift's own titles or when
 * `known` says history has seen a migration of that name.
 */
export function migrationOfTitle(message: string, known: (name: string) => boolean): string | null {
  const subject = subjectOf(message);
  const name = TITLE_NAME.exec(subject)?.[1];
  if (name === undefined) return null;
  return OUR_TITLE.test(subject) || known(name) ? name : null;
}

/**
 * When the message names no migration, the Migration file the same commit adds
 * or edits (a hand-made migration PR): the one whose `to` is the model the
 * agent moved to. A lone rule whose `to` history could not read is taken as
 * it is; one that points elsewhere says the agent moved for another reason.
 */
export function migrationOfFiles(migrations: readonly MigrationSummary[], to: ModelId | null): string | null {
  if (to !== null) {
    const target = migrations.find((m) => m.to?.provider === to.provider && m.to.model === to.model);
    if (target) return target.name;
  }
  const only = migrations.length === 1 ? migrations[0] : undefined;
  return only !== undefined && only.to === undefined ? only.name : null;
}

/** A migration rule as history saw it last, for telling its changes by their content. */
export type MigrationRule = Required<MigrationSummary>;

/**
 * The migration whose rule makes exactly these model changes, when the commit
 * itself names none (a squash whose message was rewritten, a cherry-pick):
 * every change goes from a model the rule's `from` matches to its `to`. The
 * reverse (every change from a rule's `to` back to a model its `from`
 * matches) is that migration's rollback. Null unless one migration fits.
 */
export function migrationOfChanges(rules: Iterable<MigrationRule>, changes: readonly { from: ModelId; to: ModelId }[]): string | null {
  if (changes.length === 0) return null;
  const fits = new Set<string>();
  for (const rule of rules) {
    const matches = (model: ModelId) => model.provider === rule.from.provider && globMatch(model.model, rule.from.model);
    const target = (model: ModelId) => model.provider === rule.to.provider && model.model === rule.to.model;
    if (changes.every((c) => matches(c.from) && target(c.to))) fits.add(rule.name);
    else if (changes.every((c) => target(c.from) && matches(c.to))) fits.add(`${rule.name}-rollback`);
  }
  return fits.size === 1 ? ([...fits][0] ?? null) : null;
}
