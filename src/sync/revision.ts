import { runGit } from '../git/log-process.js';
import type { Revision } from './bundle.js';

export interface RevisionInput {
  /** Workspace root. */
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The workspace's modelshift files, relative to the root with `/`: only their changes make the revision dirty. */
  files: Iterable<string>;
}

/**
 * The commit the workspace was compiled from. Dirty when a modelshift file
 * differs from that commit (added or edited), or a YAML file of it was
 * deleted; other files, such as a bundle sync wrote, do not count. Outside
 * git, or before the first commit, the revision is `uncommitted` and dirty.
 */
export async function workspaceRevision(input: RevisionInput): Promise<Revision> {
  const run = { cwd: input.root, env: input.env };
  const head = await runGit(run, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0) return { commit: 'uncommitted', dirty: true };
  const prefix = (await runGit(run, ['rev-parse', '--show-prefix'])).stdout.trim();
  const status = await runGit(run, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', '.']);
  const ours = new Set(input.files);
  const dirty = parseStatus(status.stdout).some(({ code, file }) => {
    // Porcelain paths start at the repository root; workspace paths at the workspace root.
    const rel = file.startsWith(prefix) ? file.slice(prefix.length) : file;
    return ours.has(rel) || (code.includes('D') && /\.ya?ml$/.test(rel));
  });
  return { commit: head.stdout.trim(), dirty };
}

function parseStatus(out: string): { code: string; file: string }[] {
  return out
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => ({ code: entry.slice(0, 2), file: entry.slice(3) }));
}
