import type { ExitCode } from '../errors.js';

export type Format = 'text' | 'json' | 'markdown';

/** Everything a command may touch of the outside world, read once at the edge (cli.ts or the Action). */
export interface CommandContext {
  /** Where the command runs; `-C DIR` already applied. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  /** Progress and diagnostics; never parsed by scripts. */
  stderr: (text: string) => void;
  /** Colour and progress lines only when the output is a terminal. */
  isTTY: boolean;
  /** Today, injectable so catalog verdicts are testable. */
  now: Date;
  signal?: AbortSignal;
}

export interface CommandResult<T> {
  exitCode: ExitCode;
  /** The command's data, as the JSON format prints it (the Action reads it instead of re-parsing output). */
  data: T;
}
