import { escapeMarkdown } from './escape.js';
import { countsLine, describeRevision, type SyncData } from './sync-text.js';

/** `sync` for a job summary: revision, one row per target, then the agents that change. */
export function renderSyncMarkdown(data: SyncData): string {
  const out = [
    `### modelshift sync${data.dryRun ? ' (dry run)' : ''}`,
    '',
    `Revision \`${describeRevision(data.revision)}\` · ${data.drift ? 'targets differed from git' : 'every target matched git'}`,
    '',
    '| target | type | location | agents | written |',
    '|---|---|---|---|---|',
  ];
  for (const t of data.targets) {
    out.push(`| ${escapeMarkdown(t.name)} | ${t.type} | \`${t.location.replace(/`/g, '')}\` | ${countsLine(t.counts, data.dryRun)} | ${t.written ? 'yes' : 'no'} |`);
  }
  const changed = data.targets.flatMap((t) => t.agents.filter((a) => a.action !== 'unchanged').map((a) => `- ${escapeMarkdown(t.name)}: ${escapeMarkdown(a.name)} ${a.action === 'extra' ? 'not in git (kept)' : a.action}`));
  if (changed.length) out.push('', '<details><summary>Agents</summary>', '', ...changed, '', '</details>');
  const warnings = data.targets.flatMap((t) => t.warnings.map((w) => `- ${escapeMarkdown(t.name)}: ${escapeMarkdown(w)}`));
  if (warnings.length) out.push('', '**Warnings**', '', ...warnings);
  return `${out.join('\n')}\n`;
}
