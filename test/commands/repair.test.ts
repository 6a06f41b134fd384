import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shareOf } from '../../src/repair/split.js';
import { FakeGitHub } from '../fakes/github-server.js';
import { startOpenAiFake, type FakeLlmServer, type RecordedRequest } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const KEY = 'sk-test-repair-0123456789abcdef';
const MIGRATION = 'to-5.1';
const PHRASE = 'Always start with "Ticket:".';
const CASES = Array.from({ length: 16 }, (_, i) => ({ name: `case-${i}`, input: `Customer message <${i}>` }));
const HELD_OUT = new Set(CASES.filter((c) => shareOf(MIGRATION, 'tickets', c.name, 0.3) === 'holdout').map((c) => c.input));

function files(baseURL: string, repair = 'attempts: 3, budgetUsd: 1'): Record<string, string> {
  return {
    'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  eval: { cacheDir: .cache }\n',
    'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, baseURL: "${baseURL}", apiKeyEnv: OPENAI_API_KEY }\n`,
    'agents/a.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: support-a }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: |\n    You sort tickets.\n',
    'agents/b.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: support-b }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: |\n    You answer tickets.\n',
    'evals/tickets.yaml': `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: tickets }
spec:
  cases:
${CASES.map((c) => `    - { name: ${c.name}, input: "${c.input}", assert: [{ type: regex, value: "^Ticket:" }] }`).join('\n')}
`,
    'migrations/m.yaml': `# the rule a person wrote
apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: ${MIGRATION} }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  params: { rename: { max_tokens: max_completion_tokens } }
  eval:
    suites: [tickets]
    gate: { minPassRate: 0.9, maxPassRateDrop: 0.05 }
    repair: { provider: openai, model: gpt-5.2, ${repair} }   # the proposer
`,
  };
}

type Body = { model: string; messages: { role: string; content: string }[] };
const systemOf = (body: Body) => body.messages.find((m) => m.role === 'system' || m.role === 'developer')?.content ?? '';
const isProposer = (r: RecordedRequest) => (r.body as Body).model === 'gpt-5.2';

/**
 * gpt-4.1 always starts with "Ticket:"; gpt-5.1 does only when its instructions
 * say so (PHRASE), or — for an overfit edit — on the training cases only.
 */
function answerer(proposals: string[]) {
  let proposed = 0;
  return (req: RecordedRequest) => {
    const body = req.body as Body;
    if (body.model === 'gpt-5.2') return { type: 'message' as const, text: proposals[Math.min(proposed++, proposals.length - 1)]!, usage: { input: 500, output: 80 } };
    const input = body.messages.at(-1)!.content;
    const system = systemOf(body);
    const good = body.model === 'gpt-4.1' || system.includes(PHRASE) || (system.includes('OVERFIT') && !HELD_OUT.has(input));
    return { type: 'message' as const, text: good ? 'Ticket: sorted.' : 'Sure, I sorted it.', usage: { input: 40, output: 10 } };
  };
}

let fake: FakeLlmServer;
let repo: TestRepo;

