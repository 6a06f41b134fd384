import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import * as z from 'zod';
import { ExternalError } from '../errors.js';
import { isNotFound } from '../fs-errors.js';
import type { LlmRequest, LlmResponse } from '../llm/types.js';
import type { ProviderType } from '../schema/provider.js';

// The callback API, promisified: fs/promises opens a FileHandle per write, which
// cost about a third more CPU per entry in bench/eval.js.
const readFile = promisify(fs.readFile);
const writeFile = promisify(fs.writeFile);
const rename = promisify(fs.rename);
const mkdir = promisify(fs.mkdir);
const rm = promisify(fs.rm);

/** Bump when the entry format or the key's inputs change meaning. */
const CACHE_VERSION = 1;

/** Everything that decides a model's answer, and nothing secret: no API key, no provider name. */
export interface CacheKeyInput {
  providerType: ProviderType;
  baseURL: string | null;
  request: LlmRequest;
  /** A repeated case is a new sample, not the same answer again. */
  repeat: number;
}

export function cacheKey(input: CacheKeyInput): string {
  const { providerType, baseURL, request, repeat } = input;
  return createHash('sha256')
    .update(canonicalJson({ v: CACHE_VERSION, providerType, baseURL, repeat, ...request }))
    .digest('hex');
}

/** JSON with object keys sorted, so `params` written in another order hit the same entry. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    // Most objects of a request are in order already (`{ content, role }`, one-key params): no copy for them.
    const keys = Object.keys(v);
    if (keys.every((k, i) => i === 0 || keys[i - 1]! < k)) return v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/** An `LlmResponse` as stored on disk (the cache, and eval part files). */
export const CachedResponse = z.object({
  text: z.string(),
  toolCalls: z.array(z.object({ name: z.string(), arguments: z.unknown() })),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number() }),
  latencyMs: z.number(),
  finishReason: z.string(),
  batch: z.boolean().optional(),
});

/**
 * Temporary names: drawn once per thread, then counted. A pid is not enough to
 * set processes apart (two containers, each pid 1, can share a cache volume),
 * and drawing per entry cost more CPU in bench/eval.js.
 */
let written = 0;
let drawn: string | undefined;

const Entry = z.object({ version: z.literal(CACHE_VERSION), key: z.string(), response: CachedResponse });

/**
 * Model answers on disk, one JSON file per key: `<dir>/<key>.json`.
 * Each is written to a temporary name and renamed, so an interrupted run
 * leaves only whole entries. Failed calls are not cached: they run again.
 */
export class ResponseCache {
  /** Created on the first write; one `mkdir` per run, not one per entry (it showed in bench/eval.js profiles). */
  private created: Promise<unknown> | undefined;

  /** `redact` scrubs every secret the run read from what is stored: a model that echoes a key must not leave it on disk. */
  constructor(
    readonly dir: string,
    private readonly redact: (text: string) => string = (text) => text,
  ) {}

  /** The stored answer; undefined when absent or unreadable (a damaged entry is a miss, then rewritten). */
  async get(key: string): Promise<LlmResponse | undefined> {
    let raw: string;
    try {
      raw = await readFile(this.path(key), 'utf8');
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw new ExternalError(`cannot read the eval cache in ${this.dir}`, { cause: err, hint: 'check the permissions of spec.eval.cacheDir' });
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return undefined;
    }
    const entry = Entry.safeParse(data);
    if (!entry.success || entry.data.key !== key) return undefined;
    return entry.data.response;
  }

  async put(key: string, response: LlmResponse): Promise<void> {
    const file = this.path(key);
    const tmp = `${file}.${(drawn ??= randomBytes(8).toString('hex'))}.${++written}.tmp`;
    try {
      this.created ??= mkdir(this.dir, { recursive: true });
      await this.created;
      await writeFile(tmp, this.redact(`${JSON.stringify({ version: CACHE_VERSION, key, response }, null, 2)}\n`));
      await rename(tmp, file);
    } catch (err) {
      // Best effort: the error worth reporting is the write's, not the clean-up's.
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new ExternalError(`cannot write the eval cache in ${this.dir}`, { cause: err, hint: 'check the free space and permissions of spec.eval.cacheDir' });
    }
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}
