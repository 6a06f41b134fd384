import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ReadResult } from './read-files.js';

/** A listing for the second thread to read, chunk by chunk, from a counter both threads take chunks from. */
export interface ReadJob {
  root: string;
  files: readonly string[];
  /** spec.ignore: the thread builds its own filter from it (a function cannot be sent). */
  ignore: readonly string[];
  /** The pre-filter's source; it runs over the bytes read as latin1. */
  pattern: string;
  /** One Int32: the start of the next chunk to take. The first chunk is the thread's: it starts at CHUNK. */
  counter: SharedArrayBuffer;
}

/** What the thread read in the chunk starting at `from`. */
export interface ChunkRead extends ReadResult {
  from: number;
}

export interface ThreadRead {
  /** The chunks the thread has read since the last call, taken without waiting (this thread may be busy reading). */
  received(): ChunkRead[];
  /** Settles when the thread has read its last chunk of the job; rejects when it failed. */
  finished: Promise<void>;
}

/**
 * A worker thread that reads chunks of listings (read-worker.ts) while this thread reads and
 * scans its own. Each chunk it reads comes back on a port of its own, so that this thread,
 * busy in synchronous reading, can take them between its chunks (`receiveMessageOnPort`)
 * and scan them while the worker goes on reading; only "job done" comes as an event.
 */
export class ReadingThread {
  readonly #worker: Worker;
  readonly #chunks: MessagePort;
  readonly #failed: Promise<never>;
  readonly #done = new Map<number, () => void>();
  #jobs = 0;

  /**
   * A thread when this machine has a second core and the worker exists as compiled
   * JavaScript next to this module; elsewhere (the bundled Action, tests run from source) none.
   */
  static start(): ReadingThread | undefined {
    if (availableParallelism() < 2) return undefined;
    const url = new URL(WORKER, import.meta.url);
    return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? new ReadingThread(url) : undefined;
  }

  private constructor(url: URL) {
    const { port1, port2 } = new MessageChannel();
    this.#worker = new Worker(url, { workerData: { chunks: port2 }, transferList: [port2] });
    this.#chunks = port1;
    this.#failed = new Promise<never>((_, reject) => {
      this.#worker.once('error', reject);
      this.#worker.once('exit', (code) => reject(new Error(`the reading thread exited with ${code}`)));
    });
    this.#failed.catch(() => undefined); // each job's `finished` carries it to whoever waits
    this.#worker.on('message', (job: number) => this.#done.get(job)?.());
  }

  read(job: ReadJob): ThreadRead {
    const id = ++this.#jobs;
    const finished = Promise.race([new Promise<void>((resolve) => this.#done.set(id, resolve)), this.#failed]);
    this.#worker.postMessage({ ...job, id });
    return {
      finished,
      received: () => {
        const chunks: ChunkRead[] = [];
        for (let next = receiveMessageOnPort(this.#chunks); next; next = receiveMessageOnPort(this.#chunks)) chunks.push(next.message as ChunkRead);
        return chunks;
      },
    };
  }

  close(): void {
    this.#chunks.close();
    void this.#worker.terminate();
  }
}

/** Named apart from `new URL(…)` so that bundlers leave it alone (the bundle reads on one thread). */
const WORKER = './read-worker.js';
