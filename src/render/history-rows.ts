import type { HistoryEvent, ModelId } from '../history/types.js';

/** What the text and markdown views of history show; cells are raw, each renderer escapes them its own way. */

export interface ChangeRow {
  /** The commit's date as its committer wrote it (YYYY-MM-DD). */
  date: string;
  commit: string;
  author: string;
  migration: string | null;
  pr: number | null;
  change: string;
  /** How many agents made this change in this commit. */
  agents: number;
}

export interface TimelineRow extends Omit<ChangeRow, 'agents'> {
  file: string;
}

export const shortSha = (sha: string) => sha.slice(0, 7);
export const modelName = ({ provider, model }: ModelId) => `${provider}/${model}`;

/**
 * One row per commit and change: the 14 agents a migration moved from
 * gpt-4.1 to gpt-5.1 in one merge are one row. Rows keep the order of
 * `events`, which lists a commit's events together.
 */
export function changeRows(events: readonly HistoryEvent[]): ChangeRow[] {
  const rows = new Map<string, ChangeRow>();
  for (const event of events) {
    const change = describe(event);
    const key = JSON.stringify([event.commit, event.migration, change]);
    const row = rows.get(key);
    if (row) row.agents++;
    else rows.set(key, { ...common(event), change, agents: 1 });
  }
  return [...rows.values()];
}

export function timelineRows(events: readonly HistoryEvent[]): TimelineRow[] {
  return events.map((event) => ({ ...common(event), change: describe(event), file: event.file }));
}

function common(event: HistoryEvent): Omit<ChangeRow, 'change' | 'agents'> {
  return { date: event.date.slice(0, 10), commit: shortSha(event.commit), author: event.author, migration: event.migration, pr: event.pr };
}

function describe({ from, to }: HistoryEvent): string {
  if (from === null) return to === null ? '' : `created on ${modelName(to)}`;
  if (to === null) return `deleted (was on ${modelName(from)})`;
  return `${modelName(from)} → ${modelName(to)}`;
}
