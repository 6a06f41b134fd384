import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const KEY = 'sk-test-not-a-real-key-0123456789';

function files(baseURL: string, suite: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  eval: { cacheDir: .cache }\n',
    'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, baseURL: "${baseURL}", apiKeyEnv: OPENAI_API_KEY }\n`,
    'agents/triage.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: support-triage }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: You are the triage agent of modelshift tests.\n',
    'migrations/m.yaml': 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: to-5.1 }\nspec:\n  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n  eval: { suites: [tickets] }\n',
    'evals/tickets.yaml': suite,
    ...extra,
  };
}

const LOG = [
  { model: 'gpt-4.1', messages: [{ role: 'system', content: 'OLD PRODUCTION PROMPT' }, { role: 'user', content: 'Refund order 1182, I am jane@example.com' }] },
  { model: 'gpt-4.1', messages: [{ role: 'system', content: 'OLD PRODUCTION PROMPT' }, { role: 'user', content: 'Refund order 1182, I am jane@example.com' }] },
  { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Where is parcel 5510?' }] },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

let fake: FakeLlmServer;
let repo: TestRepo | undefined;

beforeEach(async () => {
  fake = await startOpenAiFake({ apiKey: KEY, responder: (req) => ({ type: 'message', text: `About: ${JSON.stringify((req.body as { messages: unknown[] }).messages.at(-1))}`, usage: { input: 40, output: 10 } }) });
});
afterEach(async () => {
  await fake.close();
  await repo?.cleanup();
  repo = undefined;
});

describe('suites with casesFrom', () => {
  it('eval sends the log\'s conversations, masked, deduplicated, with the agent\'s own instructions', async () => {
    const suite = `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: tickets }
spec:
  defaultAssert: [{ type: is-refusal, not: true }]
  cases:
    - { name: inline, input: "hello", assert: [{ type: javascript, file: checks/short.mjs }] }
  casesFrom:
    - { fromLog: ../logs/support.jsonl, format: openai-chat, redact: ["[\\\\w.]+@[\\\\w.]+"], assert: [{ type: contains, value: About }] }
    - { file: data/more.csv }
`;
    repo = await createTestRepo(files(fake.baseURL, suite, {
      'logs/support.jsonl': LOG,
      'evals/data/more.csv': 'input,assert:contains\nCancel my plan,plan\n',
      'evals/checks/short.mjs': 'export default (output) => output.length < 500;\n',
    }));
    const run = await runCli(['eval', 'to-5.1', '--format', 'json'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    expect(report.agents.flatMap((a: { results: unknown[] }) => a.results).filter((r: { side: string }) => r.side === 'base').map((r: { case: string; status: string }) => `${r.case} ${r.status}`)).toEqual([
      'inline pass',
      'support.jsonl:1 pass',
      'support.jsonl:3 pass',
      'more.csv:2 pass',
    ]);
    const sent = fake.requests.map((r) => r.body as { messages: { role: string; content: string }[] });
    expect(sent).toHaveLength(8);
    for (const body of sent) expect(body.messages[0]).toEqual({ role: 'system', content: 'You are the triage agent of modelshift tests.' });
    const text = JSON.stringify(sent);
    expect(text).toContain('Refund order 1182, I am [redacted]');
    expect(text).not.toMatch(/jane@example\.com|OLD PRODUCTION PROMPT/);
    // Nothing unmasked reaches the cache either.
    const cacheFiles = (await readdir(join(repo.dir, '.cache'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(cacheFiles.length).toBeGreaterThan(0);
    for (const entry of cacheFiles) expect(await readFile(join(entry.parentPath, entry.name), 'utf8')).not.toContain('jane@example.com');
  });

  it('validate points at the suite key for a bad path and at the case file\'s line for a bad row', async () => {
    const suite = `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: tickets }
spec:
  casesFrom:
    - { file: data/cases.jsonl, assert: [{ type: contains, value: x }] }
    - { file: ../../outside.csv }
    - { file: data/missing.csv }
    - { fromLog: data/linked.jsonl, format: openai-chat }
  defaultAssert:
    - { type: javascript, file: ../../../etc/check.mjs }
`;
    repo = await createTestRepo(files(fake.baseURL, suite, { 'evals/data/cases.jsonl': '{"input": "ok"}\n{"input": "x", "assert": [{"type": "max-cost", "value": -1}]}\n{"name": "cases.jsonl:1", "input": "again"}\n' }));
    await writeFile(join(repo.root, 'secret.jsonl'), '{"messages": [{"role": "user", "content": "hi"}]}\n');
    await symlink(join(repo.root, 'secret.jsonl'), join(repo.dir, 'evals/data/linked.jsonl'));
    const run = await runCli(['validate', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    const errors = JSON.parse(run.stdout).errors.map((e: { file: string; line: number; column: number; message: string }) => `${e.file}:${e.line}:${e.column} ${e.message}`);
    expect(errors).toEqual([
      'evals/data/cases.jsonl:2:1 assert.0.value is too small; use a number more than 0',
      'evals/data/cases.jsonl:3:1 case name "cases.jsonl:1" is already used in suite tickets; give this case another name',
      'evals/tickets.yaml:7:15 ../../outside.csv resolves outside the workspace; paths are relative to the suite file and must stay inside the workspace',
      'evals/tickets.yaml:8:15 data/missing.csv does not exist (looked for evals/data/missing.csv; paths are relative to the suite file)',
      'evals/tickets.yaml:9:18 data/linked.jsonl is a symlink that leaves the workspace; copy the file into the workspace',
      'evals/tickets.yaml:11:33 javascript module ../../../etc/check.mjs resolves outside the workspace; paths are relative to the suite file and must stay inside the workspace',
    ]);
  });
});
