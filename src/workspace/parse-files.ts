import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ExternalError } from '../errors.js';
import type { ThreadPlanning } from '../plan/file-plan.js';
import { MAX_FILE_BYTES, parseFile, parseText, type CheckedFile, type ParsedFile, type Planner } from './parse-file.js';

/**
 * A worker takes ~100-150 ms to start (loading yaml and zod), the time to parse
 * ~400 files; below this many files per thread it does not pay off.
 */
export const MIN_FILES_PER_WORKER = 400;
const MAX_WORKERS = 8;
/** Files per claim: small enough to balance the threads, large enough that claiming is free. */
const CHUNK = 64;

/**
 * Built from a variable so bundlers leave it alone: a bundle (the Action) has
 * no worker script and parses on the main thread.
 */
const workerFile = ['parse-worker', 'js'].join('.');
const WORKER_URL = new URL(`./${workerFile}`, import.meta.url);

/** What a thread sends back for one file. */
export type SourceResult = CheckedFile | { file: string; readError: { code?: string; message: string } };

/** What each worker gets: the files, and the shared counter all threads claim chunks from. */
export interface WorkerInput {
  root: string;
  files: readonly string[];
  counter: Int32Array;
  planning?: ThreadPlanning;
  /** Texts already read and decoded, by the index of their file; the others are read here. */
  texts?: readonly (string | undefined)[];
}

export interface ChunkMessage {
  start: number;
  results: SourceResult[];
}

/**
 * Reads, parses and checks every file, on the main thread and as many worker
 * threads as the machine and the file count justify. Results keep the order of
 * `files`. An unreadable file stops the command (exit 2): it is not a problem
 * in the file but in the machine. `started`: workers started early for these files.
 */
export async function parseFiles(root: string, files: readonly string[], planning?: ThreadPlanning, texts?: readonly (string | undefined)[], started?: StartedWorkers): Promise<CheckedFile[]> {
  const results: (SourceResult | undefined)[] = new Array(files.length);
  let filled = 0;
  let allFilled: () => void = () => {};
  const done = new Promise<void>((resolve) => (allFilled = resolve));
  const store = ({ start, results: chunk }: ChunkMessage) => {
    chunk.forEach((r, i) => (results[start + i] = r));
    filled += chunk.length;
    if (filled === files.length) allFilled();
  };
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const pool = startWorkers({ root, files, counter, planning, texts }, store, started);
  const planner = planning && (await loadPlanner(planning));
  claimChunks({ root, files, counter, planning, texts }, store, planner);
  // Every chunk is claimed now; wait only for those a worker is still on. A worker
  // that has not even started (a busy machine) is not waited for.
  if (filled < files.length) await Promise.race([done, pool.settled]);
  await pool.terminate();
  // A worker that failed (e.g. a bundle without the worker script) leaves holes: fill them here.
  return results.map((result, i) => {
    const r = result ?? parseSource(root, files[i]!, planner, texts?.[i]);
    if ('readError' in r) {
      throw new ExternalError(`cannot read ${r.file}: ${r.readError.message}`, { hint: 'check the file permissions, or add the path to spec.ignore in modelshift.yaml', cause: r.readError });
    }
    return r;
  });
}

function workerCount(files: number): number {
  if (!existsSync(fileURLToPath(WORKER_URL))) return 0; // running from sources (tests) or a bundle
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(files / MIN_FILES_PER_WORKER) - 1, MAX_WORKERS));
}

/** A worker, and a promise that settles when it is done, failed or gone: watched from its start, so no end is missed. */
interface Started {
  worker: Worker;
  settled: Promise<void>;
}

/** Workers started before their files are known; `parseFiles` uses as many as its files justify and stops the rest. */
export interface StartedWorkers {
  started: Started[];
}

/**
 * Starts the workers that `files` files would justify, to be handed their
 * files later: a worker's start-up (~100-150 ms) then overlaps what the main
 * thread does meanwhile (planning reads every file to pick the candidates).
 * They do not keep the process alive until they get work.
 */
export function startWorkersEarly(files: number): StartedWorkers {
  return { started: Array.from({ length: workerCount(files) }, () => startWorker(true)) };
}

function startWorker(idle: boolean): Started {
  const worker = new Worker(WORKER_URL);
  if (idle) worker.unref();
  const settled = new Promise<void>((resolve) => {
    worker.on('message', (message: ChunkMessage | { done: true }) => {
      if ('done' in message) resolve();
    });
    // A failed worker's chunks are redone by the caller.
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
  return { worker, settled };
}

/** The workers, with a promise that settles when all of them are done or failed. */
function startWorkers(input: WorkerInput, store: (message: ChunkMessage) => void, early?: StartedWorkers): { settled: Promise<unknown>; terminate: () => Promise<unknown> } {
  const count = workerCount(input.files.length);
  const ready = early?.started.splice(0) ?? [];
  for (const spare of ready.splice(count)) void spare.worker.terminate();
  const pool = [...ready, ...Array.from({ length: count - ready.length }, () => startWorker(false))];
  for (const { worker } of pool) {
    worker.ref();
    worker.on('message', (message: ChunkMessage | { done: true }) => {
      if (!('done' in message)) store(message);
    });
    worker.postMessage(input);
  }
  return { settled: Promise.all(pool.map((p) => p.settled)), terminate: () => Promise.all(pool.map((p) => p.worker.terminate())) };
}

/** Claims chunks of `files` until none are left; every thread, the main one included, runs this. */
/** The planner for `planning`, loaded on first use. */
export async function loadPlanner(planning: ThreadPlanning): Promise<Planner> {
  const { planParsedFile } = await import('../plan/file-plan.js');
  return { planning, planFile: planParsedFile };
}

export function claimChunks({ root, files, counter, texts }: WorkerInput, emit: (message: ChunkMessage) => void, planner?: Planner): void {
  for (let start = Atomics.add(counter, 0, 1) * CHUNK; start < files.length; start = Atomics.add(counter, 0, 1) * CHUNK) {
    emit({ start, results: files.slice(start, start + CHUNK).map((file, i) => parseSource(root, file, planner, texts?.[start + i])) });
  }
}

/** One file, read and parsed; without the raw data, which the rest of the pipeline does not need. */
export function parseSource(root: string, file: string, planner?: Planner, text?: string): SourceResult {
  if (text !== undefined) return withoutData(parseText(file, text, planner));
  let source: { bytes: Uint8Array; size: number };
  try {
    source = readCapped(path.join(root, file));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { file, readError: { code, message } };
  }
  return withoutData(parseFile(file, source.bytes, source.size, planner));
}

function withoutData(parsed: ParsedFile): CheckedFile {
  return { ...parsed, docs: parsed.docs.map(({ data: _data, ...doc }) => doc) };
}

/** Reads at most one byte past the size limit: a 2 GiB file is reported, not loaded. */
function readCapped(file: string): { bytes: Uint8Array; size: number } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.allocUnsafe(Math.min(size, MAX_FILE_BYTES + 1));
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}
