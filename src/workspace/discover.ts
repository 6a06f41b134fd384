import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ExternalError } from '../errors.js';
import type { Finding } from './types.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const YAML = /\.ya?ml$/i;

export interface Discovered {
  /** Relative paths with `/`, sorted. */
  files: string[];
  findings: Finding[];
}

/**
 * Every `*.yaml`/`*.yml` under `root`, minus `.git`, `node_modules` and the
 * ignore globs. Symbolic links inside the workspace are followed, each file
 * and folder read once (a link to a file that is also found directly is not
 * read twice); a link leading outside is a finding.
 */
export async function discoverYamlFiles(root: string, ignore: readonly string[] = []): Promise<Discovered> {
  const rootReal = attempt(() => realpathSync(root), (error) => unreadable(root, error));
  const ignored = ignore.length ? picomatch([...ignore], { dot: true }) : () => false;
  const findings: Finding[] = [];
  const seenDirs = new Set<string>([rootReal]);
  /** Files found by their own path: each real folder is walked once, so none is found twice. */
  const own: string[] = [];
  /** Files found through a link, by real path → the first relative path; a file found by its own path wins. */
  const linked = new Map<string, string>();
  const addLinked = (real: string, rel: string) => {
    const seen = linked.get(real);
    if (seen === undefined || rel < seen) linked.set(real, rel);
  };
  const inside = (target: string) => target === rootReal || target.startsWith(rootReal + path.sep);

  /** Linked folders are walked after every real one, so a file is known by its own path before any link's. */
  const linkedDirs: { rel: string; real: string }[] = [];

  // Synchronous: one listing after another is what the walk does anyway, and a promise per folder costs more than the listing.
  const walk = (dir: string, dirReal: string, viaLink: boolean): void => {
    const entries = attempt(() => readdirSync(path.join(root, dir), { withFileTypes: true }), (error) => unreadable(path.join(root, dir), error));
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (SKIPPED_DIRS.has(entry.name) || ignored(rel) || ignored(`${rel}/`)) continue;
      if (entry.isSymbolicLink()) {
        const target = attempt(() => realpathSync(path.join(root, rel)), () => undefined);
        const targetIsDir = target !== undefined && statSync(target).isDirectory();
        if (!YAML.test(entry.name) && !targetIsDir) continue;
        if (target === undefined || !inside(target)) {
          findings.push({
            file: rel, line: 1, column: 1, path: '', rule: 'symlink-escape', severity: 'error',
            message: target === undefined
              ? 'symbolic link points nowhere; remove it or fix its target'
              : 'symbolic link leads outside the workspace; copy the file into the workspace or remove the link',
          });
        } else if (targetIsDir) {
          linkedDirs.push({ rel, real: target });
        } else {
          addLinked(target, rel);
        }
      } else if (entry.isDirectory()) {
        const real = path.join(dirReal, entry.name);
        if (seenDirs.has(real)) continue;
        seenDirs.add(real);
        walk(rel, real, viaLink);
      } else if (entry.isFile() && YAML.test(entry.name)) {
        if (viaLink) addLinked(path.join(dirReal, entry.name), rel);
        else own.push(rel);
      }
    }
  };
  walk('', rootReal, false);
  for (let next = linkedDirs.shift(); next; next = linkedDirs.shift()) {
    if (seenDirs.has(next.real)) continue;
    seenDirs.add(next.real);
    walk(next.rel, next.real, true);
  }
  if (linked.size) {
    const ownReal = new Set(own.map((rel) => path.join(rootReal, rel)));
    for (const [real, rel] of linked) if (!ownReal.has(real)) own.push(rel);
  }
  return { files: own.sort(), findings };
}

function attempt<T, U>(run: () => T, failed: (error: unknown) => U): T | U {
  try {
    return run();
  } catch (error) {
    return failed(error);
  }
}

/** A folder that cannot be listed stops the command (exit 2): the workspace cannot be checked as a whole. */
function unreadable(dir: string, error: unknown): never {
  throw new ExternalError(`cannot read the folder ${dir}: ${(error as Error).message}`, {
    hint: 'check that the folder exists and is readable, or pass the workspace with -C DIR',
    cause: error,
  });
}
