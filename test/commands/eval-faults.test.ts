import { afterEach, describe, expect, it } from 'vitest';
import { seeded } from '../eval/fixtures.js';
import type { FakeReply, RecordedRequest } from '../fakes/llm-http.js';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const KEY = 'sk-test-faults-0123456789abcdef';
const CASES = 50;

function files(baseURL: string, gate: string, retries = 1, timeoutMs = 300): Record<string, string> {
  const cases = Array.from({ length: CASES }, (_, i) => `    - { name: "case ${i}", input: "question ${i}", assert: [{ type: contains, value: "answer" }] }`).join('\n');
  return {
    'modelshift.yaml': `apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  eval: { cacheDir: .cache, timeoutMs: ${timeoutMs}, retries: ${retries}, concurrency: 10 }\n`,
    'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, baseURL: "${baseURL}", apiKeyEnv: OPENAI_API_KEY }\n`,
    'agents/triage.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: triage }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: Answer.\n',
    'evals/qa.yaml': `apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata: { name: qa }\nspec:\n  cases:\n${cases}\n`,
    'migrations/m.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: to-5.1 }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  eval: { suites: [qa], gate: ${gate} }
`,
  };
}

/** The same question always meets the same fault, so a retry does not rescue it: 30 % of questions fail for good. */
function faultOf(req: RecordedRequest): FakeReply | undefined {
  const body = req.body as { model: string; messages: { content: string }[] };
  const seed = [...`${body.model} ${body.messages.at(-1)!.content}`].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const roll = seeded(seed)();
  if (roll < 0.1) return { type: 'error', status: 429, headers: { 'retry-after': '0' } };
  if (roll < 0.2) return { type: 'error', status: 500 };
  if (roll < 0.3) return { type: 'hang' };
  return undefined;
}

let fake: FakeLlmServer | undefined;
let repo: TestRepo | undefined;
afterEach(async () => {
  await fake?.close();
  await repo?.cleanup();
});

describe('eval when the provider fails', () => {
  it('100% failures: no pass rate, every error counted, the gate fails and exits 1', async () => {
    fake = await startOpenAiFake({ apiKey: KEY, responder: () => ({ type: 'error', status: 500 }) });
    // No retries: the SDK's back-off would only make the test slow.
    repo = await createTestRepo(files(fake.baseURL, '{ maxPassRateDrop: 0.1 }', 0, 10_000));
    const run = await runCli(['eval', 'to-5.1', '--format', 'json'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const [agent] = report.agents;
    for (const side of ['base', 'head']) {
      expect(agent[side]).toMatchObject({ passRate: null, cases: CASES, passed: 0, failed: 0, errors: CASES, errorRate: 1 });
    }
    expect(agent.regressions).toEqual([]);
    expect(agent.significance).toMatchObject({ pairs: 0, discordant: 0 });
    expect(agent.coverage).toEqual({ cases: CASES, evaluated: 0 });
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons).toEqual([
      expect.stringMatching(/^triage: 50 of 50 case runs errored on base \(100\.0%\), and the gate allows none \(gate\.maxErrorRate\): server ×50; first: qa \/ case 0: /),
      expect.stringMatching(/^triage: 50 of 50 case runs errored on head/),
      'triage: 0 of 50 cases were scored on both sides, every case is required (gate.minCases); an errored call is no evidence either way',
    ]);

    const text = await runCli(['eval', 'to-5.1'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Eval: pass rate n\/a → n\/a · 100 errors/);
    expect(text.stdout).toContain('Gate failed');
    expect(text.stdout).not.toContain('Gate passed');
    expect(text.stdout).not.toContain(KEY);
  });

  it('30% 429/500/timeouts: errors counted apart, never as failures; the gate fails unless the rule allows them', async () => {
    fake = await startOpenAiFake({ apiKey: KEY, responder: (req) => faultOf(req) ?? { type: 'message', text: 'the answer' } });
    repo = await createTestRepo(files(fake.baseURL, '{ maxPassRateDrop: 0.05 }'));
    const run = await runCli(['eval', 'to-5.1', '--format', 'json'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const [agent] = report.agents;
    const kinds = new Set(agent.errors.map((e: { kind: string }) => e.kind));
    expect(kinds).toEqual(new Set(['rate-limit', 'server', 'timeout']));
    for (const side of ['base', 'head'] as const) {
      const s = agent[side];
      expect(s.errors).toBeGreaterThanOrEqual(8);
      expect(s.errors).toBeLessThanOrEqual(25);
      // Every call that answered passed: not one error was scored as a model failure.
      expect(s).toMatchObject({ failed: 0, passRate: 1, passed: CASES - s.errors });
    }
    expect(agent.regressions).toEqual([]);
    expect(agent.improvements).toEqual([]);
    expect(report.gate.passed).toBe(false);
    expect(report.gate.reasons.join('\n')).toMatch(/errored on base/);

    // A rule that tolerates the outage passes on the evidence that was gathered, from the cache of answers.
    const both = agent.coverage.evaluated;
    const worst = Math.max(agent.base.errorRate, agent.head.errorRate);
    await repo.commit({ 'migrations/m.yaml': files(fake.baseURL, `{ maxPassRateDrop: 0.05, maxErrorRate: ${worst}, minCases: ${both} }`)['migrations/m.yaml']! }, 'allow errors');
    const allowed = await runCli(['eval', 'to-5.1', '--format', 'json'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(JSON.parse(allowed.stdout).gate).toEqual({ passed: true, reasons: [] });
    expect(allowed.code).toBe(0);
  }, 30_000);
});
