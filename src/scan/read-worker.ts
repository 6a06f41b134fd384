import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { listedFileFilter } from './paths.js';
import { CHUNK, chunkReader } from './read-files.js';
import type { ChunkRead, ReadJob } from './read-thread.js';

/**
 * The second reading thread (read-thread.ts): for each job, it reads the first chunk (kept
 * for it), then takes chunks from the counter it shares with the main thread, sending each
 * chunk's result on its own port as soon as it is read; then it says the job is done.
 */
const { chunks } = workerData as { chunks: MessagePort };
parentPort!.on('message', async (job: ReadJob & { id: number }) => {
  const read = chunkReader(job.root, await listedFileFilter(job.ignore), new RegExp(job.pattern, 'm'));
  const counter = new Int32Array(job.counter);
  for (let from = 0; from < job.files.length; from = Atomics.add(counter, 0, CHUNK)) {
    chunks.postMessage({ from, ...read(job.files, from) } satisfies ChunkRead);
  }
  parentPort!.postMessage(job.id);
});
