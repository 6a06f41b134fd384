import { describe, expect, it } from 'vitest';
import { planMigration } from '../../src/plan/plan.js';
import { PROVIDERS, agentYaml, workspaceFrom } from '../helpers/workspace.js';

const migration = (name: string, spec: string) => `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: ${name} }
spec:
${spec}`;

const RULE = migration('to-5.1', `  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  select: { names: ["support-*"], exclude: [support-legacy] }
  params: { rename: { max_tokens: max_completion_tokens }, drop: [temperature], set: { reasoning_effort: low } }
  instructions: { replace: [{ find: "Be verbose.", with: "Be brief." }] }
  eval: { suites: [] }
`.replace('  eval: { suites: [] }\n', ''));

function plan(files: Record<string, string>, name = 'to-5.1') {
  const ws = workspaceFrom({ ...PROVIDERS, ...files });
  return planMigration(ws, ws.migrations.get(name)!);
}

describe('planMigration', () => {
  it('migrates the selected agents and gives every other agent on the source model a reason', () => {
    const result = plan({
      'migrations/a.yaml': RULE,
      'agents/a.yaml': agentYaml('support-a', 'gpt-4.1', '{ temperature: 0.2, max_tokens: 800 }'),
      'agents/legacy.yaml': agentYaml('support-legacy', 'gpt-4.1', '{ max_tokens: 100 }'),
      'agents/sales.yaml': agentYaml('sales-b', 'gpt-4.1', '{ max_tokens: 100 }'),
      'agents/other.yaml': agentYaml('support-c', 'gpt-4o', '{ max_tokens: 100 }'),
    });
    expect(result.agents.map((a) => a.name)).toEqual(['support-a']);
    expect(result.skipped).toEqual([
      { name: 'sales-b', reason: 'name does not match spec.select.names (support-*)', code: 'not-selected' },
      { name: 'support-legacy', reason: 'excluded by spec.select.exclude', code: 'excluded' },
    ]);
    expect(result.agents[0]!.changes).toEqual([
      { path: 'spec.model.name', before: 'gpt-4.1', after: 'gpt-5.1' },
      { path: 'spec.model.params.max_completion_tokens', before: undefined, after: 800 },
      { path: 'spec.model.params.reasoning_effort', before: undefined, after: 'low' },
      { path: 'spec.model.params.temperature', before: 0.2, after: undefined },
      { path: 'spec.model.params.max_tokens', before: 800, after: undefined },
      { path: 'spec.instructions', before: 'You help customers.\nBe verbose.\n', after: 'You help customers.\nBe brief.\n' },
    ]);
    expect(result.files['agents/a.yaml']).toBe(
      agentYaml('support-a', 'gpt-5.1', '{ max_completion_tokens: 800, reasoning_effort: low }').replace('Be verbose.', 'Be brief.'),
    );
    expect(result.summary).toEqual({ migrate: 1, skipped: 2, warnings: 1, errors: 0 });
    expect(result.warnings).toEqual(['evals are not configured for this migration (spec.eval); the change is not measured before merge']);
    expect(result.diff).toContain('-    name: gpt-4.1\n-    params: { temperature: 0.2, max_tokens: 800 }\n+    name: gpt-5.1\n+    params: { max_completion_tokens: 800, reasoning_effort: low }\n');
  });

  it('reports an agent claimed by two migrations', () => {
    const other = migration('other', '  from: { provider: openai, model: "gpt-4*" }\n  to: { provider: anthropic, model: claude-haiku-4-5 }\n');
    const result = plan({ 'migrations/a.yaml': RULE, 'migrations/b.yaml': other, 'agents/a.yaml': agentYaml('support-a', 'gpt-4.1', '{ max_tokens: 800 }') });
    expect(result.agents[0]!.warnings).toContain('also claimed by migration other; make the rules\' selections disjoint');
  });

  it('skips agents whose file is invalid and agents in another migration\'s canary', () => {
    const canary = `  rollout:\n    migration: other\n    weight: 10\n    model: { provider: openai, name: gpt-5.1 }\n`;
    const result = plan({
      'migrations/a.yaml': RULE,
      'agents/bad.yaml': agentYaml('support-bad', 'gpt-4.1', '{ max_tokens: 800 }').replace('kind: Agent', 'kind: Agent\nsecret: sk-proj-abcdefghijklmnopqrstuvwxyz123456'),
      'agents/canary.yaml': agentYaml('support-canary', 'gpt-4.1', '{ max_tokens: 800 }', canary),
    });
    expect(result.agents).toEqual([]);
    expect(result.skipped.map((s) => [s.name, s.code])).toEqual([
      ['support-bad', 'invalid'],
      ['support-canary', 'canary'],
    ]);
  });

  it('writes spec.rollout instead of the model when the rule has rollout steps', () => {
    const rule = migration('canary', '  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: anthropic, model: claude-haiku-4-5 }\n  rollout: { steps: [10, 100] }\n');
    const result = plan({ 'migrations/c.yaml': rule, 'agents/a.yaml': agentYaml('support-a', 'gpt-4.1', '{ temperature: 0.2, max_tokens: 800 }') }, 'canary');
    expect(result.rollout).toBe(true);
    expect(result.agents[0]!.after.spec.model.name).toBe('gpt-4.1');
    expect(result.agents[0]!.after.spec.rollout).toEqual({ migration: 'canary', weight: 10, model: { provider: 'anthropic', name: 'claude-haiku-4-5', params: { temperature: 0.2, max_tokens: 800 } } });
    expect(result.files['agents/a.yaml']).toContain('  rollout:\n    migration: canary\n    weight: 10\n    model:\n      provider: anthropic\n');
  });

  it('refuses an edit that would also change another value through a YAML alias', () => {
    // Anchors only reach within one document, so the shared value is another field of the same agent.
    const shared = `apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: support-a, description: &model gpt-4.1 }
spec:
  model:
    provider: openai
    name: *model
    params: { max_tokens: 800 }
  instructions: hi
`;
    const result = plan({ 'migrations/a.yaml': RULE, 'agents/shared.yaml': shared });
    expect(result.agents.map((a) => a.name)).toEqual(['support-a']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'agents/shared.yaml', line: 7, column: 11, rule: 'edit-alias', path: '' });
    expect(result.summary.errors).toBe(1);
    expect(result.errors[0]!.message).toMatch(/anchor &model/);
    expect(result.files).toEqual({});
    expect(result.diff).toBe('');
  });
});

