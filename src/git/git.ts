import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { GitError, simpleGit, type SimpleGit } from 'simple-git';
import { ExternalError } from '../errors.js';
import { parseTrailers } from './trailers.js';

/** Who a commit is made as (author and committer). */
export interface GitIdentity {
  name: string;
  email: string;
}

/** The identity of modelshift's own commits unless configured otherwise. */
export const BOT_IDENTITY: GitIdentity = {
  name: 'modelshift[bot]',
  email: 'modelshift[bot]@users.noreply.github.com',
};

export interface CommitInfo {
  sha: string;
  authorName: string;
  authorEmail: string;
  subject: string;
  trailers: Record<string, string>;
}

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed';

/** One line of `git diff --name-status`; `previousPath` is set for renames and copies. */
export interface FileChange {
  status: FileStatus;
  path: string;
  previousPath?: string;
}

export interface GitOptions {
  /** The remote to fetch from and push to. */
  remote?: string;
  /** Run with `core.hooksPath` set to this folder (used for our own temporary worktrees). */
  hooksPath?: string;
}

/**
 * A git command that exited non-zero. Carries the exit code and stdout so
 * callers can treat some exits as answers (`rev-parse --verify -q`) and read
 * `push --porcelain` results; the message is git's stderr.
 */
class GitCommandError extends GitError {
  constructor(
    readonly exitCode: number,
    readonly stdout: string,
    stderr: string,
  ) {
    super(undefined, stderr.trim() || `git exited with code ${exitCode}`);
  }
}

const STATUS: Record<string, FileStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

// Field and record separators for `git log --format`; neither can occur in names, subjects or trailers.
const FIELD = '\x1f';
const RECORD = '\x1e';

/** Every git call modelshift makes, on one repository (or one of its worktrees). */
export class Git {
  readonly remote: string;
  private readonly git: SimpleGit;

  constructor(
    readonly dir: string,
    options: GitOptions = {},
  ) {
    this.remote = options.remote ?? 'origin';
    this.git = simpleGit({
      baseDir: dir,
      config: options.hooksPath ? [`core.hooksPath=${options.hooksPath}`] : [],
      // simple-git refuses core.hooksPath by default because callers might pass user input; ours is a folder we created.
      unsafe: { allowUnsafeHooksPath: true },
      // Default simple-git treats a non-zero exit with empty stderr as success; every non-zero exit is an error here.
      errors: (error, result) =>
        result.exitCode
          ? new GitCommandError(result.exitCode, Buffer.concat(result.stdOut).toString('utf8'), Buffer.concat(result.stdErr).toString('utf8'))
          : error,
    });
  }

  /** Absolute path of the top of the working tree. */
  async root(): Promise<string> {
    return (await this.run(['rev-parse', '--show-toplevel'], 'rev-parse --show-toplevel')).trim();
  }

  /** The checked-out branch, or undefined on a detached HEAD. */
  async currentBranch(): Promise<string | undefined> {
    const out = await this.answer(['symbolic-ref', '--quiet', '--short', 'HEAD'], 'symbolic-ref HEAD');
    return out?.trim() || undefined;
  }

  async remoteUrl(): Promise<string> {
    return (await this.run(['remote', 'get-url', this.remote], `remote get-url ${this.remote}`, `add the remote: git remote add ${this.remote} <url>`)).trim();
  }

  /** Fetches `base` from the remote into its remote-tracking ref and returns its commit. */
  async fetchBase(base: string): Promise<string> {
    const tracking = `refs/remotes/${this.remote}/${base}`;
    await this.run(
      ['fetch', '--no-tags', '--quiet', this.remote, `+refs/heads/${base}:${tracking}`],
      `fetch ${this.remote} ${base}`,
      `check that branch "${base}" exists on ${this.remote} and that this machine can reach it`,
    );
    return this.revParse(tracking);
  }

  /** Fetches `branch` if the remote has it and returns its commit, else undefined. */
  async fetchBranch(branch: string): Promise<string | undefined> {
    const listed = await this.run(['ls-remote', '--heads', this.remote, `refs/heads/${branch}`], `ls-remote ${this.remote} ${branch}`);
    if (listed.trim() === '') return undefined;
    const tracking = `refs/remotes/${this.remote}/${branch}`;
    await this.run(['fetch', '--no-tags', '--quiet', this.remote, `+refs/heads/${branch}:${tracking}`], `fetch ${this.remote} ${branch}`);
    // The fetched ref, not the ls-remote line: it is what we hold the objects of, so it is the lease we push against.
    return this.revParse(tracking);
  }

