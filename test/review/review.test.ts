import { describe, expect, it } from 'vitest';
import { evalGroups } from '../../src/review/eval-groups.js';
import { reviewChanges } from '../../src/review/review.js';
import { agentYaml, PROVIDERS, workspaceFrom } from '../helpers/workspace.js';

const RULE = `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: to-5 }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  params: { rename: { max_tokens: max_completion_tokens } }
  eval: { suites: [tickets], gate: { minPassRate: 0.9 } }
`;
const SUITE = `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: tickets }
spec:
  cases: [{ name: hi, input: hi, assert: [{ type: contains, value: hi }] }]
`;

const base = workspaceFrom({
  ...PROVIDERS,
  'evals/tickets.yaml': SUITE,
  'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 100 }'),
  'agents/b.yaml': agentYaml('b', 'gpt-4.1', '{ max_tokens: 100 }'),
  'agents/c.yaml': agentYaml('c', 'gpt-4.1', '{ max_tokens: 100 }'),
});
const head = workspaceFrom({
  ...PROVIDERS,
  'evals/tickets.yaml': SUITE,
  'migrations/to-5.yaml': RULE,
  'agents/a.yaml': agentYaml('a', 'gpt-5.1', '{ max_completion_tokens: 100 }'),
  'agents/b.yaml': agentYaml('b', 'gpt-4.1', '{ max_tokens: 100 }').replace('Be verbose.', 'Be brief.'),
  'agents/d.yaml': agentYaml('d', 'gpt-5.1', '{ max_completion_tokens: 50 }'),
});
const changed = ['migrations/to-5.yaml', 'agents/a.yaml', 'agents/b.yaml', 'agents/c.yaml', 'agents/d.yaml'];

describe('reviewChanges', () => {
  const review = reviewChanges(base, head, changed);

  it('finds what the PR changed and what the rule it adds would still change', () => {
    expect(review.agents.map((a) => [a.name, a.kind, a.migration ?? null])).toEqual([
      ['a', 'changed', 'to-5'],
      ['b', 'changed', null],
      ['b', 'pending', 'to-5'],
      ['c', 'removed', null],
      ['d', 'added', null],
    ]);
    expect(review.agents[0]!.changes.map((c) => c.path)).toEqual(['spec.model.name', 'spec.model.params.max_completion_tokens', 'spec.model.params.max_tokens']);
    expect(review.migrations.map((m) => [m.name, m.status, m.plan.summary.migrate])).toEqual([['to-5', 'added', 1]]);
  });

  it('keeps a diff per file: the PR\'s own, and the one the pending rule would write', () => {
    expect(review.diffs.map((d) => [d.source, d.file, d.agents])).toEqual([
      ['pr', 'agents/a.yaml', ['a']],
      ['pr', 'agents/b.yaml', ['b']],
      ['pr', 'agents/c.yaml', ['c']],
      ['pr', 'agents/d.yaml', ['d']],
      ['pending', 'agents/b.yaml', ['b']],
    ]);
    expect(review.diffs.find((d) => d.file === 'agents/c.yaml')!.patch).toContain('-  name: c');
    expect(review.diffs.at(-1)!.patch).toContain('+    params: { max_completion_tokens: 100 }');
  });

  it('pairs old and new config per migration; an agent the PR changes is not evaluated twice', () => {
    const groups = evalGroups(review, head, new Map([...base.providers].map(([name, p]) => [name, p.value])));
    expect(groups.map((g) => [g.migration ?? null, g.suites ?? null, g.pairs.map((p) => p.agent), g.skipped.map((s) => s.name)])).toEqual([
      ['to-5', ['tickets'], ['a'], ['b']],
      [null, null, ['b'], []],
    ]);
    expect(groups[0]!.gate).toEqual({ minPassRate: 0.9 });
    expect(groups[0]!.skipped[0]!.reason).toBe('also changed by this pull request; evaluated with that change');
  });
});
