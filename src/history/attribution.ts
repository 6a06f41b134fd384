import { TRAILER } from '../git/trailers.js';
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
  return BRANCH.exec(subject)?.[1] ?? null;
}

/**
 * When the message names no migration, the Migration file the same commit adds
 * or edits (a hand-made migration PR). With several, the one whose `to` is the
 * model the agent moved to; a single one is taken as it is.
 */
export function migrationOfFiles(migrations: readonly MigrationSummary[], to: ModelId | null): string | null {
  if (to !== null) {
    const target = migrations.find((m) => m.to?.provider === to.provider && m.to.model === to.model);
    if (target) return target.name;
  }
  return migrations.length === 1 ? (migrations[0]?.name ?? null) : null;
}
