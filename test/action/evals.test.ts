import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { migrationPr, pinnedExamples, pullRequestPayload, runAction, type ActionRun, type PullRequestFixture } from './harness.js';

const SECRET = 'sk-planted-9f8e7d6c5b4a3210';
/** gpt-4.1 answers what the support suite asks for; gpt-5.1 answers with markup that must not render. */
const GOOD = 'Sorry about that! A specialist colleague from our team will resend the refund for order 1182, 2231, 5510, 9001 and 7781. Check spam. Safari noted.';
const HOSTILE = '</pre><script>alert(1)</script> @acme/all **nothing to see**';

let github: FakeGitHub;
let openai: FakeLlmServer;
let fixture: PullRequestFixture;

beforeEach(async () => {
  github = await FakeGitHub.start({ login: 'github-actions[bot]' });
  github.addPull({ head: 'feature' });
  openai = await startOpenAiFake({
    apiKey: SECRET,
    responder: (req) => ({ type: 'message', text: (req.body as { model?: string }).model === 'gpt-4.1' ? GOOD : HOSTILE, usage: { input: 100, output: 20 } }),
  });
  const files = await pinnedExamples();
  // The base branch's provider points at the fake: evals use the base's connections, whatever the PR says.
  files['providers/openai.yaml'] = files['providers/openai.yaml']!.replace('  type: openai\n', `  type: openai\n  baseURL: ${openai.baseURL}\n`);
  fixture = await migrationPr(files);
});
afterEach(async () => {
  await github.close();
  await openai.close();
  await fixture.repo.cleanup();
});

const check = (inputs: Record<string, string> = {}) =>
  runAction({
    inputs: { 'github-token': github.token, ...inputs },
    workspace: fixture.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestPayload({ base: fixture.base, head: fixture.head }),
    env: { GITHUB_API_URL: github.url, OPENAI_API_KEY: SECRET },
  });

/** Everything a run or the fake GitHub received that a reader could see, the `::add-mask::` command itself aside. */
function visible(run: ActionRun): string {
  const stdout = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
  return [stdout, run.stderr, JSON.stringify(run.outputs), run.summary, JSON.stringify(github.requests.map((r) => r.body)), ...github.comments.map((c) => c.body)].join('\n');
}

describe('mode: check with evals', () => {
  it('runs the evals when the key is set, fails on the gate, escapes model outputs and never shows the key', async () => {
    const run = await check();

    expect(run.stdout).toContain(`::add-mask::${SECRET}`);
    expect(visible(run)).not.toContain(SECRET);
    const calls = openai.requests.map((r) => r.body as { model: string; temperature?: number; max_completion_tokens?: number });
    expect(new Set(calls.map((c) => c.model))).toEqual(new Set(['gpt-4.1', 'gpt-5.1']));
    expect(calls.filter((c) => c.model === 'gpt-5.1').every((c) => c.temperature === undefined && c.max_completion_tokens !== undefined)).toBe(true);
    expect(openai.requests.every((r) => r.headers.authorization === `Bearer ${SECRET}`)).toBe(true);

    expect(run.code).toBe(1);
    // `%` is `%25` in a workflow command.
    expect(run.stdout).toMatch(/^::error::the eval gate failed: support-escalation: pass rate \d+\.\d%25 is below the minimum 85\.0%25; .*; and \d+ more \(see the job summary\)$/m);
    expect(run.outputs).toMatchObject({ valid: 'true', gate: 'failed', 'agents-changed': '3' });
    const body = github.commentsOn(1)[0]!.body;
    expect(body).toMatch(/\*\*3 agents migrate gpt-4\.1 → gpt-5\.1 · 3 skipped · pass rate 100% → \d+% · cost [−+±]\d+% · p95 latency [^*]+\*\*/);
    expect(body).toContain('❌ **Gate failed**');
    expect(body).toContain('#### Evals: gpt-4.1-to-gpt-5.1');
    // The hostile reply, shown as text inside the regression's <pre>.
    expect(body).toContain('<pre>&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt; @\u200dacme/all **nothing to see**</pre>');
    expect(body).not.toContain('<script>');
  });

  it('reports the failed gate but passes the step with fail-on: never', async () => {
    const run = await check({ 'fail-on': 'never' });
    expect(run.code).toBe(0);
    expect(run.outputs.gate).toBe('failed');
    expect(github.commentsOn(1)[0]!.body).toContain('❌ **Gate failed**');
  });

  it('fails with eval: always when a key is missing, and skips with eval: never', async () => {
    const withoutKey = (inputs: Record<string, string>) =>
      runAction({
        inputs: { 'github-token': github.token, ...inputs },
        workspace: fixture.repo.dir,
        eventName: 'pull_request',
        payload: pullRequestPayload({ base: fixture.base, head: fixture.head }),
        env: { GITHUB_API_URL: github.url },
      });
    const always = await withoutKey({ eval: 'always' });
    expect(always.code).toBe(1);
    expect(always.outputs.gate).toBe('failed');
    expect(always.stdout).toMatch(/^::error::the eval gate failed: eval: always, but OPENAI_API_KEY is not set/m);

    const never = await withoutKey({ eval: 'never' });
    expect(never.code).toBe(0);
    expect(never.outputs.gate).toBe('skipped');
    expect(github.commentsOn(1)[0]!.body).toContain('⏭️ **Evals skipped**: evals are turned off (eval: never)');
    expect(openai.requests).toHaveLength(0);
  });

  it('keeps any 12-character stretch of the key out of the comment, summary, annotations and log, even when a model echoes part of it', async () => {
    // The new model regresses and echoes part of the key: its answer is shown in the comment, both outputs side by side.
    openai.setResponder((req) => ({
      type: 'message',
      text: (req.body as { model?: string }).model === 'gpt-4.1' ? GOOD : `I see the key ${SECRET.slice(3, 19)} in my context`,
      usage: { input: 100, output: 20 },
    }));
    const run = await check();
    const seen = visible(run);
    expect(github.commentsOn(1)).toHaveLength(1);
    const stretches = Array.from({ length: SECRET.length - 11 }, (_, i) => SECRET.slice(i, i + 12)).filter((part) => seen.includes(part));
    expect(stretches).toEqual([]);
    expect(seen).toContain('I see the key [redacted] in my context');
  });
});
