import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExternalError, UsageError } from '../errors.js';
import { buildReport } from '../eval/index.js';
import type { Shard } from '../eval/shard.js';
import type { EvalGroup } from '../review/eval-groups.js';
import type { EvalRunner } from './check-evals.js';
import { mergedReport, readPart } from './eval-merge.js';
import { runShardPart } from './eval.js';

/**
 * The check's evals on an Actions matrix: each shard job runs its part of
 * every eval group and leaves one part file per group in a folder (uploaded as
 * an artifact); the final job downloads them all into one folder and merges
 * each group's parts instead of calling any model.
 */

/** A group's name in part file names: its migration, or `changed-agents`. */
function groupKey(group: EvalGroup): string {
  return group.migration ?? 'changed-agents';
}

/** Runs the shard's units of each group and writes `<group>.part-K-of-N.json`; the report it returns covers only those units. */
export function shardEvalRunner(shard: Shard, dir: string): EvalRunner {
  return async (ctx, { group, suites, workspace }) => {
    const key = groupKey(group);
    const { part, input } = await runShardPart(ctx, workspace, { pairs: group.pairs, suites, ...(group.gate ? { gate: group.gate } : {}) }, { shard, migration: key });
    const file = path.join(dir, `${key}.part-${shard.index}-of-${shard.count}.json`);
    try {
      await mkdir(dir, { recursive: true });
      await writeFile(`${file}.tmp`, `${JSON.stringify(part)}\n`);
      await rename(`${file}.tmp`, file);
    } catch (err) {
      throw new ExternalError(`cannot write the eval part ${file}`, { cause: err, hint: 'check that eval-parts names a writable folder' });
    }
    return buildReport(input);
  };
}

/** Merges each group's part files from `dir`; no model is called. */
export function mergeEvalRunner(dir: string): EvalRunner {
  return async (_ctx, { group }) => {
    const key = groupKey(group);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (err) {
      throw new ExternalError(`cannot read the eval parts folder ${dir}`, { cause: err, hint: 'download the shard jobs\' artifacts into eval-parts before this step' });
    }
    const mine = names.filter((n) => n.startsWith(`${key}.part-`) && n.endsWith('.json')).sort();
    if (!mine.length) throw new UsageError(`no eval part files for ${key} in ${dir}`, 'every shard job must run (and upload its eval-parts folder) before the merge job');
    const parts = [];
    for (const name of mine) parts.push(await readPart(path.join(dir, name), name));
    return mergedReport(parts, `the parts of ${key}`);
  };
}
