/** Worker thread entry: claims chunks of files from the shared counter and posts back what it parsed. */
import { parentPort, workerData } from 'node:worker_threads';
import { claimChunks } from './parse-files.js';
const { root, files, counter } = workerData;
claimChunks(counter, root, files, (message) => parentPort.postMessage(message));
parentPort.postMessage({ done: true });