  /** The commit `ref` points at. */
  async revParse(ref: string): Promise<string> {
    return (await this.run(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], `rev-parse ${ref}`)).trim();
  }

  /** The best common ancestor of two commits: what a pull request's changes are measured from. */
  async mergeBase(a: string, b: string): Promise<string> {
    return (
      await this.run(['merge-base', '--end-of-options', a, b], `merge-base ${a} ${b}`, 'fetch the full history (actions/checkout with fetch-depth: 0) so both commits and their ancestors are present')
    ).trim();
  }

  /** The tree of the commit `ref`: equal trees mean equal content, whatever the history. */
  async treeOf(ref: string): Promise<string> {
    return (await this.run(['rev-parse', '--verify', '--end-of-options', `${ref}^{tree}`], `rev-parse ${ref}^{tree}`)).trim();
  }

  /**
   * Runs `fn` in a detached worktree of `ref` in the system temp folder, so
   * the user's working tree and index are never touched. The worktree is
   * removed afterwards, also when `fn` throws. Hooks are off inside it: the
   * user's hooks expect their own checkout (installed tools, a branch name).
   */
  async withWorktree<T>(ref: string, fn: (worktree: Git) => Promise<T>): Promise<T> {
    const tmp = await mkdtemp(join(tmpdir(), 'modelshift-')).catch((error: unknown) => {
      throw new ExternalError(`cannot create a temporary folder in ${tmpdir()}: ${describe(error)}`, { cause: error });
    });
    const dir = join(tmp, 'worktree');
    const hooksPath = join(tmp, 'no-hooks');
    try {
      await mkdir(hooksPath);
      await this.run(['-c', `core.hooksPath=${hooksPath}`, 'worktree', 'add', '--detach', '--quiet', '--end-of-options', dir, ref], `worktree add ${ref}`);
      return await fn(new Git(dir, { remote: await this.remoteForWorktree(), hooksPath }));
    } finally {
      await this.removeWorktree(dir, tmp);
    }
  }

  /** The text of `path` (relative to the repository root) at `ref`, or undefined when it does not exist there. */
  async readFile(ref: string, path: string): Promise<string | undefined> {
    const blob = await this.answer(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}:${path}`], `rev-parse ${ref}:${path}`);
    if (blob === undefined) return undefined;
    return this.run(['cat-file', 'blob', blob.trim()], `cat-file ${ref}:${path}`);
  }

  /** Commits reachable from `head` but not from `base`, newest first, with author and trailers. */
  async commitsBetween(base: string, head: string): Promise<CommitInfo[]> {
    const format = ['%H', '%an', '%ae', '%s', '%(trailers:only,unfold)'].join(FIELD) + RECORD;
    const out = await this.run(['log', `--format=${format}`, '--end-of-options', `${base}..${head}`], `log ${base}..${head}`);
    return out
      .split(RECORD)
      .map((record) => record.replace(/^\n/, ''))
      .filter((record) => record !== '')
      .map((record) => {
        const [sha = '', authorName = '', authorEmail = '', subject = '', trailers = ''] = record.split(FIELD);
        return { sha, authorName, authorEmail, subject, trailers: parseTrailers(trailers) };
      });
  }

  /**
   * Stages `paths` (relative to this worktree, deletions included) and commits
   * them as `identity`. Returns the new commit, or undefined when the paths
   * hold no change. Unsigned and without hooks: this is a bot commit, the
   * user's signing key and commit hooks are not meant for it.
   */
  async commit(paths: readonly string[], message: string, identity: GitIdentity = BOT_IDENTITY): Promise<string | undefined> {
    if (paths.length === 0) return undefined;
    // Literal pathspecs: a file named `agents/[draft].yaml` must not be read as a glob.
    await this.run(['--literal-pathspecs', 'add', '--all', '--', ...paths], 'add');
    // `diff --quiet` exits 0 when nothing is staged and 1 when something is.
    const nothingStaged = await this.answer(['diff', '--cached', '--quiet'], 'diff --cached');
    if (nothingStaged !== undefined) return undefined;
    await this.run(
      ['-c', `user.name=${identity.name}`, '-c', `user.email=${identity.email}`, 'commit', '--quiet', '--no-gpg-sign', '--no-verify', '-m', message],
      'commit',
    );
    return this.revParse('HEAD');
  }

  /**
   * Pushes `sha` to `branch` on the remote with `--force-with-lease`: the push
   * only happens while the remote branch is still at `expected` (absent when
   * `expected` is undefined), so a push someone made meanwhile is never lost.
   */
  async push(sha: string, branch: string, expected: string | undefined): Promise<void> {
    const ref = `refs/heads/${branch}`;
    try {
      await this.git.raw(['push', '--porcelain', '--no-verify', `--force-with-lease=${ref}:${expected ?? ''}`, this.remote, `${sha}:${ref}`]);
    } catch (error) {
      // `--porcelain` lines are `<flag>\t<from>:<to>\t<summary>`; `!` + `(stale info)` is a failed lease.
      const stdout = error instanceof GitCommandError ? error.stdout : '';
      const rejected = stdout.split('\n').filter((line) => line.startsWith('!'));
      if (rejected.some((line) => line.includes('(stale info)'))) {
        throw new ExternalError(`push to ${this.remote}/${branch} rejected: the branch changed on ${this.remote} while modelshift ran`, {
          cause: error,
          hint: 'someone pushed to the branch meanwhile; run the command again to see their commits',
        });
      }
      if (rejected.some((line) => line.includes('[remote rejected]') && REF_RACE.test(line)) || lockedRef(error)) throw raceError(`${this.remote}/${branch}`, error);
      throw new ExternalError(`git push to ${this.remote}/${branch} failed: ${describe(error)}`, {
            cause: error,
            hint: 'check the credentials git uses for the remote: a GitHub token needs the `contents: write` permission to push',
          });
    }
  }

  /**
   * Deletes `branch` on the remote while it is still at `expected`, so a
   * commit someone pushed since is never dropped (then it stays, and the
   * next run sees it).
   */
  async deleteRemoteBranch(branch: string, expected: string): Promise<void> {
    const ref = `refs/heads/${branch}`;
    await this.run(['push', '--quiet', '--no-verify', `--force-with-lease=${ref}:${expected}`, this.remote, `:${ref}`], `push --delete ${branch}`, 'a GitHub token needs the `contents: write` permission to delete a branch; or delete it in GitHub by hand');
  }

  /** Files that differ between two refs (`git diff --name-status`, renames detected). */
  async diff(from: string, to: string): Promise<FileChange[]> {
    const out = await this.run(['diff', '--name-status', '-z', '-M', '--end-of-options', from, to], `diff ${from} ${to}`);
    const fields = out.split('\0');
    const changes: FileChange[] = [];
    for (let i = 0; i < fields.length; ) {
      const code = fields[i++] ?? '';
      const status = STATUS[code.charAt(0)];
      if (status === undefined) continue;
      const first = fields[i++] ?? '';
      if (status === 'renamed' || status === 'copied') {
        changes.push({ status, path: fields[i++] ?? '', previousPath: first });
      } else {
        changes.push({ status, path: first });
      }
    }
    return changes;
  }

  /**
   * The remote as a worktree in the temp folder can reach it: git resolves a
   * relative URL (`../origin.git`) against the working tree it runs in, which
   * for our worktree is the wrong folder, so such a URL is made absolute.
   */
  private async remoteForWorktree(): Promise<string> {
    const url = (await this.git.raw(['remote', 'get-url', this.remote]).catch(() => undefined))?.trim();
    // A URL (`https://…`, `file://…`) or scp form (`git@host:o/r`) has a `:` before any `/`; an absolute path needs nothing.
    if (!url || isAbsolute(url) || /^[^/]*:/.test(url)) return this.remote;
    return resolve(await this.root(), url);
  }

  private async removeWorktree(dir: string, tmp: string): Promise<void> {
    try {
      await this.git.raw(['worktree', 'remove', '--force', dir]);
    } catch {
      // worktree add may have failed half-way; deleting the folder and pruning cleans either state.
      await rm(dir, { recursive: true, force: true });
      await this.git.raw(['worktree', 'prune']).catch(() => undefined);
    }
    await rm(tmp, { recursive: true, force: true });
  }

  private async run(args: string[], what: string, hint?: string): Promise<string> {
    try {
      return await this.git.raw(args);
    } catch (error) {
      // Two runs in one clone fetch into the same remote-tracking refs; the second finds the first's lock.
      if (lockedRef(error)) throw raceError(this.dir, error);
      throw new ExternalError(`git ${what} failed in ${this.dir}: ${describe(error)}`, { cause: error, ...(hint ? { hint } : {}) });
    }
  }

  /** Runs a command whose exit code 1 means "no" (undefined); other failures are errors. */
  private async answer(args: string[], what: string): Promise<string | undefined> {
    try {
      return await this.git.raw(args);
    } catch (error) {
      if (error instanceof GitCommandError && error.exitCode === 1) return undefined;
      throw new ExternalError(`git ${what} failed in ${this.dir}: ${describe(error)}`, { cause: error });
    }
  }
}

/**
 * How git reports losing a race for a ref: the remote refused the update
 * because another push changed or locked the ref first (`[remote rejected]
 * (failed to update ref)`, GitHub's `(incorrect old value provided)`), or a
 * local ref's `.lock` file was held by another git process.
 */
const REF_RACE = /failed to (?:update|lock) ref|cannot lock ref|incorrect old value|reference already exists/i;
const LOCKED = /cannot lock ref|Unable to create '[^']*\.lock': File exists/i;

function lockedRef(error: unknown): boolean {
  return error instanceof Error && LOCKED.test(error.message);
}

/** Not a permission problem, and nothing to fix in the setup: another modelshift (or git) run got to the branch first. */
function raceError(where: string, error: unknown): ExternalError {
  return new ExternalError(`another run is updating this branch (${where}) right now; re-run`, {
    cause: error,
    hint: 're-run the command once the other run has finished; it picks up what that run pushed',
  });
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
