import { ExternalError } from '../errors.js';
import { exited, gitFailed, spawnGit, type Exit, type GitChild, type GitRun } from './log-process.js';

/**
 * Reads blobs through one `git cat-file --batch` process. Requests are written
 * as soon as they are known and git answers them in order, so reading runs
 * alongside the `git log` that names the blobs; each blob is handed to `read`
 * as it arrives and only the result is kept.
 */
export class BlobReader<T> {
  private readonly child: GitChild;
  private readonly exit: Promise<Exit>;
  private readonly requested = new Set<string>();
  /** Blob ids in the order they were asked; those from queueHead on are not answered yet. */
  private readonly queue: string[] = [];
  private queueHead = 0;
  private unsent: string[] = [];
  private readonly results = new Map<string, T>();
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Size of the blob whose bytes are being collected, or -1 while waiting for a header line. */
  private size = -1;
  private failure: Error | undefined;

  constructor(
    run: GitRun,
    private readonly read: (text: string) => T,
  ) {
    // Without --buffer git flushes each answer at once, so parsing overlaps the reads.
    this.child = spawnGit(run, ['cat-file', '--batch']);
    this.exit = exited(this.child, 'git cat-file');
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    // An early exit of git shows up as EPIPE here; the exit code tells the story.
    this.child.stdin.on('error', () => undefined);
  }

  /** Asks for a blob; the request reaches git at the next flush(). */
  request(blob: string): void {
    if (this.requested.has(blob)) return;
    this.requested.add(blob);
    this.queue.push(blob);
    this.unsent.push(blob);
  }

  /** Sends the pending requests in one write: a write per blob costs more than git takes to answer it. */
  flush(): void {
    if (this.unsent.length === 0) return;
    this.child.stdin.write(`${this.unsent.join('\n')}\n`);
    this.unsent = [];
  }

  /** Ends the requests and returns every blob's result by blob id. */
  async close(): Promise<Map<string, T>> {
    this.flush();
    this.child.stdin.end();
    const exit = await this.exit;
    if (exit.code !== 0) throw gitFailed('git cat-file --batch', exit);
    if (this.failure) throw this.failure;
    if (this.queueHead !== this.queue.length || this.buffered > 0) {
      throw new ExternalError(`git cat-file --batch stopped before answering ${this.queue.length - this.queueHead} blob(s)`);
    }
    return this.results;
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.size < 0) {
        if (!this.readHeader()) return;
      } else {
        // The blob's bytes and the newline git writes after them.
        if (this.buffered < this.size + 1) return;
        const data = this.take(this.size + 1);
        const blob = this.queue[this.queueHead++] ?? '';
        this.size = -1;
        this.record(blob, () => this.read(data.toString('utf8', 0, data.length - 1)));
      }
    }
  }

  /** Reads `<id> blob <size>` (or `<id> missing`) when a whole line is buffered. */
  private readHeader(): boolean {
    const joined = this.take(this.buffered);
    const newline = joined.indexOf(10);
    if (newline === -1) {
      this.putBack(joined);
      return false;
    }
    const [id = '', type = '', size = ''] = joined.toString('utf8', 0, newline).split(' ');
    this.putBack(joined.subarray(newline + 1));
    if (type === 'blob') {
      this.size = Number(size);
      return true;
    }
    this.queueHead++;
    this.failure ??= new ExternalError(`git cat-file could not read blob ${id}: ${type}`);
    return true;
  }

  private record(blob: string, produce: () => T): void {
    try {
      this.results.set(blob, produce());
    } catch (error) {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Removes and returns the first `count` buffered bytes. */
  private take(count: number): Buffer {
    const all = this.chunks.length === 1 ? (this.chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(this.chunks);
    this.putBack(all.subarray(count));
    return all.subarray(0, count);
  }

  private putBack(rest: Buffer): void {
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
  }
}
