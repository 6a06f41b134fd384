import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const KEY = 'sk-test-not-a-real-key-0123456789';

function files(baseURL: string): Record<string, string> {
  return {
    'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  eval: { cacheDir: .cache }\n',
    'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, baseURL: "${baseURL}", apiKeyEnv: OPENAI_API_KEY }\n`,
    'agents/triage.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: support-triage }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: |\n    Be verbose.\n',
    'agents/other.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: other }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: Hello.\n',
    'evals/tickets.yaml': `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: tickets }
spec:
  cases:
    - { name: refund, input: "I want a refund for order 12", assert: [{ type: contains, value: "12" }] }
    - { name: polite, input: "Hello", assert: [{ type: regex, value: "hello|hi", flags: i }] }
`,
    'migrations/m.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: to-5.1 }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  select: { names: [support-triage] }
  eval: { suites: [tickets], gate: { maxPassRateDrop: 0.1 } }
`,
  };
}

let fake: FakeLlmServer;
let repo: TestRepo;

beforeEach(async () => {
  // The old model answers well; the new one forgets the order number.
  fake = await startOpenAiFake({
    apiKey: KEY,
    responder: (req) => {
      const body = req.body as { model: string; messages: { content: string }[] };
      const last = body.messages.at(-1)!.content;
      const good = last.includes('refund') ? 'Refund for order 12 is on its way.' : 'Hi there!';
      return { type: 'message', text: body.model === 'gpt-5.1' && last.includes('refund') ? 'Refund is on its way.' : good, usage: { input: 40, output: 10 } };
    },
  });
  repo = await createTestRepo(files(fake.baseURL));
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

describe('modelshift eval', () => {
  it('never stores a key a model echoes in the answer cache', async () => {
    fake.setResponder(() => ({ type: 'message', text: `Debug: my key is ${KEY} and the order is 12.`, usage: { input: 40, output: 10 } }));
    const run = await runCli(['eval', 'to-5.1', '--format', 'json'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(run.stdout).not.toContain(KEY.slice(5, 17));
    const dir = path.join(repo.dir, '.cache');
    const stored = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(stored.length).toBeGreaterThan(0);
    for (const file of stored) {
      const text = await readFile(path.join(dir, file), 'utf8');
      for (let i = 0; i + 12 <= KEY.length; i++) expect(text).not.toContain(KEY.slice(i, i + 12));
      expect(text).toContain('[redacted]');
    }
  });

  it('runs the migration\'s suites on base and head, reports the regression and fails the gate', async () => {
    const run = await runCli(['eval', 'to-5.1', '--format', 'json'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.calls).toBe(4);
    expect(report.agents).toHaveLength(1);
    expect(report.agents[0].name).toBe('support-triage');
    expect(report.agents[0].base.passRate).toBe(1);
    expect(report.agents[0].head.passRate).toBe(0.5);
    expect(report.agents[0].regressions).toHaveLength(1);
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons.join('\n')).toMatch(/support-triage/);
    const models = fake.requests.map((r) => (r.body as { model: string }).model).sort();
    expect(models).toEqual(['gpt-4.1', 'gpt-4.1', 'gpt-5.1', 'gpt-5.1']);
    expect(run.stdout).not.toContain(KEY);

    const again = await runCli(['eval', 'to-5.1', '--format', 'json', '--offline'], repo.dir, {});
    expect(JSON.parse(again.stdout)).toMatchObject({ calls: 0, cached: 4 });
    expect(fake.requests).toHaveLength(4);
  });

  it('after apply says the plan is empty and points at --base instead of running nothing', async () => {
    expect((await runCli(['apply', 'to-5.1'], repo.dir, {})).code).toBe(0);
    const run = await runCli(['eval', 'to-5.1'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('the plan of to-5.1 is empty');
    expect(run.stdout).toContain('modelshift eval --base');
    expect(fake.requests).toHaveLength(0);
  });

  it('compares every agent changed between two refs', async () => {
    await repo.git(['checkout', '--quiet', '-b', 'prompt-edit']);
    await repo.commit({ 'agents/triage.yaml': files(fake.baseURL)['agents/triage.yaml']!.replace('Be verbose.', 'Be brief.') }, 'edit the prompt');
    const run = await runCli(['eval', '--base', 'main', '--head', 'HEAD', '--format', 'json'], repo.dir, { OPENAI_API_KEY: KEY });
    // The agent stays on a model that retires soon: said once per run, as SDKs would on every call.
    expect(run.stderr).toBe('warning: model "gpt-4.1" retires on 2027-01-14 (in 53 days); migrate to gpt-6-luna\n');
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    expect(data.groups).toEqual([{ migration: null, status: 'ran' }]);
    expect(data.agents.map((a: { name: string }) => a.name)).toEqual(['support-triage']);
    expect(data.calls).toBe(4);
    const systems = fake.requests.map((r) => (r.body as { messages: { role: string; content: string }[] }).messages[0]!.content);
    expect(new Set(systems)).toEqual(new Set(['Be verbose.\n', 'Be brief.\n']));
  });

  it('says clearly when keys are missing, and exits 2', async () => {
    const run = await runCli(['eval', 'to-5.1'], repo.dir, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/OPENAI_API_KEY/);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a migration together with --base', async () => {
    const run = await runCli(['eval', 'to-5.1', '--base', 'main'], repo.dir, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not both/);
  });

  it('run by the built CLI for OpenAI providers only, loads the openai SDK and neither @anthropic-ai/sdk nor ajv', async () => {
    const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
    if (!existsSync(path.join(repoRoot, 'dist/src/cli.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
    const hook = fileURLToPath(new URL('../helpers/resolve-log.mjs', import.meta.url));
    // Not spawnSync: the fake answering it runs in this process.
    const child = spawn(process.execPath, ['--import', hook, path.join(repoRoot, 'bin/modelshift.js'), 'eval', 'to-5.1', '--format', 'json'], {
      cwd: repo.dir,
      env: { PATH: process.env.PATH, OPENAI_API_KEY: KEY },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(JSON.parse(stdout).calls).toBe(4);
    const packages = new Set([...stderr.matchAll(/^resolved (.+)$/gm)].map((m) => m[1]!));
    expect(packages.has('openai')).toBe(true);
    for (const unused of ['@anthropic-ai/sdk', 'ajv', 'simple-git', '@octokit/rest']) expect(packages.has(unused), unused).toBe(false);
  });
});
