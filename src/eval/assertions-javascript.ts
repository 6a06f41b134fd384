import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JavascriptAssertion } from './assertions.js';
import { AssertionError } from './assertions.js';
import type { AssertionResult } from './types.js';

/** A check gets this long unless its assertion says `timeoutMs`. */
export const DEFAULT_SCRIPT_TIMEOUT_MS = 5_000;

/** What a check module's default export receives as its second argument (plain data, copied into the worker). */
export interface ScriptContext {
  suite: string;
  case: string;
  input?: string;
  messages: { role: string; content: string }[];
  toolCalls: { name: string; arguments: unknown }[];
  finishReason: string;
  latencyMs: number;
  usage: { inputTokens: number; outputTokens: number };
  agent: string;
  model: string;
}

// Runs inside the worker: loads the module once, then answers one call at a time.
// CommonJS because `eval: true` workers are; the check itself is imported as ESM.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let loaded;
parentPort.on('message', async ({ output, context }) => {
  try {
    loaded ??= import(workerData.url);
    const mod = await loaded;
    const fn = typeof mod.default === 'function' ? mod.default : undefined;
    if (!fn) throw new Error('the module has no default export function; write export default (output, context) => ...');
    parentPort.postMessage({ ok: true, value: await fn(output, context) });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
`;

interface Answer {
  ok: boolean;
  value?: unknown;
  message?: string;
}

/**
 * Runs `javascript` assertions, each call in a worker thread with a timeout:
 * a check that hangs is stopped (its worker terminated) and the case becomes
 * an error, so it cannot stall the run. Idle workers are kept per module and
 * reused; `close()` ends them all.
 */
export class ScriptRunner {
  private readonly idle = new Map<string, Worker[]>();
  private readonly busy = new Set<Worker>();

  /** `file` is absolute: the workspace loader resolved it against the suite file. */
  async run(assertion: JavascriptAssertion, output: string, context: ScriptContext): Promise<AssertionResult> {
    const timeoutMs = assertion.timeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS;
    const worker = this.idle.get(assertion.file)?.pop() ?? this.spawn(assertion.file);
    this.busy.add(worker);
    let answer: Answer;
    try {
      answer = await ask(worker, { output, context }, timeoutMs);
    } catch (error) {
      this.busy.delete(worker);
      await worker.terminate();
      throw new AssertionError(`javascript ${assertion.file}: ${(error as Error).message}`);
    }
    this.busy.delete(worker);
    const list = this.idle.get(assertion.file) ?? [];
    list.push(worker);
    this.idle.set(assertion.file, list);
    if (!answer.ok) throw new AssertionError(`javascript ${assertion.file} threw: ${answer.message ?? 'unknown error'}`);
    return verdict(assertion.file, answer.value);
  }

  async close(): Promise<void> {
    const all = [...this.busy, ...[...this.idle.values()].flat()];
    this.idle.clear();
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(file: string): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { url: pathToFileURL(file).href },
      // A runaway check should not take the whole machine's memory with it.
      resourceLimits: { maxOldGenerationSizeMb: 256 },
      // A check's console output must not land in the command's stdout (it may be --format json): drain and drop it.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    // Idle workers must not keep the process alive; a call in flight has its timer for that.
    worker.unref();
    return worker;
  }
}

function ask(worker: Worker, message: unknown, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (answer: Answer): void => {
      done();
      resolve(answer);
    };
    const onError = (error: Error): void => {
      done();
      reject(new Error(`crashed: ${error.message}`));
    };
    const onExit = (code: number): void => {
      done();
      reject(new Error(`the worker exited with code ${code}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms; make the check faster or raise timeoutMs`));
    }, timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}

/** `true`/`false`, or `{ pass, score?, reason? }`; anything else is the check's bug, reported as an error. */
function verdict(file: string, value: unknown): AssertionResult {
  if (typeof value === 'boolean') return { type: 'javascript', pass: value, reason: `${shortName(file)} returned ${value}` };
  if (typeof value === 'object' && value !== null && typeof (value as { pass?: unknown }).pass === 'boolean') {
    const { pass, score, reason } = value as { pass: boolean; score?: unknown; reason?: unknown };
    const text = typeof reason === 'string' && reason ? reason : `${shortName(file)} returned pass: ${pass}`;
    return { type: 'javascript', pass, reason: text, ...(typeof score === 'number' && Number.isFinite(score) ? { score } : {}) };
  }
  throw new AssertionError(`javascript ${file} returned ${JSON.stringify(value) ?? String(value)}; return true, false or { pass, score?, reason? }`);
}

function shortName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
