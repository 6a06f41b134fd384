import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicFake } from '../fakes/anthropic-server.js';
import type { FakeLlmServer } from '../fakes/llm-http.js';
import { startOpenAiFake } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { until } from '../helpers/until.js';
import { answer, ANTHROPIC_KEY, batchWorkspace, KEYS, OPENAI_KEY } from './workspace.js';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/modelshift.js');

let openai: FakeLlmServer;
let anthropic: FakeLlmServer;
let repo: TestRepo;

beforeEach(async () => {
  // Batches that do not end until the test says so.
  openai = await startOpenAiFake({ apiKey: OPENAI_KEY, responder: answer, batch: { pollsUntilDone: 1_000_000 } });
  anthropic = await startAnthropicFake({ apiKey: ANTHROPIC_KEY, responder: answer, batch: { pollsUntilDone: 1_000_000 } });
  repo = await createTestRepo(batchWorkspace({ openai: openai.baseURL, anthropic: anthropic.baseURL }));
});
afterEach(async () => {
  await Promise.all([openai.close(), anthropic.close(), repo.cleanup()]);
});

describe('eval --batch after a kill', () => {
  it('resumes the pending batches instead of submitting again, and a run after completion makes no call', async () => {
    if (!existsSync(path.join(root, 'dist/src/cli.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
    const child = spawn(process.execPath, [bin, 'eval', 'to-claude', '--batch', '--format', 'json', '-C', repo.dir], {
      env: { PATH: process.env.PATH, ...KEYS, MODELSHIFT_BATCH_POLL_MS: '20' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Submitted and polled at both providers, nowhere near done: the process dies without a chance to clean up.
    await until(() => (openai.batches[0]?.polls ?? 0) >= 2 && (anthropic.batches[0]?.polls ?? 0) >= 2, 20_000, 'the child to poll both batches');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stderr).toContain('batch openai: submitted 3 requests in 1 batch (batch_1)');

    const pendingDir = path.join(repo.dir, '.cache/batches');
    const pending = (await readdir(pendingDir)).sort();
    expect(pending).toHaveLength(2);
    expect(pending.some((f) => f.startsWith('openai-'))).toBe(true);
    const record = JSON.parse(await readFile(path.join(pendingDir, pending.find((f) => f.startsWith('anthropic-'))!), 'utf8'));
    expect(record).toMatchObject({ provider: 'anthropic', providerType: 'anthropic', id: 'msgbatch_1' });
    expect(record.keys).toHaveLength(3);

    // The batches end two polls into the re-run.
    openai.setBatchOptions({ pollsUntilDone: openai.batches[0]!.polls + 2 });
    anthropic.setBatchOptions({ pollsUntilDone: anthropic.batches[0]!.polls + 2 });
    const rerun = await runCli(['eval', 'to-claude', '--batch', '--format', 'json'], repo.dir, KEYS);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toContain('batch openai: resumed 1 pending batch (batch_1)');
    const report = JSON.parse(rerun.stdout);
    expect(report.batch.map((b: { resumed: number; batches: string[]; answered: number }) => [b.resumed, b.batches, b.answered])).toEqual([
      [1, ['batch_1'], 3],
      [1, ['msgbatch_1'], 3],
    ]);
    expect(report.agents[0].head.passRate).toBeCloseTo(2 / 3, 12);
    // Exactly one submission per provider over both runs, and no online call.
    expect(openai.requests.filter((r) => r.method === 'POST' && r.path === '/v1/batches')).toHaveLength(1);
    expect(openai.requests.filter((r) => r.method === 'POST' && r.path === '/v1/files')).toHaveLength(1);
    expect(anthropic.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches')).toHaveLength(1);
    expect(openai.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
    expect(await readdir(pendingDir)).toEqual([]);

    const seen = { openai: openai.requests.length, anthropic: anthropic.requests.length };
    const third = await runCli(['eval', 'to-claude', '--batch', '--format', 'json'], repo.dir, KEYS);
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout)).toMatchObject({ calls: 0, cached: 6 });
    expect({ openai: openai.requests.length, anthropic: anthropic.requests.length }).toEqual(seen);
  }, 60_000);
});
