import { afterEach, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/commands/check.js';
import { pinnedExamples, pullRequestRepo, type PullRequestFixture } from '../action/harness.js';

let fixture: PullRequestFixture | undefined;
afterEach(async () => {
  await fixture?.repo.cleanup();
  fixture = undefined;
});

const MIGRATION = (references: string) => `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: gpt-4.1-to-gpt-5.1-refs }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
${references}`;

async function comment(references: string): Promise<string> {
  // The examples without their sample app, so the counts below are this test's own.
  const files = Object.fromEntries(Object.entries(await pinnedExamples()).filter(([file]) => !file.startsWith('app/')));
  // Application code beside the workspace: two places on gpt-4.1, one of them refused by gpt-5.1 (temperature).
  files['app/main.py'] = 'a = client.responses.create(model="gpt-4.1", input=q)\nb = client.chat.completions.create(model="gpt-4.1", temperature=0.2, messages=m)\n';
  fixture = await pullRequestRepo(files, { 'migrations/refs.yaml': MIGRATION(references) });
  const result = await checkCommand(
    { cwd: fixture.repo.dir, env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false, now: new Date('2026-11-22T12:00:00Z') },
    { base: fixture.base, head: fixture.head, evalMode: 'never', comment: false, format: 'json' },
  );
  return result.data.comment.body;
}

describe('check comment: references outside modelshift files', () => {
  it('counts the places a migration without spec.references leaves behind', async () => {
    expect(await comment('')).toContain('gpt-4.1 is also referenced outside modelshift files: 2 places (2 not covered by this migration)');
  });

  it('counts fewer uncovered places when spec.references rewrites some', async () => {
    expect(await comment('  references: { include: ["app/**"] }\n')).toContain('gpt-4.1 is also referenced outside modelshift files: 2 places (1 not covered by this migration)');
  });
});
