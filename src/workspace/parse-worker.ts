/** Worker thread entry: claims chunks of files from the shared counter and posts back what it parsed. */
import { parentPort, workerData } from 'node:worker_threads';
import { claimChunks, type WorkerInput } from './parse-files.js';

claimChunks(workerData as WorkerInput, (message) => parentPort!.postMessage(message));
parentPort!.postMessage({ done: true });
