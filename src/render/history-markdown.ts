import type { HistoryAt, HistoryEvent } from '../history/types.js';
import { changeRows, modelAt, shortSha, timelineRows } from './history-rows.js';

/**
 * History as GitHub-flavoured markdown tables, newest first. Every cell comes
 * from commit metadata or files anyone can write, so each is escaped: a `|`
 * cannot split the table, `<b>` is shown rather than rendered, `@everyone`
 * pings nobody.
 */

export function renderHistoryMarkdown(events: readonly HistoryEvent[], empty: string): string {
  if (events.length === 0) return `${escapeCell(empty)}\n`;
  return table(
    ['Date', 'Commit', 'Author', 'Migration', 'PR', 'Change', 'Agents'],
    changeRows(events).map((row) => [
      escapeCell(row.date),
      code(row.commit),
      escapeCell(row.author),
      optional(row.migration),
      prCell(row.pr),
      escapeCell(row.change),
      String(row.agents),
    ]),
  );
}

export function renderTimelineMarkdown(agent: string, events: readonly HistoryEvent[], empty: string): string {
  const title = `### ${escapeCell(agent)}\n\n`;
  if (events.length === 0) return `${title}${escapeCell(empty)}\n`;
  return (
    title +
    table(
      ['Date', 'Commit', 'Author', 'Migration', 'PR', 'Change', 'File'],
      timelineRows(events).map((row) => [
        escapeCell(row.date),
        code(row.commit),
        escapeCell(row.author),
        optional(row.migration),
        prCell(row.pr),
        escapeCell(row.change),
        escapeCell(row.file),
      ]),
    )
  );
}

export function renderAtMarkdown(state: HistoryAt): string {
  const where = state.commit === null ? 'before the first commit' : `commit ${code(shortSha(state.commit))}`;
  const title = `Agents at ${escapeCell(state.at)} (${where})\n\n`;
  if (state.agents.length === 0) return `${title}No agents.\n`;
  return (
    title +
    table(
      ['Agent', 'Model', 'File', 'Since'],
      state.agents.map((a) => [escapeCell(a.agent), escapeCell(modelAt(a)), escapeCell(a.file), code(shortSha(a.commit))]),
    )
  );
}

/**
 * Escapes user-written text for one table cell: HTML is inert, markdown
 * punctuation is literal, newlines stay in the cell, and a zero-width space
 * after `@` keeps GitHub from turning a name into a mention.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]~|#!])/g, '\\$1')
    .replace(/@/g, '@&#8203;')
    .replace(/\r?\n|\r/g, ' ');
}

/** Commit ids are hex we produced, safe inside a code span. */
const code = (sha: string) => `\`${sha}\``;
const optional = (text: string | null) => (text === null ? '–' : escapeCell(text));
const prCell = (pr: number | null) => (pr === null ? '–' : `#${pr}`);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n').concat('\n');
}
