import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { migrationPr, pinnedExamples, pullRequestPayload, runAction, type PullRequestFixture } from './harness.js';

const SECRET = 'sk-planted-shards-9f8e7d6c5b4a';
const GOOD = 'Sorry about that! A specialist colleague from our team will resend the refund for order 1182, 2231, 5510, 9001 and 7781. Check spam. Safari noted.';

let github: FakeGitHub;
let openai: FakeLlmServer;
let fixture: PullRequestFixture;
let parts: string;

beforeEach(async () => {
  github = await FakeGitHub.start({ login: 'github-actions[bot]' });
  github.addPull({ head: 'feature' });
  openai = await startOpenAiFake({
    apiKey: SECRET,
    responder: (req) => ({ type: 'message', text: (req.body as { model?: string }).model === 'gpt-4.1' ? GOOD : 'No idea.', usage: { input: 100, output: 20 } }),
  });
  const files = await pinnedExamples();
  files['providers/openai.yaml'] = files['providers/openai.yaml']!.replace('  type: openai\n', `  type: openai\n  baseURL: ${openai.baseURL}\n`);
  fixture = await migrationPr(files);
  parts = await mkdtemp(path.join(tmpdir(), 'modelshift-parts-'));
});
afterEach(async () => {
  await github.close();
  await openai.close();
  await fixture.repo.cleanup();
  await rm(parts, { recursive: true, force: true });
});

const check = (inputs: Record<string, string>, key = true) =>
  runAction({
    inputs: { 'github-token': github.token, ...inputs },
    workspace: fixture.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestPayload({ base: fixture.base, head: fixture.head }),
    env: { GITHUB_API_URL: github.url, ...(key ? { OPENAI_API_KEY: SECRET } : {}) },
  });

/** The comment without its last line (calls made vs answers from the cache differ between the runs). */
// The merge job computes the verdict later than the unsharded run: the marker's evaluatedAt differs, the verdict must not.
const withoutCallCount = (body: string) =>
  body.replace(/<sub>\d+ calls · \d+ answers from cache[^<]*<\/sub>/g, '<sub>…</sub>').replace(/,"evaluatedAt":"[^"]*"/, '');

describe('mode: check on a matrix: shard jobs, then a merge job', () => {
  it('the merge job comments exactly what the unsharded check says, with the same gate', async () => {
    const whole = await check({});
    expect(whole.outputs.gate).toBe('failed');
    const unsharded = github.commentsOn(1)[0]!.body;

    for (const k of [1, 2, 3]) {
      const shard = await check({ shard: `${k}/3`, 'eval-parts': parts });
      expect(shard.stderr).toBe('');
      // A shard sees part of the evals: it neither fails on the gate nor comments.
      expect(shard.code).toBe(0);
      expect(shard.outputs['eval-parts']).toBe(parts);
      expect(github.commentsOn(1)).toHaveLength(1);
    }
    expect((await readdir(parts)).sort()).toEqual(['gpt-4.1-to-gpt-5.1.part-1-of-3.json', 'gpt-4.1-to-gpt-5.1.part-2-of-3.json', 'gpt-4.1-to-gpt-5.1.part-3-of-3.json']);

    const calls = openai.requests.length;
    // The merge job needs no key: it calls no model.
    const merge = await check({ 'eval-parts': parts }, false);
    expect(openai.requests).toHaveLength(calls);
    expect(merge.code).toBe(whole.code);
    expect(merge.outputs).toMatchObject({ gate: 'failed', valid: 'true', 'eval-parts': parts });
    expect(withoutCallCount(github.commentsOn(1)[0]!.body)).toBe(withoutCallCount(unsharded));
  });

  it('the merge job fails clearly when a shard is missing', async () => {
    await check({ shard: '1/2', 'eval-parts': parts });
    const merge = await check({ 'eval-parts': parts }, false);
    expect(merge.code).toBe(1);
    expect(merge.outputs.gate).toBe('failed');
    expect(github.commentsOn(1)[0]!.body).toMatch(/shard 2 of 2 missing/);
  });
});
