import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { migrationPr, pinnedExamples, pullRequestPayload, runAction, type PullRequestFixture } from './harness.js';

const SECRET = 'sk-planted-9f8e7d6c5b4a3210';
const HOSTILE = '<img src=x onerror=alert(1)> order 1182';

let github: FakeGitHub;
let openai: FakeLlmServer;
let fixture: PullRequestFixture;
let runnerTemp: string;

beforeEach(async () => {
  github = await FakeGitHub.start({ login: 'github-actions[bot]' });
  github.addPull({ head: 'feature' });
  openai = await startOpenAiFake({ apiKey: SECRET, responder: () => ({ type: 'message', text: HOSTILE, usage: { input: 100, output: 20 } }) });
  const files = await pinnedExamples();
  files['providers/openai.yaml'] = files['providers/openai.yaml']!.replace('  type: openai\n', `  type: openai\n  baseURL: ${openai.baseURL}\n`);
  fixture = await migrationPr(files);
  runnerTemp = await mkdtemp(join(tmpdir(), 'modelshift-runner-temp-'));
});
afterEach(async () => {
  await Promise.all([github.close(), openai.close(), fixture.repo.cleanup(), rm(runnerTemp, { recursive: true, force: true })]);
});

const check = (env: Record<string, string>) =>
  runAction({
    inputs: { 'github-token': github.token },
    workspace: fixture.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestPayload({ base: fixture.base, head: fixture.head }),
    env: { GITHUB_API_URL: github.url, OPENAI_API_KEY: SECRET, RUNNER_TEMP: runnerTemp, ...env },
  });

describe('mode: check writes the HTML eval report', () => {
  it('names the report it wrote in RUNNER_TEMP in the report-path output', async () => {
    const run = await check({});
    const path = join(runnerTemp, 'modelshift-eval-gpt-4.1-to-gpt-5.1.html');
    expect(run.outputs['report-path']).toBe(path);
    const html = await readFile(path, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>modelshift eval: gpt-4.1-to-gpt-5.1</title>');
    expect(html).toContain('id="verdict"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(SECRET);
  });

  it('leaves report-path empty when no eval ran', async () => {
    const run = await check({ OPENAI_API_KEY: '' });
    expect(run.outputs['report-path']).toBe('');
  });
});
