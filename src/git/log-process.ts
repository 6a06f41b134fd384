import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ExternalError } from '../errors.js';

/** Where and how the history readers run git. */
export interface GitRun {
  /** Directory git runs in; pathspecs and `--relative` paths are relative to it. */
  cwd: string;
  /** The environment git sees (GIT_DIR, HOME for config, …), read once at the edge. */
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

/**
 * Settings a user's git config could change that would alter the output we
 * parse: a signature block inside the log, no diff for the root commit.
 */
const PINNED_CONFIG = ['-c', 'log.showSignature=false', '-c', 'log.showRoot=true', '-c', 'core.quotePath=false'];

export type GitChild = ChildProcessWithoutNullStreams;

export function spawnGit(run: GitRun, args: string[]): GitChild {
  return spawn('git', [...PINNED_CONFIG, ...args], {
    cwd: run.cwd,
    env: { ...run.env },
    signal: run.signal,
    stdio: 'pipe',
  });
}

export interface Exit {
  code: number | null;
  stderr: string;
}

/** Resolves when the process has exited and its pipes are closed; rejects with an ExternalError when git cannot start. */
export function exited(child: GitChild, what: string): Promise<Exit> {
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    child.once('error', (cause: NodeJS.ErrnoException) => {
      // A cancelled command stays a cancellation, not a git failure.
      if (cause.name === 'AbortError') return reject(cause);
      const hint = cause.code === 'ENOENT' ? 'install git and make sure it is on PATH' : undefined;
      reject(new ExternalError(`could not run ${what}: ${cause.message}`, { cause, hint }));
    });
    child.once('close', (code) => resolve({ code, stderr: Buffer.concat(stderr).toString('utf8').trim() }));
  });
}

/** Runs git to completion and returns stdout; a non-zero exit is returned, not thrown, so callers can tell cases apart. */
export async function runGit(run: GitRun, args: string[]): Promise<Exit & { stdout: string }> {
  const child = spawnGit(run, args);
  child.stdin.end();
  const stdout: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  const exit = await exited(child, `git ${args[0] ?? ''}`);
  return { ...exit, stdout: Buffer.concat(stdout).toString('utf8') };
}

export function gitFailed(what: string, exit: Exit): ExternalError {
  return new ExternalError(`${what} failed (exit ${exit.code ?? 'killed'}): ${exit.stderr || 'no message'}`, {
    hint: 'run the same git command in a terminal to see why',
  });
}
