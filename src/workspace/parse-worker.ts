/** Worker thread entry: waits for its files, claims chunks of them from the shared counter and posts back what it parsed. */
import { parentPort } from 'node:worker_threads';
import { claimChunks, loadPlanner, type WorkerInput } from './parse-files.js';

parentPort!.once('message', async (input: WorkerInput) => {
  const planner = input.planning && (await loadPlanner(input.planning));
  claimChunks(input, (message) => parentPort!.postMessage(message), planner);
  parentPort!.postMessage({ done: true });
});
