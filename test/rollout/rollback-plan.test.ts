import { describe, expect, it } from 'vitest';
import { planRollback } from '../../src/rollout/rollback-plan.js';
import type { ModelChange } from '../../src/rollout/rollback-history.js';
import { agentYaml, PROVIDERS, workspaceFrom } from '../helpers/workspace.js';

const before = { provider: 'openai', name: 'gpt-4.1', params: { temperature: 0.2, max_tokens: 800 } };
const after = { provider: 'openai', name: 'gpt-5.1', params: { max_completion_tokens: 800 } };
const change = (agent: string, overrides: Partial<ModelChange> = {}): ModelChange => ({ agent, before, after, commit: 'c0ffee', ...overrides });
const migrated = (name: string, params = '{ max_completion_tokens: 800 }', extra = '') => agentYaml(name, 'gpt-5.1', params, extra);

describe('planRollback', () => {
  it('puts back the model and params from before, and lists every agent it leaves with the reason', () => {
    const workspace = workspaceFrom({
      ...PROVIDERS,
      'agents/a.yaml': migrated('a'),
      'agents/b.yaml': agentYaml('b', 'gpt-5.2', '{ max_completion_tokens: 800 }'),
      'agents/c.yaml': migrated('c', '{ max_completion_tokens: 400 }'),
      'agents/d.yaml': migrated('d', '{ max_completion_tokens: 800 }', '  rollout:\n    migration: other\n    weight: 10\n    model: { provider: anthropic, name: claude-sonnet-4-5 }\n'),
      'agents/f.yaml': migrated('f'),
    });
    const plan = planRollback(workspace, 'm', [change('a'), change('b'), change('c'), change('d'), change('e'), change('f', { before: undefined })]);
    expect(plan.agents.map((a) => a.name)).toEqual(['a']);
    expect(plan.agents[0]!.after.spec.model).toEqual(before);
    expect(plan.skipped).toEqual([
      { name: 'b', reason: 'changed since m set it: now on openai/gpt-5.2' },
      { name: 'c', reason: 'its params changed since m set them' },
      { name: 'd', reason: 'in the canary of migration other; promote or roll that back first' },
      { name: 'e', reason: 'no longer exists' },
      { name: 'f', reason: 'its model before m could not be read from history' },
    ]);
    expect(Object.keys(plan.files)).toEqual(['agents/a.yaml']);
    expect(plan.files['agents/a.yaml']).toContain('    name: gpt-4.1\n');
  });

  it('ends the migration\'s own canary, and changes nothing when nothing is left', () => {
    const workspace = workspaceFrom({
      ...PROVIDERS,
      'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 800 }', '  rollout:\n    migration: m\n    weight: 10\n    model: { provider: anthropic, name: claude-sonnet-4-5 }\n'),
    });
    const plan = planRollback(workspace, 'm', []);
    expect(plan.agents.map((a) => [a.name, a.changes.map((c) => c.path)])).toEqual([['a', ['spec.rollout']]]);
    expect(plan.files['agents/a.yaml']).not.toContain('rollout');
    expect(planRollback(workspace, 'unrelated', [])).toMatchObject({ agents: [], skipped: [], files: {}, diff: '' });
  });
});
