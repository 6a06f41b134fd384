import { lstat } from 'node:fs/promises';
import path from 'node:path';

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