beforeEach(async () => {
  fake = await startOpenAiFake({ apiKey: KEY });
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

const repair = (args: string[] = []) => runCli(['repair', MIGRATION, '--format', 'json', ...args], repo.dir, { OPENAI_API_KEY: KEY });

describe('modelshift repair', () => {
  it('accepts an edit the held-out cases confirm, writes it byte-minimally, and the next eval passes', async () => {
    expect(HELD_OUT.size).toBeGreaterThanOrEqual(4);
    fake.setResponder(answerer([JSON.stringify({ append: PHRASE, rationale: 'the new model drops the prefix' })]));
    repo = await createTestRepo(files(fake.baseURL));
    const run = await repair(['--write']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.verdict).toBe('accepted');
    expect(report.split).toEqual({ holdout: 0.3, trainCases: 16 - HELD_OUT.size, holdoutCases: HELD_OUT.size });
    expect(report.baseline).toEqual({ train: { base: 1, head: 0 }, holdout: { base: 1, head: 0 } });
    expect(report.attempts).toHaveLength(1);
    expect(report.attempts[0]).toMatchObject({ n: 1, verdict: 'accepted', train: { base: 1, head: 0, candidate: 1 }, holdout: { base: 1, head: 0, candidate: 1 } });
    expect(report.accepted).toEqual({ attempt: 1, instructions: { append: PHRASE } });
    expect(report.written).toBe('migrations/m.yaml');

    const rule = await readFile(path.join(repo.dir, 'migrations/m.yaml'), 'utf8');
    const before = files(fake.baseURL)['migrations/m.yaml']!;
    expect(rule.startsWith(before)).toBe(true);
    expect(rule.slice(before.length)).toBe(`  instructions:\n    append: ${PHRASE}\n`);

    const evalRun = await runCli(['eval', MIGRATION, '--format', 'json'], repo.dir, { OPENAI_API_KEY: KEY });
    expect(JSON.parse(evalRun.stdout).gate.passed).toBe(true);
    expect(evalRun.code).toBe(0);
  });

  it('keeps the proposer\'s answers in the eval cache, so --offline repeats the run without a call', async () => {
    fake.setResponder(answerer([JSON.stringify({ append: PHRASE })]));
    repo = await createTestRepo(files(fake.baseURL));
    const live = await repair();
    expect(live.code).toBe(0);
    const calls = fake.requests.length;
    expect(fake.requests.filter(isProposer)).toHaveLength(1);

    const offline = await repair(['--offline']);
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    expect(fake.requests).toHaveLength(calls);
    expect(JSON.parse(offline.stdout)).toEqual(JSON.parse(live.stdout));

    // A proposal the cache does not hold is a usage error, not a rejected edit.
    const rule = files(fake.baseURL)['migrations/m.yaml']!.replace('model: gpt-5.2,', 'model: gpt-5.2-pro,');
    await writeFile(path.join(repo.dir, 'migrations/m.yaml'), rule);
    const miss = await repair(['--offline']);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toMatch(/no cached answer for openai\/gpt-5\.2-pro/);
    expect(fake.requests).toHaveLength(calls);
  });

  it('leaves its evidence next to the rule, and the PR shows it while the rule carries exactly that edit', async () => {
    fake.setResponder(answerer([JSON.stringify({ append: PHRASE })]));
    repo = await createTestRepo(files(fake.baseURL));
    expect((await repair(['--write'])).code).toBe(0);
    const evidence = JSON.parse(await readFile(path.join(repo.dir, 'migrations/m.repair.json'), 'utf8'));
    expect(evidence).toMatchObject({ verdict: 'accepted', accepted: { attempt: 1, instructions: { append: PHRASE } } });
    await repo.commit({ 'migrations/m.yaml': await readFile(path.join(repo.dir, 'migrations/m.yaml'), 'utf8'), 'migrations/m.repair.json': JSON.stringify(evidence) }, 'repaired rule');

    const github = await FakeGitHub.start({ collaborators: ['alice'] });
    try {
      const env = { GITHUB_TOKEN: github.token, GITHUB_REPOSITORY: `${github.owner}/${github.repo}`, GITHUB_API_URL: github.url };
      expect((await runCli(['pr', MIGRATION], repo.dir, env)).code).toBe(0);
      expect(github.pulls[0]!.body).toContain(`**Prompt repair for ${MIGRATION}** (openai/gpt-5.2): ✅ an edit was accepted`);
      expect(github.pulls[0]!.body).toMatch(/\| 1 \| append .*Always start with .* \| 100% \/ 0% \/ 100% \| 100% \/ 0% \/ 100% \| .* \| accepted \|/);
      await repo.git(['fetch', '--quiet', 'origin', `modelshift/${MIGRATION}`]);
      expect(await repo.git(['show', 'FETCH_HEAD:migrations/m.repair.json'])).toContain('"verdict":"accepted"');

      // A person changes the instructions: the old evidence no longer proves them, so the PR stops showing it.
      const rule = await readFile(path.join(repo.dir, 'migrations/m.yaml'), 'utf8');
      await repo.commit({ 'migrations/m.yaml': rule.replace('append: Always', 'append: Please always') }, 'hand edit');
      await repo.git(['push', '--quiet', 'origin', 'main']);
      expect((await runCli(['pr', MIGRATION], repo.dir, env)).code).toBe(0);
      expect(github.pulls[0]!.body).not.toContain('Prompt repair');
    } finally {
      await github.close();
    }
  });

  it('never shows a held-out case to the proposer, and rejects an edit that only fixes the training cases', async () => {
    fake.setResponder(answerer([JSON.stringify({ append: 'OVERFIT: remember these cases.' })]));
    repo = await createTestRepo(files(fake.baseURL, 'attempts: 2, budgetUsd: 1'));
    const run = await repair(['--write']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.verdict).toBe('none-accepted');
    expect(report.attempts.map((a: { verdict: string }) => a.verdict)).toEqual(['rejected-holdout', 'rejected-holdout']);
    expect(report.attempts[0].train.candidate).toBe(1);
    expect(report.attempts[0].holdout.candidate).toBe(0);
    expect(report.attempts[0].reasons.join('\n')).toMatch(/gate: .*pass rate 0\.0% is below the minimum 90\.0%/);
    expect(report.written).toBeUndefined();
    expect(await readFile(path.join(repo.dir, 'migrations/m.yaml'), 'utf8')).toBe(files(fake.baseURL, 'attempts: 2, budgetUsd: 1')['migrations/m.yaml']);

    const proposals = fake.requests.filter(isProposer);
    expect(proposals).toHaveLength(2);
    const sent = proposals.map((r) => JSON.stringify(r.body)).join('\n');
    for (const input of HELD_OUT) expect(sent).not.toContain(input);
    // The training failures are there, with both outputs; the second request carries the first attempt's result.
    expect(sent).toContain('Sure, I sorted it.');
    expect(sent).toContain('Ticket: sorted.');
    expect((proposals[1]!.body as Body).messages.at(-1)!.content).toContain('rejected on cases held out from you');
    expect(sent).not.toContain(KEY);
  });

  it('asks again after a malformed answer, then says plainly that no usable edit came back', async () => {
    fake.setResponder(answerer(['I would suggest being more careful.', '```json\n{ "rationale": "no ops" }\n```']));
    repo = await createTestRepo(files(fake.baseURL, 'attempts: 1, budgetUsd: 1'));
    const run = await repair();
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.attempts).toEqual([expect.objectContaining({ n: 1, verdict: 'malformed', error: 'the JSON object as a whole has neither "append" nor "replace"' })]);
    expect(fake.requests.filter(isProposer)).toHaveLength(2);
    const text = await runCli(['repair', MIGRATION], repo.dir, { OPENAI_API_KEY: KEY });
    expect(text.stdout).toContain("the proposer's answer was not a usable edit twice");
  });

  it('stops with a report when the budget is spent', async () => {
    fake.setResponder(answerer([JSON.stringify({ append: 'Try harder.' })]));
    repo = await createTestRepo(files(fake.baseURL, 'attempts: 5, budgetUsd: 0.0001'));
    const run = await repair();
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.verdict).toBe('over-budget');
    expect(report.attempts).toEqual([]);
    expect(report.reasons[0]).toMatch(/the budget of \$0\.0001 is spent/);
    expect(fake.requests.filter(isProposer)).toHaveLength(0);
  });

  it('refuses to trust a suite too small to hold cases out, and a migration without repair settings', async () => {
    fake.setResponder(answerer(['{}']));
    repo = await createTestRepo({ ...files(fake.baseURL), 'evals/tickets.yaml': files(fake.baseURL)['evals/tickets.yaml']!.split('\n').slice(0, 7).join('\n') + '\n' });
    const small = await repair();
    expect(small.code).toBe(1);
    expect(JSON.parse(small.stdout)).toMatchObject({ verdict: 'too-small' });
    expect(JSON.parse(small.stdout).reasons[0]).toMatch(/needs at least 4 held-out cases/);
    expect(fake.requests).toHaveLength(0);

    await repo.commit({ 'migrations/m.yaml': files(fake.baseURL)['migrations/m.yaml']!.replace(/\n {4}repair:.*\n/, '\n') }, 'no repair');
    const none = await runCli(['repair', MIGRATION], repo.dir, { OPENAI_API_KEY: KEY });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has no repair settings');
  });

  it('repairs examples-repair/ offline from its recorded answers, writing nothing without --write', async () => {
    const dir = fileURLToPath(new URL('../../examples-repair', import.meta.url));
    const run = await runCli(['repair', 'order-desk-to-gpt-5.1', '--offline', '--format', 'json'], dir, {});
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ verdict: 'accepted', split: { trainCases: 14, holdoutCases: 6 }, accepted: { instructions: { append: "Always quote the customer's order number in your first sentence." } } });
    expect(report.written).toBeUndefined();
  });
});
