import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { annotations, migrationPr, pinnedExamples, pullRequestPayload, pullRequestRepo, runAction, RULE_FILE, type EventOptions, type PullRequestFixture } from './harness.js';

/** The check comment as a workflow token writes it: by `github-actions[bot]`, which the fake, as GitHub, refuses GET /user. */
let fake: FakeGitHub;
let fixture: PullRequestFixture | undefined;

beforeEach(async () => {
  fake = await FakeGitHub.start({ login: 'github-actions[bot]' });
  fake.addPull({ head: 'feature', author: 'alice' });
});
afterEach(async () => {
  await fake.close();
  await fixture?.repo.cleanup();
  fixture = undefined;
});

const check = (event: Omit<EventOptions, 'base' | 'head'> & Partial<EventOptions> = {}, inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
  runAction({
    inputs: { mode: 'check', 'github-token': fake.token, ...inputs },
    workspace: fixture!.repo.dir,
    eventName: 'pull_request',
    payload: pullRequestPayload({ base: fixture!.base, head: fixture!.head, ...event }),
    env: { GITHUB_API_URL: fake.url, ...env },
  });

const BROKEN_AGENT = (name: string) => `apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: ${name} }
spec:
  model: { provider: openai, name: gpt-4.1 }
  instructions: hi
  bogus: 1
`;

/** Text outside code fences: where markdown renders and `@` pings. */
function prose(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
}

describe('mode: check', () => {
  it("annotates the PR's own files first within the limit, fails on invalid files, sets every output and writes the job summary", async () => {
    const files = await pinnedExamples();
    files['agents/aaa/broken.yaml'] = BROKEN_AGENT('aaa-broken');
    const many = Array.from({ length: 12 }, (_, i) => BROKEN_AGENT(`new-${i}`)).join('---\n');
    fixture = await pullRequestRepo(files, {
      'agents/new.yaml': many,
      'agents/support/triage.yaml': files['agents/support/triage.yaml']!.replace('name: gpt-4.1 ', 'name: gpt-5.1 '),
    });
    const run = await check();

    expect(run.code).toBe(1);
    const errors = annotations(run.stdout, 'error').filter((a) => a.props.file);
    expect(errors).toHaveLength(10);
    expect(errors.every((a) => a.props.file === 'agents/new.yaml' || a.props.file === 'agents/support/triage.yaml')).toBe(true);
    // The first document's unknown key: line 7, column 3 of agents/new.yaml.
    expect(errors[0]).toEqual({ props: { title: 'modelshift%3A schema', file: 'agents/new.yaml', line: '7', col: '3' }, message: expect.stringContaining('unknown key "bogus"') });
    expect(annotations(run.stdout, 'notice').map((n) => n.message)).toEqual([expect.stringMatching(/^5 more errors not shown as annotations/)]);
    expect(run.stdout).toMatch(/^::error::15 errors in modelshift files/m);

    expect(run.outputs).toEqual({
      valid: 'false',
      'agents-changed': '1',
      gate: 'skipped',
      'comment-id': String(fake.comments[0]!.id),
      'eval-parts': '',
      'report-path': '',
      'pull-request-number': '',
      'pull-request-url': '',
      'pull-request-operation': '',
      'pull-requests': '',
      synced: '',
      drift: '',
      'dashboard-issue-number': '',
    });
    expect(run.summary).toContain('### modelshift check');
    // Every finding is in the job summary, the ones without an annotation slot included.
    expect(run.summary).toContain('agents/aaa/broken.yaml:7:3');
    expect(fake.commentsOn(1)).toHaveLength(1);
  });

  it('annotates with paths from the repository root when the workspace is a subfolder', async () => {
    const files = Object.fromEntries(Object.entries(await pinnedExamples()).map(([file, text]) => [`config/${file}`, text]));
    fixture = await pullRequestRepo({ ...files, 'README.md': '# agents\n' }, { 'config/agents/new.yaml': BROKEN_AGENT('new') });
    const run = await check({}, { 'working-directory': 'config/agents' });

    expect(run.code).toBe(1);
    expect(annotations(run.stdout, 'error').filter((a) => a.props.file).map((a) => [a.props.file, a.props.line, a.props.col])).toEqual([['config/agents/new.yaml', '7', '3']]);
    expect(run.summary).toContain('`agents/new.yaml:7:3`');
  });

  it('summarises a migration PR and says why evals were skipped on a fork, without failing', async () => {
    fixture = await migrationPr(await pinnedExamples());
    const run = await check({ fork: true }, { 'fail-on': 'gate' });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ valid: 'true', 'agents-changed': '3', gate: 'skipped' });
    const body = fake.commentsOn(1)[0]!.body;
    const lines = body.split('\n');
    expect(lines[0]).toMatch(/^<!-- modelshift \{"tool":"modelshift","kind":"check","v":1,"head":"[0-9a-f]{40}","at":"2026-11-22T10:00:00Z","gate":"skipped","evaluatedAt":"\d{4}-\d\d-\d\dT[\d:.]+Z"\} -->$/);
    expect(lines.find((l) => l.startsWith('**'))).toBe('**3 agents migrate gpt-4.1 → gpt-5.1 · 3 skipped · evals skipped**');
    expect(body).toContain('⏭️ **Evals skipped**: this pull request comes from a fork and GitHub gives fork pull requests no secrets, so OPENAI\\_API\\_KEY is not set');
    expect(body).toContain('| support-triage | agents/support/triage.yaml | changed (gpt-4.1-to-gpt-5.1) | `spec.model.name` "gpt-4.1" → "gpt-5.1"');
    expect(body).toContain('<details><summary>Diff: agents/support/triage.yaml (support-triage)</summary>');
    expect(body).toContain('- **support-escalation**: instructions: "Be verbose." was not found');
    expect(run.summary).toContain('comes from a fork');
  });

  it('keeps one comment: updated in place, untouched when unchanged, never overwritten by an older run', async () => {
    const files = await pinnedExamples();
    // Someone quoted the marker in their own comment; it must not be taken for ours.
    fake.comments.push({ id: 1, issue: 1, author: 'alice', authorType: 'User', body: '<!-- modelshift {"tool":"modelshift","kind":"check","v":1,"head":"x","at":"2030-01-01T00:00:00Z"} -->' });
    // Nor is one another GitHub App wrote, though its author is a Bot as ours is.
    const forged = '<!-- modelshift {"tool":"modelshift","kind":"check","v":1,"head":"y","at":"2026-11-22T09:00:00Z","gate":"passed"} -->';
    fake.comments.push({ id: 2, issue: 1, author: 'evil-app[bot]', authorType: 'Bot', body: forged });
    fixture = await pullRequestRepo(files, { 'agents/support/triage.yaml': files['agents/support/triage.yaml']!.replace('Be verbose.', 'Be brief.') });
    const first = fixture.head;
    const t1 = '2026-11-22T10:00:00Z';
    const t2 = '2026-11-22T11:00:00Z';

    const created = await check({ head: first, updatedAt: t1 });
    expect(created.code).toBe(0);
    const ours = fake.commentsOn(1).filter((c) => c.author === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    const id = ours[0]!.id;
    expect(created.outputs['comment-id']).toBe(String(id));

    const second = await fixture.repo.commit({ 'agents/support/refunds.yaml': files['agents/support/refunds.yaml']!.replace('Be verbose.', 'Be brief.') }, 'refunds too');
    const updated = await check({ head: second, updatedAt: t2 });
    expect(updated.outputs['comment-id']).toBe(String(id));
    expect(fake.commentsOn(1)).toHaveLength(3);
    expect(fake.requested('PATCH', `/repos/acme/agents/issues/comments/${id}`)).toHaveLength(1);
    const latest = fake.comments.find((c) => c.id === id)!.body;
    expect(latest).toContain(`"head":"${second}"`);
    expect(latest).toContain('**2 agents changed');

    const again = await check({ head: second, updatedAt: t2 });
    expect(again.outputs['comment-id']).toBe(String(id));
    expect(fake.requested('PATCH')).toHaveLength(1);

    // A re-run of the first event finishes last: the comment stays on the newer head.
    const stale = await check({ head: first, updatedAt: t1 });
    expect(stale.code).toBe(0);
    expect(fake.requested('PATCH')).toHaveLength(1);
    expect(fake.comments.find((c) => c.id === id)!.body).toBe(latest);
    expect(fake.requested('POST', '/repos/acme/agents/issues/1/comments')).toHaveLength(1);
    expect(fake.comments.find((c) => c.id === 1)!.author).toBe('alice');
    expect(fake.comments.find((c) => c.id === 2)!.body).toBe(forged);
    expect(fake.requested('GET', '/user')).toHaveLength(0);
  });

  it('turns a 403 on commenting into a warning: the summary is written and the step passes', async () => {
    fixture = await migrationPr(await pinnedExamples());
    fake.fail('POST', '/repos/acme/agents/issues/1/comments', { status: 403, body: { message: 'Resource not accessible by integration' }, times: 10 });
    const run = await check();

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning::the check comment could not be posted: GitHub: comment on #1 failed \(HTTP 403\): Resource not accessible by integration/m);
    expect(run.stdout).toContain('pull-requests: write');
    expect(run.outputs['comment-id']).toBe('');
    expect(run.outputs.valid).toBe('true');
    expect(run.summary).toContain('**3 agents migrate gpt-4.1 → gpt-5.1 · 3 skipped · evals skipped**');
    expect(fake.comments).toHaveLength(0);
  });

  it('keeps a 500-agent migration comment under 60,000 characters with the summary and verdict intact', async () => {
    const files = await pinnedExamples();
    for (let i = 0; i < 500; i++) {
      const name = `support-bulk-${String(i).padStart(3, '0')}`;
      files[`agents/bulk/${name}.yaml`] = `apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: ${name}
  labels: { team: support, tier: prod }
spec:
  model:
    provider: openai
    name: gpt-4.1
    params: { temperature: 0.2, max_tokens: 500 }
  instructions: |
    You answer bulk ticket ${i}.
    Be verbose.
`;
    }
    const { [RULE_FILE]: rule, ...base } = files;
    fixture = await pullRequestRepo(base, { [RULE_FILE]: rule! });
    const run = await check();

    expect(run.code).toBe(0);
    const body = fake.commentsOn(1)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(60_000);
    expect(body).toContain('**503 agents migrate gpt-4.1 → gpt-5.1 · 3 skipped · evals skipped**');
    expect(body).toContain('✅ valid:');
    expect(body).toContain("✂️ Details were left out to stay under GitHub's comment size limit; the [job summary](https://github.com/acme/agents/actions/runs/4242) has the full report.");
    expect(run.outputs['agents-changed']).toBe('503');
    // Nothing is lost: the job summary has every agent's pending diff.
    expect(run.summary).toContain('Pending diff: agents/bulk/support-bulk-499.yaml (support-bulk-499)');
  });

  it('escapes user-written text (file paths, rule text in warnings) so it cannot inject HTML, break the layout or ping anyone', async () => {
    const files = await pinnedExamples();
    const hostile = '@acme/everyone <img src=x onerror=alert(1)> **loud** | cell';
    const rule = files[RULE_FILE]!.replace('{ find: "Be verbose.", with: "Be brief: two or three sentences." }', `{ find: ${JSON.stringify(hostile)}, with: "x" }`);
    const oddAgent = files['agents/support/triage.yaml']!.replace('name: support-triage', 'name: support-odd');
    fixture = await pullRequestRepo(files, { [RULE_FILE]: rule, 'agents/support/@here <b>odd</b> `x`.yaml': oddAgent });
    const run = await check();

    expect(run.code).toBe(0);
    const body = prose(fake.commentsOn(1)[0]!.body);
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt; \\*\\*loud\\*\\* \\| cell');
    expect(body).toContain('| support-odd | agents/support/@\u200dhere &lt;b&gt;odd&lt;/b&gt; \\`x\\`.yaml | added |');
    expect(body).toContain('<summary>Diff: agents/support/@\u200dhere &lt;b&gt;odd&lt;/b&gt; `x`.yaml (support-odd)</summary>');
    expect(body).not.toMatch(/<img|<b>/);
    expect(body).not.toMatch(/@(?!\u200d)[A-Za-z]/);
  });
});
