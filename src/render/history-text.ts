import type { HistoryAt, HistoryEvent } from '../history/types.js';
import { changeRows, modelAt, shortSha, timelineRows } from './history-rows.js';

/**
 * History for a terminal: aligned columns, newest first, no header row (the
 * columns read as a sentence: when, which commit, who, through which migration
 * and PR, what changed). Names come from commit metadata anyone can write, so
 * control characters are replaced before they reach the terminal.
 */

export function renderHistoryText(events: readonly HistoryEvent[], empty: string): string {
  if (events.length === 0) return `${empty}\n`;
  return columns(
    changeRows(events).map((row) => [
      row.date,
      row.commit,
      row.author,
      row.migration ?? '-',
      prCell(row.pr),
      row.change,
      row.agents === 1 ? '1 agent' : `${row.agents} agents`,
    ]),
  );
}

export function renderTimelineText(agent: string, events: readonly HistoryEvent[], empty: string): string {
  const title = `${safe(agent)}\n`;
  if (events.length === 0) return `${title}${empty}\n`;
  return (
    title +
    columns(timelineRows(events).map((row) => [row.date, row.commit, row.author, row.migration ?? '-', prCell(row.pr), row.change, row.file]))
  );
}

export function renderAtText(state: HistoryAt): string {
  const title = `Agents at ${state.at}${state.commit === null ? ' (before the first commit)' : ` (commit ${shortSha(state.commit)})`}\n`;
  if (state.agents.length === 0) return `${title}No agents.\n`;
  return title + columns(state.agents.map((a) => [a.agent, modelAt(a), a.file, `since ${shortSha(a.commit)}`]));
}

const prCell = (pr: number | null) => (pr === null ? '-' : `#${pr}`);

/** Pads every column but the last to its widest cell, two spaces apart. */
function columns(rows: string[][]): string {
  const cells = rows.map((row) => row.map(safe));
  const widths: number[] = [];
  for (const row of cells) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return cells
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))).join('  '))
    .join('\n')
    .concat('\n');
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function safe(text: string): string {
  return text.replace(CONTROL, '?');
}
