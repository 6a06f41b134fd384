import { describe, expect, it } from 'vitest';
import { reportOf } from '../../src/commands/validate.js';
import { reviewChanges } from '../../src/review/review.js';
import { COMMENT_LIMIT, fitCheckComment } from '../../src/render/comment-fit.js';
import { renderCheckComment, type CheckReport } from '../../src/render/comment.js';
import { agentYaml, PROVIDERS, workspaceFrom } from '../helpers/workspace.js';

const RULE = `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: to-5 }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  params: { rename: { max_tokens: max_completion_tokens } }
`;

function report(agents: number): CheckReport {
  const files: Record<string, string> = { ...PROVIDERS };
  for (let i = 0; i < agents; i++) files[`agents/a${i}.yaml`] = agentYaml(`a${i}`, 'gpt-4.1', '{ max_tokens: 100 }');
  const base = workspaceFrom(files);
  const head = workspaceFrom({ ...files, 'migrations/to-5.yaml': RULE });
  return { review: reviewChanges(base, head, ['migrations/to-5.yaml']), validation: reportOf(head), evals: [], gate: 'skipped' };
}

const marker = { head: 'abc', at: '2026-11-22T10:00:00Z' };
const SUMMARY = '**300 agents migrate gpt-4.1 → gpt-5.1**';

describe('fitCheckComment', () => {
  const big = report(300);
  const full = renderCheckComment(big, { marker });

  it('posts everything when it fits', () => {
    const fitted = fitCheckComment(big, { marker, limit: full.length });
    expect(fitted).toEqual({ body: full, trimmed: false });
    expect(full).toContain('<details><summary>Pending diff: agents/a299.yaml (a299)</summary>');
  });

  it('drops diffs before agent rows, and says so with a link to the run', () => {
    const withoutDiffs = renderCheckComment(big, { marker, detail: { diffs: 0, agents: Infinity, items: Infinity, evals: 'full' }, note: 'x' });
    const fitted = fitCheckComment(big, { marker, limit: withoutDiffs.length + 200, runUrl: 'https://github.com/acme/agents/actions/runs/1' });
    expect(fitted.trimmed).toBe(true);
    expect(fitted.body).not.toContain('<summary>Pending diff');
    expect(fitted.body).toContain('| a299 | agents/a299.yaml | pending (to-5): not applied in this pull request |');
    expect(fitted.body).toContain('300 more file diffs in the job summary.');
    expect(fitted.body).toContain("✂️ Details were left out to stay under GitHub's comment size limit; the [job summary](https://github.com/acme/agents/actions/runs/1) has the full report.");
  });

  it('keeps the marker, the summary line and the verdict at the smallest size', () => {
    const fitted = fitCheckComment(big, { marker, limit: 1500 });
    expect(fitted.body.length).toBeLessThanOrEqual(1500);
    expect(fitted.body.startsWith('<!-- modelshift {"tool":"modelshift","kind":"check","v":1,"head":"abc","at":"2026-11-22T10:00:00Z"} -->\n')).toBe(true);
    expect(fitted.body).toContain(SUMMARY);
    expect(fitted.body).toContain('✅ valid: ');
    expect(fitted.body).toContain('…and 300 more agents (the job summary lists them all).');
  });

  it('uses GitHub\'s limit with a margin by default', () => {
    expect(COMMENT_LIMIT).toBe(60_000);
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(fitCheckComment(big, { marker }).body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  });
});