describe('instructions.append on a plain scalar', () => {
  it('writes a literal block scalar, not an escaped one-line string', () => {
    const agent = `apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: support-a }
spec:
  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 100 } }
  instructions: You help customers.
`;
    const rule = migration('append', `  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-4.1-mini }
  instructions: { append: "Answer in at most three sentences." }
`);
    const result = plan({ 'agents/a.yaml': agent, 'migrations/m.yaml': rule }, 'append');
    expect(result.files['agents/a.yaml']).toContain('  instructions: |-\n    You help customers.\n\n    Answer in at most three sentences.\n');
  });
});

describe('agents on the source model that cannot be read', () => {
  it('are skipped as invalid, by name or by file, whether the YAML breaks or a key is misspelt', () => {
    const rule = 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: m }\nspec:\n  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n';
    const ws = workspaceFrom({
      ...PROVIDERS,
      'migrations/m.yaml': rule,
      'agents/ok.yaml': agentYaml('ok', 'gpt-4.1', '{ max_tokens: 10 }'),
      'agents/typo.yaml': agentYaml('typo', 'gpt-4.1', '{ max_tokens: 10 }').replace('    provider: openai', '    provder: openai'),
      'agents/broken.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: broken\nspec:\n  model: { provider: openai, name: gpt-4.1 }\n',
      'agents/other.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: other\nspec:\n  model: { provider: openai, name: gpt-5.2 }\n',
    });
    const plan = planMigration(ws, ws.migrations.get('m')!);
    expect(plan.agents.map((a) => a.name)).toEqual(['ok']);
    expect(plan.skipped.filter((s) => s.code === 'invalid').map((s) => s.name)).toEqual(['agents/broken.yaml', 'typo']);
  });
});
