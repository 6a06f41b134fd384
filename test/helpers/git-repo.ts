import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface Author {
  name: string;
  email: string;
}

export const ALICE: Author = { name: 'Alice Example', email: 'alice@example.com' };

/**
 * A temp folder with a bare `origin.git` and a clone `work` on `main`: the
 * user's repository as modelshift finds it. Every path is removed by `cleanup`.
 */
export interface TestRepo {
  root: string;
  /** The user's clone. */
  dir: string;
  /** The bare repository `origin` points at. */
  origin: string;
  /** Runs git in `cwd` (the clone by default) and returns stdout. */
  git(args: string[], cwd?: string): Promise<string>;
  /** Writes (string) or deletes (null) files in `cwd` and commits them as `author`; returns the commit. */
  commit(files: Record<string, string | null>, message: string, options?: { author?: Author; cwd?: string }): Promise<string>;
  /** The commit `branch` has on origin, or undefined. */
  remoteSha(branch: string): Promise<string | undefined>;
  /** A second clone of origin, as another person's machine. */
  clone(name: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function createTestRepo(files: Record<string, string> = { 'README.md': '# agents\n' }): Promise<TestRepo> {
  const root = await mkdtemp(join(tmpdir(), 'modelshift-test-'));
  const origin = join(root, 'origin.git');
  const dir = join(root, 'work');

  const git = async (args: string[], cwd = dir): Promise<string> => {
    const { stdout } = await exec('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  };

  const commit = async (changes: Record<string, string | null>, message: string, options: { author?: Author; cwd?: string } = {}): Promise<string> => {
    const cwd = options.cwd ?? dir;
    const author = options.author ?? ALICE;
    for (const [path, content] of Object.entries(changes)) {
      const file = join(cwd, path);
      if (content === null) {
        await rm(file, { force: true });
      } else {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, content);
      }
    }
    await git(['add', '--all', '--', ...Object.keys(changes)], cwd);
    await git(['-c', `user.name=${author.name}`, '-c', `user.email=${author.email}`, 'commit', '--quiet', '--no-gpg-sign', '--no-verify', '-m', message], cwd);
    return (await git(['rev-parse', 'HEAD'], cwd)).trim();
  };

  await mkdir(origin);
  await git(['init', '--quiet', '--bare', '--initial-branch=main'], origin);
  await mkdir(dir);
  await git(['init', '--quiet', '--initial-branch=main'], dir);
  await git(['remote', 'add', 'origin', origin]);
  await commit(files, 'initial commit');
  await git(['push', '--quiet', 'origin', 'main']);
  await git(['branch', '--quiet', '--set-upstream-to=origin/main']);

  return {
    root,
    dir,
    origin,
    git,
    commit,
    async remoteSha(branch) {
      const out = await git(['ls-remote', '--heads', origin, `refs/heads/${branch}`]);
      return out.split('\t')[0] || undefined;
    },
    async clone(name) {
      const target = join(root, name);
      await git(['clone', '--quiet', origin, target], root);
      return target;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
