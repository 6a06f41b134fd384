import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import testResults from 'test-results-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const KEY = 'sk-test-outputs-0123456789abcdef';

/** refund: regression on head · warranty: fails on both sides · hello: passes · broken: the call errors on head. */
const FILES = (baseURL: string): Record<string, string> => ({
  'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  eval: { cacheDir: .cache, retries: 0 }\n',
  'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, baseURL: "${baseURL}", apiKeyEnv: OPENAI_API_KEY }\n`,
  'agents/triage.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: triage }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: Answer.\n',
  'evals/tickets.yaml': `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: tickets }
spec:
  cases:
    - { name: refund, input: "refund order 12", assert: [{ type: contains, value: "12" }] }
    - { name: warranty, input: "warranty?", assert: [{ type: contains, value: "warranty" }] }
    - { name: hello, input: "hello", assert: [{ type: contains, value: "hi" }] }
    - { name: broken, input: "broken", assert: [{ type: contains, value: "x" }] }
`,
  'migrations/m.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: to-5.1 }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  eval: { suites: [tickets], gate: { maxPassRateDrop: 0.1, maxErrorRate: 0.5, minCases: 2 } }
`,
});

let fake: FakeLlmServer;
let repo: TestRepo;
beforeEach(async () => {
  fake = await startOpenAiFake({
    apiKey: KEY,
    responder: (req) => {
      const body = req.body as { model: string; messages: { content: string }[] };
      const input = body.messages.at(-1)!.content;
      const head = body.model === 'gpt-5.1';
      if (input === 'broken') return head ? { type: 'error', status: 500 } : { type: 'message', text: 'x' };
      if (input === 'warranty?') return { type: 'message', text: `=HYPERLINK("evil") <b>no</b> & "quotes", from ${body.model}` };
      if (input === 'hello') return { type: 'message', text: 'hi there' };
      return { type: 'message', text: head ? 'Refund on its way.' : 'Refund for order 12 on its way.' };
    },
  });
  repo = await createTestRepo(FILES(fake.baseURL));
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

describe('eval --output', () => {
  it('writes JUnit, JSONL, CSV, JSON and markdown files in one run', async () => {
    const outputs = ['out/results.junit.xml', 'out/results.jsonl', 'out/results.csv', 'out/report.json', 'out/report.md'];
    const run = await runCli(['eval', 'to-5.1', '--format', 'json', ...outputs.flatMap((o) => ['--output', o])], repo.dir, { OPENAI_API_KEY: KEY });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(fake.requests).toHaveLength(8);
    const stdout = JSON.parse(run.stdout);
    expect(await readdir(join(repo.dir, 'out'))).toEqual(['report.json', 'report.md', 'results.csv', 'results.jsonl', 'results.junit.xml']);

    // JUnit, read by a real JUnit reader: one testcase per agent × case × side, failures and errors apart.
    const junit = testResults.parse({ type: 'junit', files: [join(repo.dir, 'out/results.junit.xml')] });
    expect(junit).toMatchObject({ total: 8, passed: 4, failed: 3, errors: 1 });
    expect(junit.suites.map((s) => s.name)).toEqual(['triage (base: openai/gpt-4.1)', 'triage (head: openai/gpt-5.1)']);
    const head = junit.suites[1]!;
    expect(head.cases.map((c) => [c.name, c.status])).toEqual([
      ['tickets / refund', 'FAIL'],
      ['tickets / warranty', 'FAIL'],
      ['tickets / hello', 'PASS'],
      ['tickets / broken', 'FAIL'],
    ]);
    expect(head.cases[0]!.failure).toBe('contains: does not contain "12"');
    expect(head.cases[3]!.failure).toMatch(/HTTP 500/);
    const xml = await readFile(join(repo.dir, 'out/results.junit.xml'), 'utf8');
    expect(xml).toContain('<error message=');
    expect(xml).toContain('&lt;b&gt;no&lt;/b&gt; &amp; "quotes"');
    expect(xml).not.toContain('<b>');

    // JSONL: one line per result, both outputs there, error apart from failure.
    const lines = (await readFile(join(repo.dir, 'out/results.jsonl'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(8);
    expect(lines.map((l) => `${l.side}:${l.case}:${l.status}`)).toEqual([
      'base:refund:pass',
      'base:warranty:fail',
      'base:hello:pass',
      'base:broken:pass',
      'head:refund:fail',
      'head:warranty:fail',
      'head:hello:pass',
      'head:broken:error',
    ]);
    expect(lines[7]).toMatchObject({ agent: 'triage', model: 'gpt-5.1', error: { kind: 'server', status: 500 }, output: '' });
    expect(lines[4]).toMatchObject({ output: 'Refund on its way.', reason: 'contains: does not contain "12"', assertions: [{ type: 'contains', pass: false }] });

    // CSV: a header and a row per result; a formula in model output is defused.
    const csv = await readFile(join(repo.dir, 'out/results.csv'), 'utf8');
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('agent,side,suite,case,repeat,provider,model,status,reason,output,latencyMs,inputTokens,outputTokens,cached');
    expect(rows).toHaveLength(9);
    expect(rows[2]).toContain(`"'=HYPERLINK(""evil"") <b>no</b> & ""quotes"", from gpt-4.1"`);

    // JSON is what --format json prints; markdown lists every failing case.
    expect(JSON.parse(await readFile(join(repo.dir, 'out/report.json'), 'utf8'))).toEqual(stdout);
    const md = await readFile(join(repo.dir, 'out/report.md'), 'utf8');
    expect(md).toContain('### Regressions (1)');
    expect(md).toContain('triage · tickets / warranty — fails on both sides');

    // The gate names the failing cases.
    expect(stdout.gate.reasons).toContain('triage: failing at head (2): tickets / refund (regression), tickets / warranty (fails on both sides)');
    expect(stdout.agents[0].failing.map((f: { case: string; trend: string }) => `${f.case}:${f.trend}`)).toEqual(['refund:worse', 'warranty:same']);
  });

  it('refuses an unknown or not yet supported format before any call, and writes nothing', async () => {
    for (const [file, message] of [
      ['report.txt', /--output report\.txt: unknown format/],
    ] as const) {
      const run = await runCli(['eval', 'to-5.1', '--output', 'ok.jsonl', '--output', file], repo.dir, { OPENAI_API_KEY: KEY });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/\.junit\.xml, \.jsonl, \.csv, \.json, \.md/);
    }
    const twice = await runCli(['eval', 'to-5.1', '--output', 'a.json', '--output', './a.json'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/given twice/);
    expect(fake.requests).toHaveLength(0);
    expect((await readdir(repo.dir)).filter((f) => /\.(jsonl|json|html|txt)$/.test(f))).toEqual([]);
  });
});
