import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const KEY = 'sk-test-shards-0123456789abcdef';
const CASES = 7;

function files(baseURL: string): Record<string, string> {
  const cases = Array.from({ length: CASES }, (_, i) => `    - { name: "case ${i}", input: "question ${i}", assert: [{ type: contains, value: "answer" }] }`).join('\n');
  const agent = (name: string) =>
    `apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: ${name} }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: You are ${name}.\n`;
  return {
    'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  eval: { cacheDir: .cache, retries: 0 }\n',
    'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, baseURL: "${baseURL}", apiKeyEnv: OPENAI_API_KEY }\n`,
    'agents/a.yaml': agent('alpha'),
    'agents/b.yaml': agent('beta'),
    'evals/qa.yaml': `apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata: { name: qa }\nspec:\n  repeat: 2\n  cases:\n${cases}\n`,
    'migrations/m.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: to-5.1 }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  eval: { suites: [qa], gate: { maxPassRateDrop: 0.1, maxErrorRate: 0.2, minCases: 6 } }
`,
  };
}

let fake: FakeLlmServer;
let repo: TestRepo;
beforeEach(async () => {
  // Head forgets the answer on cases 1 and 2 in its second repeat, and case 6 always errors on head: regressions, failures and errors all show.
  fake = await startOpenAiFake({
    apiKey: KEY,
    responder: (req) => {
      const body = req.body as { model: string; messages: { content: string }[] };
      const input = body.messages.at(-1)!.content;
      const head = body.model === 'gpt-5.1';
      if (head && input === 'question 6') return { type: 'error', status: 500 };
      const nth = fake.requests.filter((r) => JSON.stringify(r.body) === JSON.stringify(req.body)).length;
      const forget = head && (input === 'question 1' || input === 'question 2') && nth % 2 === 0;
      return { type: 'message', text: forget ? 'no idea' : `the answer to ${input}`, usage: { input: 30, output: 8 } };
    },
  });
  repo = await createTestRepo(files(fake.baseURL));
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const env = () => ({ OPENAI_API_KEY: KEY });

describe('eval --shard K/N and eval merge', () => {
  it('merges the parts into exactly the unsharded report, statistics and gate, on the same cache', async () => {
    const first = await runCli(['eval', 'to-5.1', '--format', 'json'], repo.dir, env());
    expect(first.stderr).toBe('');
    const unsharded = await runCli(['eval', 'to-5.1', '--format', 'json'], repo.dir, env());
    const whole = JSON.parse(unsharded.stdout);
    expect(whole.agents.map((a: { name: string }) => a.name)).toEqual(['alpha', 'beta']);
    expect(whole.agents[0].errors).toHaveLength(2);
    expect(whole.agents[0].regressions.length).toBeGreaterThan(0);

    const units: number[] = [];
    for (const k of [1, 2, 3]) {
      const shard = await runCli(['eval', 'to-5.1', '--shard', `${k}/3`, '--output', `part-${k}.json`, '--format', 'json'], repo.dir, env());
      expect(shard.stderr).toBe('');
      expect(shard.code).toBe(0);
      const summary = JSON.parse(shard.stdout);
      expect(summary).toMatchObject({ shard: { index: k, count: 3 }, total: 2 * CASES * 2, outputs: [`part-${k}.json`] });
      units.push(summary.units);
    }
    // 28 (agent, case, repeat) units in three parts of 10, 9 and 9.
    expect(units).toEqual([10, 9, 9]);

    const merged = await runCli(['eval', 'merge', 'part-3.json', 'part-1.json', 'part-2.json', '--format', 'json', '--output', 'merged.junit.xml'], repo.dir, {});
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(unsharded.code);
    expect(JSON.parse(merged.stdout)).toEqual(whole);
    expect(await readFile(join(repo.dir, 'merged.junit.xml'), 'utf8')).toContain('tests="56"');

    // Against the run that filled the cache: the same but for where the answers came from.
    const filled = JSON.parse(first.stdout);
    const sameButCache = (r: typeof whole) => ({
      ...r,
      calls: undefined,
      cached: undefined,
      agents: r.agents.map((a: { results: { cached: boolean }[] }) => ({ ...a, results: a.results.map((x) => ({ ...x, cached: undefined })) })),
    });
    expect(sameButCache(JSON.parse(merged.stdout))).toEqual(sameButCache(filled));

    const text = await runCli(['eval', 'merge', 'part-1.json', 'part-2.json', 'part-3.json'], repo.dir, {});
    expect(text.stdout).toMatch(/^Eval: pass rate /);
  });

  it('refuses parts that do not make one whole run', async () => {
    for (const k of [1, 2]) await runCli(['eval', 'to-5.1', '--shard', `${k}/2`, '--output', `part-${k}.json`], repo.dir, env());
    const missing = await runCli(['eval', 'merge', 'part-1.json'], repo.dir, {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shard 2 of 2 missing/);
    const twice = await runCli(['eval', 'merge', 'part-1.json', 'part-1.json', 'part-2.json'], repo.dir, {});
    expect(twice.stderr).toMatch(/shard 1\/2 is given twice/);

    // A part from another run: the gate changed in between.
    await writeFile(join(repo.dir, 'migrations/m.yaml'), files(fake.baseURL)['migrations/m.yaml']!.replace('maxPassRateDrop: 0.1', 'maxPassRateDrop: 0.2'));
    await runCli(['eval', 'to-5.1', '--shard', '2/2', '--output', 'other-2.json'], repo.dir, env());
    const other = await runCli(['eval', 'merge', 'part-1.json', 'other-2.json'], repo.dir, {});
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/comes from another run/);

    await writeFile(join(repo.dir, 'junk.json'), '{"kind": "something-else"}');
    const junk = await runCli(['eval', 'merge', 'junk.json'], repo.dir, {});
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('junk.json is not an eval part file: it has kind "something-else", not "modelshift-eval-part"');
  });

  it('checks --shard before any call', async () => {
    for (const [args, message] of [
      [['--shard', '3/2', '--output', 'p.json'], /--shard 3\/2 is not K\/N/],
      [['--shard', '1/2'], /give --output PATH\.json/],
      [['--shard', '1/2', '--output', 'p.junit.xml'], /a shard writes only its partial result/],
    ] as const) {
      const run = await runCli(['eval', 'to-5.1', ...args], repo.dir, env());
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(fake.requests).toHaveLength(0);
  });
});
