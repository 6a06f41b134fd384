import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, canonicalJson, ResponseCache, type CacheKeyInput } from '../../src/eval/cache.js';
import { ExternalError } from '../../src/errors.js';
import { response } from './fixtures.js';

const input: CacheKeyInput = {
  providerType: 'openai',
  baseURL: 'https://api.openai.com/v1',
  repeat: 1,
  request: { model: 'gpt-4.1', instructions: 'Be brief.', messages: [{ role: 'user', content: 'hi' }], params: { temperature: 0.2, max_tokens: 800 } },
};

describe('cacheKey', () => {
  it('ignores key order in params but not their values', () => {
    const reordered = { ...input, request: { ...input.request, params: { max_tokens: 800, temperature: 0.2 } } };
    expect(cacheKey(reordered)).toBe(cacheKey(input));
    expect(cacheKey({ ...input, request: { ...input.request, params: { max_tokens: 801, temperature: 0.2 } } })).not.toBe(cacheKey(input));
  });

  it('changes with everything that changes the answer', () => {
    const variants: CacheKeyInput[] = [
      { ...input, repeat: 2 },
      { ...input, baseURL: 'http://localhost:8080/v1' },
      { ...input, providerType: 'azure-openai' },
      { ...input, request: { ...input.request, model: 'gpt-5.1' } },
      { ...input, request: { ...input.request, instructions: 'Be verbose.' } },
      { ...input, request: { ...input.request, messages: [{ role: 'user', content: 'hello' }] } },
      { ...input, request: { ...input.request, tools: [{ name: 't' }] } },
      { ...input, request: { ...input.request, responseFormat: { type: 'json_object' } } },
    ];
    const keys = new Set([cacheKey(input), ...variants.map(cacheKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });

  it('sorts nested object keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"e":2,"f":1}]},"b":1}');
  });
});

describe('ResponseCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modelshift-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('stores and reads back an answer, leaving no temporary files', async () => {
    const cache = new ResponseCache(dir);
    const key = cacheKey(input);
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, response('hello', { toolCalls: [{ name: 't', arguments: { a: 1 } }] }));
    expect(await cache.get(key)).toEqual(response('hello', { toolCalls: [{ name: 't', arguments: { a: 1 } }] }));
    expect(await readdir(dir)).toEqual([`${key}.json`]);
  });

  it('treats a damaged or foreign entry as a miss', async () => {
    const cache = new ResponseCache(dir);
    const key = cacheKey(input);
    await cache.put(key, response('x'));
    await writeFile(join(dir, `${key}.json`), '{"version": 1, "key": "');
    expect(await cache.get(key)).toBeUndefined();
    await writeFile(join(dir, `${key}.json`), JSON.stringify({ version: 1, key: 'other', response: response('x') }));
    expect(await cache.get(key)).toBeUndefined();
  });

  it('on a folder not made yet, misses, then reads back what it wrote', async () => {
    const cache = new ResponseCache(join(dir, 'new', 'cache'));
    const [a, b] = [cacheKey(input), cacheKey({ ...input, repeat: 2 })];
    expect(await cache.get(a)).toBeUndefined();
    await cache.put(a, response('first'));
    expect(await cache.get(a)).toEqual(response('first'));
    expect(await cache.get(b)).toBeUndefined();
    expect(await readdir(join(dir, 'new', 'cache'))).toEqual([`${a}.json`]);
  });

  it('reports a cache it cannot read as an outside-world error', async () => {
    await writeFile(join(dir, 'a-file'), 'x');
    const cache = new ResponseCache(join(dir, 'a-file', 'cache'));
    await expect(cache.get(cacheKey(input))).rejects.toThrow(ExternalError);
  });

  it('reports a cache it cannot write as an outside-world error', async () => {
    await writeFile(join(dir, 'a-file'), 'x');
    const cache = new ResponseCache(join(dir, 'a-file', 'cache'));
    await expect(cache.put(cacheKey(input), response('x'))).rejects.toThrow(ExternalError);
  });
});
