/**
 * The few error types the program throws. `cli.ts` and the Action's `main.ts`
 * map them to exit codes by type, never by message text.
 */

/** Where in the workspace something is wrong. `file` is relative to the workspace root with `/`. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

/** The user asked for something that cannot be done as asked: bad flags, unknown migration, … (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A file the user wrote stops the command (exit 1 when it is a finding, e.g. an edit that cannot be made safely). */
export class FileError extends Error {
  override name = 'FileError';
  constructor(
    message: string,
    readonly position: Position,
    readonly rule: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The outside world failed: git, network, an HTTP API, the file system (exit 2). The cause is kept. */
export class ExternalError extends Error {
  override name = 'ExternalError';
  constructor(
    message: string,
    readonly details: { status?: number; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }

  /** The message and its hint on one line, for a warning that lets the run go on. */
  inOneLine(): string {
    return `${this.message.replace(/\s*\n\s*/g, ' ')}${this.details.hint ? ` (${this.details.hint})` : ''}`;
  }
}

export const EXIT = { ok: 0, findings: 1, failed: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
