import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Finding } from './types.js';

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

export interface Discovered {
  /** Relative paths with `/`, sorted. */
  files: string[];
  findings: Finding[];
}

/** Every `*.yaml`/`*.yml` under `root`, minus `.git`, `node_modules` and the ignore globs. */
export async function discoverYamlFiles(root: string, ignore: readonly string[] = []): Promise<Discovered> {
  const rootReal = await realpath(root);
  const ignored = ignore.length ? picomatch([...ignore], { dot: true }) : () => false;
  const files: string[] = [];
  const findings: Finding[] = [];
  const seenDirs = new Set<string>([rootReal]);

  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true });
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (SKIPPED_DIRS.has(entry.name) || ignored(rel) || ignored(`${rel}/`)) continue;
      let isDir = entry.isDirectory();
      const isYaml = /\.ya?ml$/i.test(entry.name);
      if (entry.isSymbolicLink()) {
        const target = await realpath(path.join(root, rel)).catch(() => undefined);
        const inside = target !== undefined && (target === rootReal || target.startsWith(rootReal + path.sep));
        const targetIsDir = target !== undefined && (await stat(target)).isDirectory();
        if (!isYaml && !targetIsDir) continue;
        if (!inside) {
          findings.push({
            file: rel, line: 1, column: 1, path: '', rule: 'symlink-escape', severity: 'error',
            message: target === undefined
              ? 'symbolic link points nowhere; remove it or fix its target'
              : 'symbolic link leads outside the workspace; copy the file into the workspace instead',
          });
          continue;
        }
        if (targetIsDir) {
          if (seenDirs.has(target)) continue;
          seenDirs.add(target);
        }
        isDir = targetIsDir;
      } else if (isDir) {
        const real = await realpath(path.join(root, rel));
        if (seenDirs.has(real)) continue;
        seenDirs.add(real);
      }
      if (isDir) await walk(rel);
      else if (isYaml && (entry.isFile() || entry.isSymbolicLink())) files.push(rel);
    }
  };
  await walk('');
  files.sort();
  return { files, findings };
}

/** The workspace root: the nearest folder up from `cwd` holding `modelshift.yaml`, else `cwd`. */
export async function findWorkspaceRoot(cwd: string): Promise<string> {
  let dir = path.resolve(cwd);
  for (;;) {
    const found = await lstat(path.join(dir, 'modelshift.yaml')).then(() => true, () => false);
    if (found) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}
