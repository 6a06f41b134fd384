import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import path from 'node:path';
import { ExternalError } from '../errors.js';
import { journalPath, newJournal, tempDir, tempPrefix, textHash, type JournalEntry } from './journal.js';
import { JOURNAL_FILE } from './state-dir.js';

/**
 * The file operations the writer and the recovery use; tests inject failures
 * through it. Synchronous on purpose: a write of thousands of small files is
 * a few syscalls each, and awaiting each one through the thread pool costs
 * more than the syscalls themselves.
 */
export interface WriteFs {
  /** Creates `file` (it must not exist) with `text` and exactly `mode`. */
  writeFile(file: string, text: string, mode: number): void;
  rename(from: string, to: string): void;
  /** Fails with EEXIST when `alias` exists: how a journal is created exclusively and whole. */
  link(existing: string, alias: string): void;
  unlink(file: string): void;
  /** The file's permission bits, undefined when it does not exist. */
  mode(file: string): number | undefined;
  mkdir(dir: string): void;
}

/**
 * The process's umask, read once. A file created with a mode the umask takes
 * no bit off needs no chmod: one syscall per file fewer on a large apply.
 * Where it cannot be read (a worker thread), every file is chmodded.
 */
const UMASK = (() => {
  try {
    return process.umask();
  } catch {
    return 0o7777;
  }
})();

export const nodeFs: WriteFs = {
  writeFile(file, text, mode) {
    const fd = fs.openSync(file, 'wx', mode);
    try {
      fs.writeFileSync(fd, text);
      if (mode & UMASK || mode & ~0o777) fs.fchmodSync(fd, mode); // the umask took bits off `mode`, or open ignores them (setuid, sticky)
    } finally {
      fs.closeSync(fd);
    }
  },
  rename: (from, to) => fs.renameSync(from, to),
  link: (existing, alias) => fs.linkSync(existing, alias),
  unlink: (file) => fs.unlinkSync(file),
  mode(file) {
    try {
      return fs.statSync(file).mode & 0o7777;
    } catch {
      return undefined;
    }
  },
  mkdir: (dir) => void fs.mkdirSync(dir, { recursive: true }),
};

export interface WriteOptions {
  /** What is writing, for the journal and for the message of whoever recovers it: `apply gpt-4.1-to-gpt-5.1`. */
  command: string;
  /** The texts the targets hold now, when the caller has them (apply does); others are read. */
  originals?: Readonly<Record<string, string>>;
  io?: WriteFs;
}

interface Entry extends JournalEntry {
  target: string;
  tempPath: string;
  written: boolean;
  replaced: boolean;
}

/**
 * Writes every file or none, also when the process is killed. New texts go
 * to temporaries in the workspace's one temp folder; a journal of the renames
 * and of the originals is written before the first rename and removed after
 * the last (a single file needs none: its rename is atomic). A failed rename
 * puts every replaced original back from memory; a killed run is finished or
 * undone by the next command (recover.ts). File modes are preserved.
 * `files` are relative to `root`, the workspace root.
 */
export function writeFilesAtomically(root: string, files: Readonly<Record<string, string>>, options: WriteOptions): void {
  const io = options.io ?? nodeFs;
  const journal = journalPath(root);
  if (io.mode(journal) !== undefined) throw busy();
  const temps = tempDir(root);
  const tag = `${tempPrefix()}${randomBytes(4).toString('hex')}`;
  const entries: Entry[] = Object.entries(files).map(([file, text], i) => {
    const target = path.join(root, file);
    const mode = io.mode(target);
    const original = mode === undefined ? null : (options.originals?.[file] ?? readText(target));
    const temp = `${tag}-${i}.tmp`;
    return { file, temp, target, tempPath: path.join(temps, temp), before: original === null ? '' : textHash(original), after: textHash(text), original, mode: mode ?? 0o644, written: false, replaced: false };
  });
  if (entries.length === 0) return;
  const texts = Object.values(files);
  let journalWritten = false;
  try {
    io.mkdir(temps);
    entries.forEach((entry, i) => {
      io.writeFile(entry.tempPath, texts[i]!, entry.mode);
      entry.written = true;
    });
    if (entries.length > 1) {
      writeJournal(io, journal, path.join(temps, `${tag}-journal.tmp`), options.command, entries);
      journalWritten = true;
    }
    for (const entry of entries) {
      io.rename(entry.tempPath, entry.target);
      entry.replaced = true;
    }
  } catch (error) {
    const undone = undo(io, entries, tag, temps);
    if (journalWritten && undone) unlinkQuietly(io, journal);
    for (const entry of entries) if (entry.written && !entry.replaced) unlinkQuietly(io, entry.tempPath);
    if (error instanceof BusyError) throw error;
    throw new ExternalError(
      undone ? `could not write ${entries.length} file(s); nothing was changed` : `could not write ${entries.length} file(s), nor put every original back; the next modelshift command finishes the undo`,
      { cause: error, hint: (error as Error).message },
    );
  }
  if (journalWritten) io.unlink(journal);
  removeEmptyTempDir(temps);
}

/** A journal already there: another write runs, or one was interrupted and is not resolved yet. */
class BusyError extends ExternalError {
  constructor() {
    super(`another modelshift write is in progress in this workspace, or one was interrupted (${JOURNAL_FILE} exists); nothing was changed`, {
      hint: 'wait for the other run to end; if none runs, run modelshift validate, which finishes or undoes the interrupted write and says what is left',
    });
  }
}

function busy(): BusyError {
  return new BusyError();
}

/** Written whole to a temporary, then linked into place: the link fails if a journal appeared meanwhile. */
function writeJournal(io: WriteFs, journal: string, temp: string, command: string, entries: Entry[]): void {
  const data = newJournal(command, entries.map(({ file, temp: t, before, after, original, mode }) => ({ file, temp: t, before, after, original, mode })));
  io.writeFile(temp, JSON.stringify(data), 0o644);
  try {
    io.link(temp, journal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw busy();
    throw error;
  } finally {
    unlinkQuietly(io, temp);
  }
}

/** Puts back every original already replaced, from memory. False when one could not be put back. */
function undo(io: WriteFs, entries: Entry[], tag: string, temps: string): boolean {
  let ok = true;
  for (const entry of entries.filter((e) => e.replaced)) {
    try {
      if (entry.original === null) io.unlink(entry.target);
      else {
        const temp = path.join(temps, `${tag}-undo-${entry.temp}`);
        io.writeFile(temp, entry.original, entry.mode);
        io.rename(temp, entry.target);
      }
      entry.replaced = false;
    } catch {
      ok = false;
    }
  }
  return ok;
}

function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

function unlinkQuietly(io: WriteFs, file: string): void {
  try {
    io.unlink(file);
  } catch {
    // already gone
  }
}

/** The temp folder goes when it is empty; another process's files keep it. */
export function removeEmptyTempDir(temps: string): void {
  try {
    fs.rmdirSync(temps);
    fs.rmdirSync(path.dirname(temps));
  } catch {
    // not empty: other files live in the state folder (the eval cache) or another write runs
  }
}
