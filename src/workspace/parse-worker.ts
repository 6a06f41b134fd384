/** Worker thread entry: waits for its files, claims chunks of them from the shared counter and posts back what it parsed. */
import { parentPort } from 'node:worker_threads';
import { claimChunks, type WorkerInput } from './parse-files.js';

parentPort!.once('message', (input: WorkerInput) => {
  claimChunks(input, (message) => parentPort!.postMessage(message));
  parentPort!.postMessage({ done: true });
});
