import type { AgentAt, HistoryEvent, ModelId } from '../history/types.js';

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

function describe({ kind, from, to, rollout }: HistoryEvent): string {
  if (from === null) return to === null ? '' : `created on ${modelName(to)}`;
  if (to === null) return `deleted (was on ${modelName(from)})`;
  if (rollout === undefined) return `${modelName(from)} → ${modelName(to)}`;
  const candidate = modelName(rollout.candidate);
  const { weight } = rollout;
  switch (kind) {
    case 'rollout-start':
      return `canary ${weight.from === null ? '' : `${weight.from}% → `}${weight.to}% on ${candidate} (rest on ${modelName(to)})`;
    case 'promote':
      return `canary ${weight.from}% → ${weight.to}% on ${candidate}`;
    case 'cutover':
      return `cut over ${modelName(from)} → ${candidate} (canary was at ${weight.from}%)`;
    default:
      return `canary ended at ${weight.from}% on ${candidate} (stays on ${modelName(to)})`;
  }
}

/** An agent's model at a moment, with its canary: `openai/gpt-4.1 + 10% openai/gpt-5.1 (canary of m)`. */
export function modelAt(agent: AgentAt): string {
  const model = modelName(agent);
  return agent.rollout ? `${model}, ${agent.rollout.weight}% on ${modelName(agent.rollout.model)} (canary of ${agent.rollout.migration})` : model;
}
