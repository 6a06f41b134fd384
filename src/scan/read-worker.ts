import { parentPort, workerData } from 'node:worker_threads';
import { listedFileFilter } from './paths.js';
import { CHUNK, readShare } from './read-files.js';

/**
 * A second thread reading candidates (files.ts): the first chunk is kept for it, then it
 * takes chunks from the counter it shares with the main thread.
 */
const { root, files, ignore, pattern, counter } = workerData as { root: string; files: string[]; ignore: string[]; pattern: string; counter: SharedArrayBuffer };
const shared = new Int32Array(counter);
let first = true;
const next = () => {
  if (!first) return Atomics.add(shared, 0, CHUNK);
  first = false;
  return 0;
};
parentPort!.postMessage(readShare(root, files, await listedFileFilter(ignore), new RegExp(pattern, 'm'), next));
