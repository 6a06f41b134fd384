import { EXIT, UsageError } from '../errors.js';
import { readFirstParentLog, resolveRef } from '../git/log.js';
import { parseDateArg } from '../history/dates.js';
import { readFileSummary } from '../history/read-file.js';
import { agentEvents, agentsAt, isChange, newestFirst } from '../history/replay.js';
import type { HistoryAt, HistoryCommit, HistoryEvent, HistoryLog } from '../history/types.js';
import { renderAtMarkdown, renderHistoryMarkdown, renderTimelineMarkdown } from '../render/history-markdown.js';
import { renderAtText, renderHistoryText, renderTimelineText } from '../render/history-text.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { closest } from '../suggest.js';

export interface HistoryOptions {
  /** Show one agent's timeline, creation and deletion included. */
  agent?: string;
  /** Only changes made at or after this date. */
  since?: string;
  /** Every agent's model at this moment instead of a list of changes. */
  at?: string;
  format: Format;
  /** Whose first-parent line to read; HEAD (the current branch) by default. */
  ref?: string;
}

/**
 * What `--format json` prints.
 * - The log and `--agent`: `{ events: [{kind, commit, date, author, migration, pr, agent, file, from, to, rollout?}] }`
 *   (DESIGN §2 and §8), newest commit first; `kind` is `model`, `rollout-start`, `promote`,
 *   `cutover` or `rollout-end`, and rollout events carry `rollout: {candidate, weight: {from, to}}`.
 *   In an `--agent` timeline a creation has `from: null` and a deletion `to: null`.
 * - `--at`: `{ at, commit, agents: [{agent, file, provider, model, commit, rollout?}] }`, where the
 *   top `commit` is the last first-parent commit at or before `at` (null when there is
 *   none), each agent's `commit` is the one that gave it its current model or canary, and
 *   `rollout: {migration, weight, model}` is set for an agent in a canary.
 */
export type HistoryData = HistoryLog | HistoryAt;

/**
 * `modelshift history`: the audit log of agent models, read from the
 * first-parent history of the current branch under the workspace root. Dates
 * are committer dates: when a change landed on the branch, which is what a
 * squash or rebase merge keeps and what `--at` means.
 */
export async function historyCommand(ctx: CommandContext, opts: HistoryOptions): Promise<CommandResult<HistoryData>> {
  const since = opts.since === undefined ? undefined : dateOption('--since', opts.since);
  const at = opts.at === undefined ? undefined : dateOption('--at', opts.at);
  if (since && at) throw new UsageError('--since and --at cannot be used together', 'use --at for one moment, --since for the changes after a date');

  const commits = await readHistory(ctx, opts.ref);
  const events = agentEvents(commits);
  if (opts.agent !== undefined) assertKnownAgent(opts.agent, events);

  if (at) {
    const state = agentsAt(commits, at);
    const data: HistoryAt = opts.agent === undefined ? state : { ...state, agents: state.agents.filter((a) => a.agent === opts.agent) };
    ctx.stdout(opts.format === 'json' ? json(data) : opts.format === 'markdown' ? renderAtMarkdown(data) : renderAtText(data));
    return { exitCode: EXIT.ok, data };
  }

  const listed = newestFirst(
    events
      .filter((e) => (opts.agent === undefined ? isChange(e) : e.agent === opts.agent))
      .filter((e) => since === undefined || Date.parse(e.date) >= since.getTime()),
  );
  const data: HistoryLog = { events: listed };
  const empty = `No ${opts.agent === undefined ? 'model changes' : 'changes'}${opts.since === undefined ? '' : ` since ${opts.since}`} on ${opts.ref ?? 'the current branch'}.`;
  if (opts.format === 'json') ctx.stdout(json(data));
  else if (opts.agent !== undefined) {
    ctx.stdout(opts.format === 'markdown' ? renderTimelineMarkdown(opts.agent, listed, empty) : renderTimelineText(opts.agent, listed, empty));
  } else ctx.stdout(opts.format === 'markdown' ? renderHistoryMarkdown(listed, empty) : renderHistoryText(listed, empty));
  return { exitCode: EXIT.ok, data };
}

async function readHistory(ctx: CommandContext, ref: string | undefined): Promise<HistoryCommit[]> {
  const run = { cwd: ctx.cwd, env: ctx.env, signal: ctx.signal };
  const { commit, shallow } = await resolveRef(run, ref ?? 'HEAD');
  if (shallow) {
    ctx.stderr('warning: this is a shallow clone, so history starts at its oldest fetched commit (in GitHub Actions, check out with fetch-depth: 0)\n');
  }
  if (commit !== null) return readFirstParentLog({ ...run, commit, read: readFileSummary });
  // A repository without commits has no HEAD yet: nothing has happened, which is not an error.
  if (ref === undefined) return [];
  throw new UsageError(`unknown git ref "${ref}"`, 'name a branch, tag or commit that exists, e.g. main or origin/main');
}

function dateOption(flag: string, value: string): Date {
  const date = parseDateArg(value);
  if (date) return date;
  throw new UsageError(`${flag} "${value}" is not a date`, `write a date like 2026-11-20 (midnight UTC) or a time like 2026-11-20T14:30:00Z`);
}

function assertKnownAgent(name: string, events: readonly HistoryEvent[]): void {
  const known = [...new Set(events.map((e) => e.agent))].sort();
  if (known.includes(name)) return;
  const close = closest(name, known);
  const hint =
    close.length > 0
      ? `did you mean ${close.map((k) => `"${k}"`).join(' or ')}?`
      : known.length === 0
        ? 'no agent appears in this branch’s history yet'
        : `agents in this history: ${known.slice(0, 10).join(', ')}${known.length > 10 ? `, … (${known.length} in all)` : ''}`;
  throw new UsageError(`agent "${name}" never appears in the history of this branch`, hint);
}

const json = (data: HistoryData) => `${JSON.stringify(data, null, 2)}\n`;
