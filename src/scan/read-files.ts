import { closeSync, constants, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from './paths.js';

export interface Candidate {
  file: string;
  text: string;
}

export interface ReadResult {
  candidates: Candidate[];
  /** Files read (whether or not they matched). */
  considered: number;
}

/** How many files a thread takes at a time from the counter the threads share. */
export const CHUNK = 256;

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/**
 * A reader of one chunk of a listing at a time: the `files` (relative to root) from `from`
 * on that `keep` admits, keeping those whose bytes match `pattern` (read as latin1: one
 * byte, one character, no decoding). Synchronous, into one reused buffer: for tens of
 * thousands of small files several times faster than the promise API, whose per-file
 * trips through the thread pool cost more than the reads. Symlinks are not followed
 * (their target is scanned where it lives), FIFOs and devices are not waited on, and a
 * file over the size cap, a folder or a file gone since it was listed is passed over.
 */
export function chunkReader(root: string, keep: (file: string) => boolean, pattern: RegExp): (files: readonly string[], from: number) => ReadResult {
  const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
  return (files, from) => {
    const candidates: Candidate[] = [];
    let considered = 0;
    for (let i = from; i < files.length && i < from + CHUNK; i++) {
      const file = files[i]!;
      if (!keep(file)) continue;
      const size = read(`${root}/${file}`, buffer);
      if (size === undefined) continue;
      considered++;
      if (pattern.test(buffer.toString('latin1', 0, size))) candidates.push({ file, text: buffer.toString('utf8', 0, size) });
    }
    return { candidates, considered };
  };
}

function read(full: string, buffer: Buffer): number | undefined {
  let fd: number;
  try {
    fd = openSync(full, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    // One read: a regular file's short read is its end, and a full buffer means it is over the cap.
    const size = readSync(fd, buffer, 0, buffer.length, 0);
    return size > MAX_FILE_BYTES ? undefined : size;
  } catch {
    return undefined; // a folder (a submodule), a FIFO with no writer, unreadable: nothing to report in it
  } finally {
    closeSync(fd);
  }
}
