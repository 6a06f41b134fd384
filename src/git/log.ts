import { ExternalError, UsageError } from '../errors.js';
import { BlobReader } from './log-blobs.js';
import { LOG_FORMAT, RawLogParser, type RawChange, type RawCommit } from './log-parse.js';
import { exited, gitFailed, runGit, spawnGit, type GitRun } from './log-process.js';

export type { GitRun } from './log-process.js';

/** One changed YAML file of a first-parent commit, with its new content already read. */
export interface LogFile<T> {
  /** git's status letter: A, M, D, R (renamed), T (type changed). */
  status: string;
  /** Relative to the directory git ran in, with `/`. */
  path: string;
  /** The path before a rename. */
  oldPath?: string;
  /** What `read` made of the new content; null when the file was deleted or is no longer a regular file. */
  content: T | null;
}

export interface LogCommit<T> {
  sha: string;
  parents: string[];
  author: string;
  /** Committer date (when the commit landed on this line), strict ISO 8601. */
  date: string;
  message: string;
  files: LogFile<T>[];
}

export interface FirstParentLog<T> extends GitRun {
  /** A commit id (see resolveRef). */
  commit: string;
  /** Turns one file content into what the caller keeps; called once per distinct blob. */
  read: (text: string) => T;
}

/**
 * Pathspecs for every YAML file under the working directory: modelshift files
 * are recognised by content, so git only narrows the history to YAML files
 * and the caller decides what they hold. node_modules is never workspace.
 * Plain pathspecs, where `*` also matches `/`, are markedly faster than
 * `:(glob)**` ones on long histories; PATHSPEC_ENV keeps them plain.
 */
const YAML_FILES = ['*.yaml', '*.yml', ':(exclude)node_modules/*', ':(exclude)*/node_modules/*'];
const PATHSPEC_ENV = { GIT_GLOB_PATHSPECS: '0', GIT_NOGLOB_PATHSPECS: '0', GIT_LITERAL_PATHSPECS: '0', GIT_ICASE_PATHSPECS: '0' };

/**
 * Every commit on the first-parent line of `commit` that changed a YAML file
 * under `cwd`, oldest first. A merge commit shows its changes against its
 * first parent (what the merge brought to the line); renames are detected.
 * One `git log` and one `git cat-file --batch` process run side by side.
 */
export async function readFirstParentLog<T>(options: FirstParentLog<T>): Promise<LogCommit<T>[]> {
  const args = [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--raw',
    '-z',
    '--no-abbrev',
    '-M',
    '--relative',
    '--no-color',
    '--encoding=UTF-8',
    `--format=${LOG_FORMAT}`,
    options.commit,
    '--',
    ...YAML_FILES,
  ];
  const log = spawnGit({ ...options, env: { ...options.env, ...PATHSPEC_ENV } }, args);
  log.stdin.end();
  const exit = exited(log, 'git log');
  const blobs = new BlobReader(options, options.read);
  const parser = new RawLogParser();
  const commits: RawCommit[] = [];
  const keep = (done: RawCommit[]) => {
    for (const commit of done) {
      for (const change of commit.changes) if (change.blob !== null) blobs.request(change.blob);
      commits.push(commit);
    }
  };
  let broken: unknown;
  log.stdout.on('data', (chunk: Buffer) => {
    if (broken !== undefined) return;
    // A throw inside a stream callback would crash the process instead of failing this call.
    try {
      keep(parser.push(chunk));
      blobs.flush();
    } catch (error) {
      broken = error;
      log.kill();
    }
  });
  try {
    const status = await exit;
    if (broken !== undefined) throw broken;
    if (status.code !== 0) throw gitFailed('git log', status);
    keep(parser.end());
  } catch (error) {
    // Reap cat-file too; the log's failure is the one to report.
    await blobs.close().catch(() => undefined);
    throw error;
  }
  const contents = await blobs.close();
  // git lists newest first; `--reverse` would hold all output back until the walk ends, and with it the blob reads.
  commits.reverse();
  return commits.map(({ changes, ...commit }) => ({ ...commit, files: changes.map((change) => withContent(change, contents)) }));
}

function withContent<T>(change: RawChange, contents: Map<string, T>): LogFile<T> {
  const content = change.blob === null ? null : (contents.get(change.blob) ?? null);
  const file: LogFile<T> = { status: change.status, path: change.path, content };
  if (change.oldPath !== undefined) file.oldPath = change.oldPath;
  return file;
}

export interface ResolvedRef {
  /** The commit `ref` names, or null when the ref does not exist (an empty repository has no HEAD yet). */
  commit: string | null;
  /** True in a shallow clone (CI checkouts often are), whose history stops at the clone's depth. */
  shallow: boolean;
}

/**
 * Resolves `ref` in the repository around `run.cwd`, in one git process.
 * Throws an ExternalError when `run.cwd` is not inside a git repository.
 */
export async function resolveRef(run: GitRun, ref: string): Promise<ResolvedRef> {
  if (ref.startsWith('-')) throw new UsageError(`"${ref}" is not a git ref`, 'name a branch, tag or commit, e.g. --ref main');
  const exit = await runGit(run, ['rev-parse', '--is-shallow-repository', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const [shallow, commit] = exit.stdout.trim().split('\n');
  // --quiet makes a missing ref exit 1 without a message; anything else (128: no repository) is a failure.
  if (exit.code === 0 || (exit.code === 1 && exit.stderr === '')) {
    return { commit: exit.code === 0 ? (commit ?? null) : null, shallow: shallow === 'true' };
  }
  throw new ExternalError(`cannot read git history in ${run.cwd}: ${exit.stderr || `git exited with ${exit.code ?? 'a signal'}`}`, {
    hint: 'run modelshift inside a git repository, or pass -C DIR',
  });
}
