import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalError, UsageError } from '../../src/errors.js';
import { diffEntries } from '../../src/sync/diff.js';
import { httpTarget } from '../../src/sync/http-target.js';
import { runSync } from '../../src/sync/run.js';
import type { SyncTarget as SyncTargetConfig } from '../../src/schema/index.js';
import { FakeRuntime } from '../fakes/runtime-server.js';
import { bundleFrom, sampleFiles } from './fixtures.js';

const TOKEN = 'rt-secret-token';
const FAST = { timeoutMs: 300, retries: 2, backoffMs: 5 };

let runtime: FakeRuntime;
let config: Extract<SyncTargetConfig, { type: 'http' }>;
beforeEach(async () => {
  runtime = await FakeRuntime.start({ token: TOKEN });
  config = { name: 'runtime', type: 'http', url: runtime.url, tokenEnv: 'RUNTIME_TOKEN' };
});
afterEach(() => runtime.close());

const target = (env: Record<string, string> = { RUNTIME_TOKEN: TOKEN }, http = FAST) => httpTarget(config, { root: '/nowhere', env, http });
const sync = (prune = false) => {
  const t = target();
  return runSync([{ config, target: t }], bundleFrom(sampleFiles()), { dryRun: false, prune });
};

describe('http target', () => {
  it('creates the state on an empty runtime with a bearer token, then sends nothing when it already matches', async () => {
    const [first] = await sync();
    expect(first).toMatchObject({ written: true, counts: { created: 3, updated: 0, unchanged: 0, pruned: 0 } });
    const put = runtime.requested('PUT')[0]!;
    expect(put.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(put.headers['content-type']).toBe('application/json');
    expect(put.headers['if-match']).toBeUndefined();
    expect(JSON.parse(put.body)).toEqual(bundleFrom(sampleFiles()));

    const [second] = await sync();
    expect(second).toMatchObject({ written: false, drift: false, counts: { unchanged: 3 } });
    expect(runtime.requested('PUT')).toHaveLength(1);
    expect(runtime.requested('GET')).toHaveLength(2);
  });

  it('reports drift made on the runtime, repairs it with a PUT conditional on the ETag, and keeps or prunes extras', async () => {
    await sync();
    const held = JSON.parse(runtime.stored!);
    held.agents['support-triage'].rollout.weight = 50;
    held.agents['hand-made'] = { model: { provider: 'x', type: 'openai', name: 'y', params: {} }, instructions: '' };
    runtime.setStored(held);

    const t = target();
    const diff = diffEntries(await t.read(), t.render(bundleFrom(sampleFiles())).entries, false);
    expect(diff.agents.filter((a) => a.action !== 'unchanged')).toEqual([
      { name: 'support-triage', action: 'updated', changes: [{ path: 'rollout.weight', before: 50, after: 10 }] },
      { name: 'hand-made', action: 'extra', changes: [] },
    ]);

    await sync();
    expect(runtime.requested('PUT').at(-1)!.headers['if-match']).toBe('"v2"');
    expect(Object.keys(JSON.parse(runtime.stored!).agents)).toContain('hand-made');
    const [pruned] = await sync(true);
    expect(pruned!.counts.pruned).toBe(1);
    expect(Object.keys(JSON.parse(runtime.stored!).agents)).toEqual(['docs-search', 'report-writer', 'support-triage']);
  });

  it('does not overwrite a change made between its GET and its PUT (412)', async () => {
    await sync();
    const t = target();
    await t.read();
    const concurrent = { bundleVersion: 1, revision: { commit: 'other', dirty: false }, agents: {} };
    runtime.setStored(concurrent);
    await expect(t.write(new Map(), bundleFrom(sampleFiles()))).rejects.toMatchObject({ details: { status: 412 } });
    expect(JSON.parse(runtime.stored!)).toEqual(concurrent);
  });

  it('retries 500 and timeouts with backoff until the runtime answers', async () => {
    runtime.fail('GET', { status: 500 }, 1);
    runtime.fail('GET', { hang: true }, 1);
    runtime.fail('PUT', { status: 503, headers: { 'retry-after': '0' } }, 2);
    const [report] = await sync();
    expect(report!.written).toBe(true);
    expect(runtime.requested('GET')).toHaveLength(3);
    expect(runtime.requested('PUT')).toHaveLength(3);
    expect(runtime.stored).toBeDefined();
  });

  it('gives up after the retries with the status kept, and never retries a 401', async () => {
    runtime.fail('GET', { status: 500 }, 3);
    const failed = await sync().catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ExternalError);
    expect((failed as ExternalError).details.status).toBe(500);
    expect(runtime.requested('GET')).toHaveLength(3);

    const denied = await runSync([{ config, target: target({ RUNTIME_TOKEN: 'wrong' }) }], bundleFrom(sampleFiles()), { dryRun: false, prune: false }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(ExternalError);
    expect((denied as ExternalError).details).toMatchObject({ status: 401, hint: expect.stringMatching(/RUNTIME_TOKEN/) });
    expect(runtime.requested('GET')).toHaveLength(4);
    expect(String((denied as Error).message)).not.toContain('wrong');
  });

  it('reports a runtime that never answers as a timeout after every attempt', async () => {
    runtime.fail('GET', { hang: true }, 10);
    const started = Date.now();
    const error = await target(undefined, { timeoutMs: 100, retries: 1, backoffMs: 5 }).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalError);
    expect((error as Error).message).toMatch(/timed out after 100 ms \(2 attempts\)/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses to start without the token variable, and refuses an answer that is not a bundle', async () => {
    expect(() => target({})).toThrow(UsageError);
    runtime.setStored({ hello: 'world' });
    await expect(target().read()).rejects.toThrow(/does not hold a modelshift bundle/);
  });

  it('leaves credentials in the URL out of what it shows', () => {
    const withUser = httpTarget({ ...config, url: runtime.url.replace('http://', 'http://deploy:hunter2@') }, { root: '/', env: { RUNTIME_TOKEN: TOKEN }, http: FAST });
    expect(withUser.location).not.toContain('hunter2');
  });
});
