import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { ExternalError } from '../errors.js';
import type { SyncTarget as SyncTargetConfig } from '../schema/index.js';
import { writeFilesAtomically } from '../workspace/write-files.js';
import { agentFlag, FLAGD_SCHEMA } from './flagd-flags.js';
import type { SyncTarget, TargetDeps } from './target.js';

type FlagdConfig = Extract<SyncTargetConfig, { type: 'flagd' }>;

/** What a file must hold to be read as flag definitions; flags are compared as they are, so one edited by hand shows up as drift. */
const StoredFlags = z.looseObject({ flags: z.record(z.string(), z.unknown()) });

/**
 * An OpenFeature flagd flag definitions file (JSON): one flag per agent,
 * keyed by the agent's name, for teams whose apps already pick variants
 * through flagd. Flags in the file that are not agents stay unless `--prune`.
 */
export function flagdTarget(config: FlagdConfig, deps: TargetDeps): SyncTarget {
  const file = path.resolve(deps.root, config.path);
  return {
    location: config.path,
    async read() {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw new ExternalError(`cannot read ${config.path}: ${error.message}`, { cause: error, hint: 'check the file permissions' });
      });
      if (text === undefined) return new Map();
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        throw new ExternalError(`${config.path} is not valid JSON: ${(error as Error).message}`, { cause: error, hint: 'fix the file, or remove it so sync writes it anew' });
      }
      const parsed = StoredFlags.safeParse(data);
      if (!parsed.success) throw new ExternalError(`${config.path} does not hold flagd flag definitions (a "flags" object)`, { hint: 'point the target at a flags file, or remove what is there' });
      return new Map(Object.entries(parsed.data.flags));
    },
    render(bundle) {
      return { entries: new Map(Object.entries(bundle.agents).map(([name, agent]) => [name, agentFlag(agent)])), warnings: [] };
    },
    async write(entries, bundle) {
      const document = {
        $schema: FLAGD_SCHEMA,
        metadata: { generatedBy: 'modelshift sync', revision: bundle.revision.commit },
        flags: Object.fromEntries(entries),
      };
      await mkdir(path.dirname(file), { recursive: true }).catch((error: unknown) => {
        throw new ExternalError(`cannot create the folder of ${config.path}: ${(error as Error).message}`, { cause: error });
      });
      writeFilesAtomically(deps.root, { [path.relative(deps.root, file)]: `${JSON.stringify(document, null, 2)}\n` }, { command: `sync ${config.name}` });
    },
  };
}
