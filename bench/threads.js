// bench/threads: how much sooner two threads parse YAML than one on this
// machine. The same 2,000 agent files are parsed twice each (parse + toJS,
// as a verified rewrite does) by one thread, then split between the main
// thread and a worker; the ratio bounds what any parallel plan or validate
// can gain here (2.0 on two real cores, less where they share one core's units).
//   node bench/threads.js [files] [rounds]
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { parseDocument } from 'yaml';

const work = (texts) => {
  const start = performance.now();
  for (const text of texts) {
    parseDocument(text).toJS();
    parseDocument(text).toJS();
  }
  return performance.now() - start;
};

if (!isMainThread) {
  parentPort.on('message', (texts) => parentPort.postMessage(work(texts)));
} else {
  const { generateWorkspace } = await import('./generate.js');
  const count = Number(process.argv[2] ?? 2000);
  const rounds = Number(process.argv[3] ?? 5);
  const root = await mkdtemp(path.join(os.tmpdir(), 'modelshift-bench-threads-'));
  await generateWorkspace(root, { agents: count, sourceEvery: 5 });
  const files = (await readdir(path.join(root, 'agents'), { recursive: true })).filter((f) => f.endsWith('.yaml'));
  const texts = await Promise.all(files.map((f) => readFile(path.join(root, 'agents', f), 'utf8')));
  const worker = new Worker(new URL(import.meta.url));
  const inWorker = (part) => new Promise((resolve) => { worker.once('message', resolve); worker.postMessage(part); });
  const half = texts.length >> 1;
  const one = [];
  const two = [];
  work(texts); // warm both threads' code the same way
  await inWorker(texts);
  for (let round = 0; round < rounds; round++) {
    one.push(work(texts));
    const start = performance.now();
    await Promise.all([inWorker(texts.slice(half)), Promise.resolve().then(() => work(texts.slice(0, half)))]);
    two.push(performance.now() - start);
  }
  await worker.terminate();
  await rm(root, { recursive: true, force: true });
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(`${texts.length} files, ${rounds} rounds, load ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
  console.log(`one thread  median ${median(one).toFixed(0)} ms  [${one.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`two threads median ${median(two).toFixed(0)} ms  [${two.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`speed-up of a second thread: ${(median(one) / median(two)).toFixed(2)}x (2.00 on two independent cores)`);
}
