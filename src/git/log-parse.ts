/**
 * Parser for the output of `git log -z --raw --format=LOG_FORMAT`, fed chunk
 * by chunk as git writes it, so a long history is never held as one string.
 *
 * With `-z` every field, raw diff line and path ends with a NUL byte, so the
 * stream is a list of NUL-terminated tokens read by position: the header
 * fields of LOG_FORMAT, then for each changed file `:modes blobs status`
 * followed by one path (two for a rename or copy). A commit message cannot hold
 * a NUL, and paths are written unquoted, so nothing needs unescaping.
 */

/** Starts every commit record; the fields after it are NUL-separated. */
const RECORD = '\x1e';
/** sha, parents, author name (mailmap applied), committer date (strict ISO 8601), raw message. */
export const LOG_FORMAT = `${RECORD}%H%x00%P%x00%aN%x00%cI%x00%B`;
const HEADER_FIELDS = 5;

/** A file mode git gives to regular files; symlinks (120000) and submodules (160000) have no YAML to read. */
const REGULAR_FILE = /^100[0-7]{3}$/;

/** One changed file of a commit, as `git log --raw` reports it. Paths use `/`. */
export interface RawChange {
  /** git's status letter: A added, M modified, D deleted, R renamed, C copied, T type changed. */
  status: string;
  path: string;
  /** The path before a rename or copy. */
  oldPath?: string;
  /** Blob id of the content after the commit; null when the file is gone or is not a regular file. */
  blob: string | null;
}

export interface RawCommit {
  sha: string;
  parents: string[];
  author: string;
  /** Committer date, strict ISO 8601 with the committer's offset. */
  date: string;
  /** The full commit message (subject, body, trailers). */
  message: string;
  changes: RawChange[];
}

type Expect =
  | { what: 'header'; fields: string[] }
  | { what: 'entry' }
  | { what: 'path'; meta: string[]; paths: string[]; count: number };

export class RawLogParser {
  private pending: Buffer = Buffer.alloc(0);
  private current: RawCommit | undefined;
  private expect: Expect = { what: 'entry' };

  /** Feeds a chunk; returns the commits completed by it. */
  push(chunk: Buffer): RawCommit[] {
    const done: RawCommit[] = [];
    const buffer = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let start = 0;
    for (let end = buffer.indexOf(0, start); end !== -1; end = buffer.indexOf(0, start)) {
      const finished = this.token(buffer.toString('utf8', start, end));
      if (finished) done.push(finished);
      start = end + 1;
    }
    this.pending = buffer.subarray(start);
    return done;
  }

  /** Call once the stream ended; returns the commits still open. */
  end(): RawCommit[] {
    const done: RawCommit[] = [];
    if (this.pending.length > 0) {
      const finished = this.token(this.pending.toString('utf8'));
      this.pending = Buffer.alloc(0);
      if (finished) done.push(finished);
    }
    if (this.expect.what === 'path') throw new Error('git log output ended in the middle of a raw diff entry');
    if (this.expect.what === 'header') throw new Error('git log output ended in the middle of a commit header');
    if (this.current) done.push(this.current);
    this.current = undefined;
    return done;
  }

  /** Consumes one token; returns the previous commit when this token starts a new one. */
  private token(token: string): RawCommit | undefined {
    const expect = this.expect;
    if (expect.what === 'header') {
      expect.fields.push(token);
      if (expect.fields.length === HEADER_FIELDS) this.startCommit(expect.fields);
      return undefined;
    }
    if (expect.what === 'path') {
      expect.paths.push(token);
      if (expect.paths.length === expect.count) this.addChange(expect.meta, expect.paths);
      return undefined;
    }
    // Between entries git may put a newline (before the first raw line) or nothing.
    const text = token.startsWith('\n') ? token.slice(1) : token;
    if (text === '') return undefined;
    if (text.startsWith(RECORD)) {
      const previous = this.current;
      this.current = undefined;
      this.expect = { what: 'header', fields: [text.slice(RECORD.length)] };
      return previous;
    }
    if (!text.startsWith(':')) throw new Error(`unexpected token in git log output: ${JSON.stringify(text.slice(0, 80))}`);
    const meta = text.slice(1).split(' ');
    const status = meta[4] ?? '';
    this.expect = { what: 'path', meta, paths: [], count: status.startsWith('R') || status.startsWith('C') ? 2 : 1 };
    return undefined;
  }

  private startCommit([sha = '', parents = '', author = '', date = '', message = '']: string[]): void {
    this.current = { sha, parents: parents === '' ? [] : parents.split(' '), author, date, message, changes: [] };
    this.expect = { what: 'entry' };
  }

  private addChange(meta: string[], paths: string[]): void {
    const [, newMode = '', , newBlob = '', score = ''] = meta;
    const status = score.charAt(0);
    const blob = REGULAR_FILE.test(newMode) ? newBlob : null;
    const change: RawChange =
      paths.length === 2 ? { status, oldPath: paths[0], path: paths[1] ?? '', blob } : { status, path: paths[0] ?? '', blob };
    this.current?.changes.push(change);
    this.expect = { what: 'entry' };
  }
}
