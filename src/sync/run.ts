import type { SyncTarget as SyncTargetConfig } from '../schema/index.js';
import type { Bundle } from './bundle.js';
import { diffEntries, type AgentDiff, type Counts } from './diff.js';
import type { SyncTarget } from './target.js';

/** What sync did, or under `--dry-run` would do, to one target. */
export interface TargetReport {
  name: string;
  type: SyncTargetConfig['type'];
  location: string;
  counts: Counts;
  agents: AgentDiff[];
  /** Whether the target differed from git before this run. */
  drift: boolean;
  /** Whether this run wrote to the target. */
  written: boolean;
  warnings: string[];
}

export interface RunOptions {
  dryRun: boolean;
  prune: boolean;
  /** Called as each target finishes, so output up to a failing target is not lost. */
  onReport?: (report: TargetReport) => void;
}

/**
 * Reads every target first, so a target that cannot be read stops the run
 * before anything is written anywhere; then writes the targets that differ,
 * one by one. A target that already holds what git has is not written to.
 */
export async function runSync(targets: readonly { config: SyncTargetConfig; target: SyncTarget }[], bundle: Bundle, options: RunOptions): Promise<TargetReport[]> {
  const planned = await Promise.all(
    targets.map(async ({ config, target }) => {
      const current = await target.read();
      const rendered = target.render(bundle);
      return { config, target, diff: diffEntries(current, rendered.entries, options.prune), warnings: rendered.warnings };
    }),
  );
  const reports: TargetReport[] = [];
  for (const { config, target, diff, warnings } of planned) {
    const write = diff.changed && !options.dryRun;
    if (write) await target.write(diff.entries, bundle);
    const report: TargetReport = {
      name: config.name,
      type: config.type,
      location: target.location,
      counts: diff.counts,
      agents: diff.agents,
      drift: diff.drift,
      written: write,
      warnings,
    };
    options.onReport?.(report);
    reports.push(report);
  }
  return reports;
}
