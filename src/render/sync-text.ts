import type { Revision } from '../sync/bundle.js';
import type { AgentDiff, Counts } from '../sync/diff.js';
import type { TargetReport } from '../sync/run.js';
import { palette } from './colour.js';
import { changeKind, describeChange, displayChanges, formatValue } from './plan-common.js';
import { stripControlChars } from './escape.js';

/** `sync` as `--format json` prints it, and as the Action reads it. */
export interface SyncData {
  revision: Revision;
  dryRun: boolean;
  /** Whether any target differed from git before the run: what `--exit-code` turns into exit 1. */
  drift: boolean;
  targets: TargetReport[];
}

/** `abc123def456 (clean)`, `abc123def456 with uncommitted changes`, `uncommitted`. */
export function describeRevision(revision: Revision): string {
  if (revision.commit === 'uncommitted') return 'uncommitted (not a git commit)';
  return `${revision.commit.slice(0, 12)} ${revision.dirty ? 'with uncommitted changes' : '(clean)'}`;
}

export function renderSyncHeader(revision: Revision, dryRun: boolean): string {
  return `${dryRun ? 'Dry run: nothing is written. ' : ''}Revision ${describeRevision(revision)}\n`;
}

/** `2 created, 1 updated, 12 unchanged, 0 pruned` (`to create`, … under --dry-run), plus agents only the target has. */
export function countsLine(counts: Counts, dryRun: boolean): string {
  const parts = dryRun
    ? [`${counts.created} to create`, `${counts.updated} to update`, `${counts.unchanged} unchanged`, `${counts.pruned} to prune`]
    : [`${counts.created} created`, `${counts.updated} updated`, `${counts.unchanged} unchanged`, `${counts.pruned} pruned`];
  if (counts.extra > 0) parts.push(`${counts.extra} not in git`);
  return parts.join(', ');
}

/** One target: its counts line, then every agent that is not unchanged, with field changes for updates. */
export function renderTargetText(report: TargetReport, dryRun: boolean, colour: boolean): string {
  const p = palette(colour);
  const status = dryRun ? '' : report.written ? ' · written' : ' · nothing to write';
  const out = [`${p.bold(clean(report.name))} (${report.type} ${clean(report.location)}): ${countsLine(report.counts, dryRun)}${status}`];
  for (const agent of report.agents) out.push(...agentLines(agent, p));
  for (const warning of report.warnings) out.push(`  ${p.yellow('warning:')} ${clean(warning)}`);
  return `${out.join('\n')}\n`;
}

function agentLines(agent: AgentDiff, p: ReturnType<typeof palette>): string[] {
  const name = clean(agent.name);
  switch (agent.action) {
    case 'unchanged':
      return [];
    case 'created':
      return [`  ${p.green('+')} ${name}`];
    case 'pruned':
      return [`  ${p.red('-')} ${name} (not in git: pruned)`];
    case 'extra':
      return [`  ${p.yellow('?')} ${name}: not in git, kept (--prune removes it)`];
    case 'updated':
      return [
        `  ${p.yellow('~')} ${name}`,
        ...displayChanges(agent.changes).map((change) => {
          const kind = changeKind(change);
          // An empty path is the whole entry, replaced (a deployment list that grew or shrank).
          const path = clean(change.path) || '(whole entry)';
          if (kind === 'add') return `      + ${path}: ${clean(formatValue(change.after))}`;
          if (kind === 'remove') return `      - ${path}`;
          return `      ${path}: ${clean(describeChange(change))}`;
        }),
      ];
  }
}

/** Names and values come from files and servers: no terminal escapes reach the user's screen. */
function clean(text: string): string {
  return stripControlChars(text);
}
