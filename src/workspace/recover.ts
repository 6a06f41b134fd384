import * as fs from 'node:fs';
import path from 'node:path';
import { Journal, journalPath, mayBeRunning, tempDir, textHash, type JournalEntry } from './journal.js';
import { JOURNAL_FILE } from './state-dir.js';
import type { Finding } from './types.js';
import { nodeFs, removeEmptyTempDir, type WriteFs } from './write-files.js';

/** What the recovery did (`notes`, to say so) and what it could not resolve (then the journal stays). */
export interface Recovery {
  notes: string[];
  unresolved?: string;
}

type State = 'before' | 'after' | 'changed' | 'missing';

/**
 * Finishes or undoes a write that was interrupted (the process was killed
 * between its first and last rename), and removes temporaries left by dead
 * writers. Forward when every target still holds its original or its new
 * text and every missing new text is in its temporary; otherwise (a target
 * changed since, a temporary lost) back: every target that holds the new text
 * gets its original again, and targets changed since are kept as they are.
 * Either way the tree ends entirely before or entirely after the write.
 * Never throws: a problem is returned as `unresolved`, and the journal stays.
 */
export function recoverWrites(root: string, io: WriteFs = nodeFs): Recovery {
  const notes: string[] = [];
  const journal = readJournal(root);
  if (journal.kind === 'error') return { notes, unresolved: journal.why };
  if (journal.kind === 'journal') {
    const { data } = journal;
    const what = `an interrupted \`${data.command}\` (pid ${data.pid}, started ${data.started})`;
    try {
      const states = data.entries.map((entry) => ({ entry, state: stateOf(root, entry), temp: tempHolds(root, entry) }));
      const forward = states.every((s) => s.state === 'after' || (s.state === 'before' && s.temp));
      if (forward) {
        const left = states.filter((s) => s.state === 'before');
        for (const { entry } of left) io.rename(path.join(tempDir(root), entry.temp), path.join(root, entry.file));
        notes.push(`finished ${what}: ${states.length - left.length} of ${states.length} files had been written, wrote the other ${left.length}`);
      } else {
        const written = states.filter((s) => s.state === 'after');
        for (const { entry } of written) putBack(root, entry, io);
        const kept = states.filter((s) => s.state === 'changed' || s.state === 'missing').map((s) => s.entry.file);
        notes.push(
          `undid ${what}: put ${written.length} of ${states.length} files back as they were` +
            (kept.length ? `; ${kept.length} changed since and kept as they are: ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}` : ''),
        );
      }
      io.unlink(journalPath(root));
    } catch (error) {
      return { notes, unresolved: `${what} could not be finished or undone: ${(error as Error).message}` };
    }
  }
  const removed = removeStaleTemps(root, io);
  if (removed) notes.push(`removed ${removed} temporary file(s) left by an interrupted write`);
  return { notes };
}

/**
 * The finding `validate` reports while a journal is there: recovery runs
 * before every CLI command, so a journal that is still there is one it could
 * not resolve, or one whose writer still runs.
 */
export function journalFinding(root: string): Finding | undefined {
  const journal = readJournal(root);
  if (journal.kind === 'none') return undefined;
  const why = journal.kind === 'error' ? journal.why : inProgress(journal.data) ?? `\`${journal.data.command}\` was interrupted and is not finished yet; run any modelshift command to finish or undo it`;
  return { file: JOURNAL_FILE, line: 1, column: 1, path: '', rule: 'interrupted-write', severity: 'error', message: why };
}

function inProgress(data: Journal): string | undefined {
  return mayBeRunning(data.pid, data.host) ? `\`${data.command}\` (pid ${data.pid} on ${data.host}) is writing this workspace now; wait for it to end` : undefined;
}

type Read = { kind: 'none' } | { kind: 'journal'; data: Journal } | { kind: 'error'; why: string };

function readJournal(root: string): Read {
  let text: string;
  try {
    text = fs.readFileSync(journalPath(root), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'none' };
    return { kind: 'error', why: `cannot read ${JOURNAL_FILE}: ${(error as Error).message}` };
  }
  let data: Journal;
  try {
    data = Journal.parse(JSON.parse(text));
  } catch {
    return { kind: 'error', why: `${JOURNAL_FILE} is not a journal modelshift wrote; check the files it names by hand (git status, git diff), then delete it` };
  }
  const running = inProgress(data);
  return running ? { kind: 'error', why: running } : { kind: 'journal', data };
}

function stateOf(root: string, entry: JournalEntry): State {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, entry.file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return entry.original === null ? 'before' : 'missing';
  }
  const hash = textHash(text);
  return hash === entry.after ? 'after' : hash === entry.before && entry.original !== null ? 'before' : 'changed';
}

function tempHolds(root: string, entry: JournalEntry): boolean {
  try {
    return textHash(fs.readFileSync(path.join(tempDir(root), entry.temp), 'utf8')) === entry.after;
  } catch {
    return false;
  }
}

function putBack(root: string, entry: JournalEntry, io: WriteFs): void {
  const target = path.join(root, entry.file);
  if (entry.original === null) return io.unlink(target);
  const temp = path.join(tempDir(root), `${process.pid}-undo-${entry.temp}`);
  io.mkdir(tempDir(root));
  io.writeFile(temp, entry.original, entry.mode);
  io.rename(temp, target);
}

/** Temporaries whose writer is gone; a running writer's (its pid leads the name) are left alone. */
function removeStaleTemps(root: string, io: WriteFs): number {
  const dir = tempDir(root);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && mayBeRunning(pid)) continue;
    try {
      io.unlink(path.join(dir, name));
      removed++;
    } catch {
      // a folder or a file we may not remove: left for the person to see
    }
  }
  removeEmptyTempDir(dir);
  return removed;
}
