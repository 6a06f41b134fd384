import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import { JOURNAL_FILE, TEMP_DIR } from './state-dir.js';

/**
 * The write journal: what a multi-file write (apply, sync) is about to rename,
 * written before the first rename and removed after the last, so a run killed
 * in between can be finished or undone by the next one. It lives in the
 * workspace's state folder (state-dir.ts), next to the one folder that holds temporaries.
 */
export const JournalEntry = z.strictObject({
  /** The target, relative to the workspace root with `/`. */
  file: z.string().min(1),
  /** The temporary holding the new text, relative to the temp folder. */
  temp: z.string().min(1),
  /** sha256 of the text the target held when the write began. */
  before: z.string(),
  after: z.string(),
  /** That text itself, what an undo writes back (so no hard-link backups are needed); null for a new file. */
  original: z.string().nullable(),
  /** The target's file mode, for the original when it is written back. */
  mode: z.number().int(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const Journal = z.strictObject({
  version: z.literal(1),
  /** What was writing: `apply <migration>`, `sync <target>`. */
  command: z.string(),
  pid: z.number().int(),
  host: z.string(),
  started: z.string(),
  entries: z.array(JournalEntry),
});
export type Journal = z.infer<typeof Journal>;

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function journalPath(root: string): string {
  return path.join(root, JOURNAL_FILE);
}

export function tempDir(root: string): string {
  return path.join(root, TEMP_DIR);
}

/** A temporary's name says which process made it, so a cleaner leaves a running process's files alone. */
export function tempPrefix(pid = process.pid): string {
  return `${pid}-`;
}

/** Whether the process that wrote a journal or a temporary may still be writing. */
export function mayBeRunning(pid: number, host: string = hostname()): boolean {
  if (host !== hostname()) return true; // another machine sharing the folder: we cannot tell, so we do not touch it
  if (pid === process.pid) return false; // a pid reused by this very process: the writer is gone
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function newJournal(command: string, entries: JournalEntry[]): Journal {
  return { version: 1, command, pid: process.pid, host: hostname(), started: new Date().toISOString(), entries };
}
