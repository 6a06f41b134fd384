import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ExternalError } from '../errors.js';
import { resolveInside } from '../workspace/inside.js';
import { writeFilesAtomically } from '../workspace/write-files.js';
import type { SyncTarget as SyncTargetConfig } from '../schema/index.js';
import { storedAgents, type Bundle, type BundleAgent } from './bundle.js';
import type { SyncTarget, TargetDeps } from './target.js';

type FileConfig = Extract<SyncTargetConfig, { type: 'file' }>;

/** The bundle as a file, for applications that read their config from disk; JSON or YAML by extension. */
export function fileTarget(config: FileConfig, deps: TargetDeps): SyncTarget {
  // Resolved through symlinks on first use: a path that validate accepts can still lead out through a linked folder.
  let resolved: Promise<string> | undefined;
  const inside = () => (resolved ??= resolveInside(deps.root, config.path, `the path of sync target ${config.name}`));
  const yaml = /\.ya?ml$/.test(config.path);
  return {
    location: config.path,
    async read() {
      const text = await readText(await inside());
      if (text === undefined) return new Map();
      return storedAgents(parseText(text, yaml, config.path), config.path);
    },
    render(bundle) {
      return { entries: new Map(Object.entries(bundle.agents)), warnings: [] };
    },
    async write(entries, bundle) {
      const file = await inside();
      await mkdir(path.dirname(file), { recursive: true }).catch((error: unknown) => {
        throw new ExternalError(`cannot create the folder of ${config.path}: ${(error as Error).message}`, { cause: error });
      });
      writeFilesAtomically(deps.root, { [path.relative(deps.root, file)]: serializeBundle(withEntries(bundle, entries), yaml) }, { command: `sync ${config.name}` });
    },
  };
}

/** The text of a bundle file; JSON ends with a newline like every file in a repository. */
function serializeBundle(bundle: Bundle, yaml: boolean): string {
  return yaml ? stringify(bundle, { lineWidth: 0 }) : `${JSON.stringify(bundle, null, 2)}\n`;
}

function withEntries(bundle: Bundle, entries: ReadonlyMap<string, unknown>): Bundle {
  // Entries are the bundle's own agents plus the extras the target already held, which were bundle agents when read.
  return { ...bundle, agents: Object.fromEntries(entries) as Record<string, BundleAgent> };
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ExternalError(`cannot read ${file}: ${(error as Error).message}`, { cause: error, hint: 'check the file permissions' });
  }
}

function parseText(text: string, yaml: boolean, where: string): unknown {
  try {
    return yaml ? parse(text) : JSON.parse(text);
  } catch (error) {
    throw new ExternalError(`${where} is not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
      hint: 'remove the file so sync writes it anew, or point the target at another path',
    });
  }
}
