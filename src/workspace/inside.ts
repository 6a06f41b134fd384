import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * The absolute path of `configured` (relative to the workspace `root`), after
 * following symlinks of every part that exists: a path that validate accepts
 * can still leave the workspace through a symlinked folder, and nothing is
 * written there. Throws a UsageError naming the setting otherwise.
 */
export async function resolveInside(root: string, configured: string, setting: string): Promise<string> {
  const realRoot = await realpath(root);
  const target = path.resolve(realRoot, configured);
  let existing = target;
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) {
      const resolved = path.join(real, ...rest);
      const relative = path.relative(realRoot, resolved);
      if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return resolved;
      break;
    }
    const parent = path.dirname(existing);
    if (parent === existing) break;
    rest.unshift(path.basename(existing));
    existing = parent;
  }
  throw new UsageError(`${setting} (${configured}) resolves outside the workspace, through a symlink or otherwise; nothing was written`,
    'point it at a path inside the folder of modelshift.yaml that is not a symlink to elsewhere');
}
