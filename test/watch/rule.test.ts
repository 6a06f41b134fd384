import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findDeadlines } from '../../src/watch/deadlines.js';
import { planMigration } from '../../src/plan/plan.js';
import { generateRule } from '../../src/watch/rule.js';
import { agentYaml, PROVIDERS, workspaceFrom } from '../helpers/workspace.js';

const CONFIG = (extra = '') => `apiVersion: modelshift.dev/v1
kind: Workspace
metadata: { name: ws }
spec:
  catalog: { models: { gpt-4.1: { retires: "2027-01-14" } } }
  watch: { successors: { gpt-4.1: gpt-5.1 } }
${extra}`;
const RULE = (name: string, from: string, select = '') => `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: ${name} }
spec:
  from: { provider: openai, model: ${from} }
  to: { provider: openai, model: gpt-5.1 }
${select}`;

describe('findDeadlines', () => {
  it('includes models retiring within the horizon and retired ones, not later ones', () => {
    const ws = workspaceFrom({ ...PROVIDERS, 'modelshift.yaml': CONFIG(), 'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 100 }') });
    expect(findDeadlines(ws, { today: '2026-10-15', horizonDays: 90 })).toEqual([]);
    expect(findDeadlines(ws, { today: '2026-10-16', horizonDays: 90 })).toMatchObject([{ model: 'gpt-4.1', daysLeft: 90, uncovered: ['a'] }]);
    expect(findDeadlines(ws, { today: '2027-02-01', horizonDays: 90 })).toMatchObject([{ model: 'gpt-4.1', daysLeft: -18 }]);
  });

  it('counts agents a migration selects, or a canary runs on, as covered; the rest are uncovered', () => {
    const canary = '  rollout:\n    migration: other\n    weight: 10\n    model: { provider: openai, name: gpt-5.1 }\n';
    const ws = workspaceFrom({
      ...PROVIDERS, 'modelshift.yaml': CONFIG(),
      'agents/a.yaml': agentYaml('support-a', 'gpt-4.1', '{ max_tokens: 100 }'),
      'agents/b.yaml': agentYaml('support-b', 'gpt-4.1', '{ max_tokens: 100 }'),
      'agents/c.yaml': agentYaml('c', 'gpt-4.1', '{ max_tokens: 100 }', canary),
      'migrations/m.yaml': RULE('support-move', 'gpt-4.1', '  select: { names: ["support-a"] }\n'),
    });
    expect(findDeadlines(ws, { today: '2026-12-15', horizonDays: 90 })).toMatchObject([{
      covered: [{ agent: 'c', migration: 'other' }, { agent: 'support-a', migration: 'support-move' }], uncovered: ['support-b'],
    }]);
  });
});

describe('agents a person excluded', () => {
  it('are left out of the generated rule, which carries the exclusion and says why', () => {
    const ws = workspaceFrom({
      ...PROVIDERS, 'modelshift.yaml': CONFIG(),
      'agents/a.yaml': agentYaml('support-a', 'gpt-4.1', '{ max_tokens: 100 }'),
      'agents/b.yaml': agentYaml('support-b', 'gpt-4.1', '{ max_tokens: 100 }'),
      'agents/l.yaml': agentYaml('support-legacy', 'gpt-4.1', '{ max_tokens: 100 }'),
      // Takes nobody but names support-legacy: a person's decision; support-b is merely not selected.
      'migrations/m.yaml': RULE('support-move', 'gpt-4.1', '  select: { names: ["support-a"], exclude: ["support-leg*"] }\n'),
    });
    const [deadline] = findDeadlines(ws, { today: '2026-12-15', horizonDays: 90 });
    expect(deadline).toMatchObject({ covered: [{ agent: 'support-a', migration: 'support-move' }], excluded: [{ agent: 'support-legacy', migration: 'support-move' }], uncovered: ['support-b'] });
    const rule = generateRule(ws, { ...deadline!, successor: 'gpt-5.1' }, {}, new Set());
    expect(rule.agents).toEqual(['support-b']);
    expect(rule.text).toContain('  # Left out as a person decided: support-legacy (spec.select.exclude of support-move).\n  select: { names: [support-b], exclude: [support-legacy] }\n');
    // Put in the workspace, the rule takes support-b only and names the exclusion as the reason support-legacy stays.
    const withRule = workspaceFrom({ ...PROVIDERS, 'modelshift.yaml': CONFIG(), 'agents/b.yaml': agentYaml('support-b', 'gpt-4.1', '{ max_tokens: 100 }'), 'agents/l.yaml': agentYaml('support-legacy', 'gpt-4.1', '{ max_tokens: 100 }'), [rule.file]: rule.text }, '2026-12-15');
    const plan = planMigration(withRule, withRule.migrations.get(rule.name)!);
    expect(plan.agents.map((a) => a.name)).toEqual(['support-b']);
    expect(plan.skipped).toEqual([expect.objectContaining({ name: 'support-legacy', reason: 'excluded by spec.select.exclude' })]);
  });
});

describe('generateRule', () => {
  it('writes a valid rule: selects only the uncovered agents, renames and drops what the successor refuses, no eval when no suite applies', () => {
    const ws = workspaceFrom({
      ...PROVIDERS, 'modelshift.yaml': CONFIG(),
      'agents/a.yaml': agentYaml('support-a', 'gpt-4.1', '{ max_tokens: 100, temperature: 0.3, top_p: 0.9 }'),
      'agents/b.yaml': agentYaml('support-b', 'gpt-4.1', '{ max_tokens: 100 }'),
      'migrations/m.yaml': RULE('gpt-4.1-to-gpt-5.1', 'gpt-4.1', '  select: { names: ["support-a"] }\n'),
    });
    const [deadline] = findDeadlines(ws, { today: '2026-12-15', horizonDays: 90 });
    const rule = generateRule(ws, { ...deadline!, successor: 'gpt-5.1' }, { minPassRate: 0.9 }, new Set());
    // The workspace already has a migration of that name: the generated one gets another.
    expect(rule.name).toBe('gpt-4.1-to-gpt-5.1-openai');
    expect(rule.file).toBe('migrations/gpt-4.1-to-gpt-5.1-openai.yaml');
    const doc = parse(rule.text) as { spec: Record<string, unknown> };
    expect(doc.spec).toEqual({
      from: { provider: 'openai', model: 'gpt-4.1' }, to: { provider: 'openai', model: 'gpt-5.1' },
      select: { names: ['support-b'] }, params: { rename: { max_tokens: 'max_completion_tokens' } }, deadline: '2027-01-14',
    });
    const checked = workspaceFrom({ ...PROVIDERS, 'modelshift.yaml': CONFIG(), [rule.file]: rule.text }, '2026-12-15');
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(checked.migrations.get(rule.name)?.value.metadata.labels).toEqual({ 'generated-by': 'modelshift-watch' });
  });

  it('drops every refused parameter of any agent, quotes ids YAML would misread, and is byte-stable', () => {
    const ws = workspaceFrom({
      ...PROVIDERS, 'modelshift.yaml': CONFIG(),
      'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 100, temperature: 0.3, top_p: 0.9, presence_penalty: 0.1 }'),
      'evals/s.yaml': 'apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata: { name: s }\nspec:\n  cases: [{ name: x, input: hi, assert: [{ type: contains, value: hi }] }]\n',
    });
    const [deadline] = findDeadlines(ws, { today: '2026-12-15', horizonDays: 90 });
    const make = () => generateRule(ws, { ...deadline!, successor: 'gpt-5.1' }, { minPassRate: 0.9, maxPassRateDrop: 0.05 }, new Set());
    const rule = make();
    expect(rule.text).toBe(make().text);
    expect(rule.text).toContain('    drop: [presence_penalty, temperature, top_p]\n');
    expect(rule.text).toContain('    suites: [s]\n    gate: { minPassRate: 0.9, maxPassRateDrop: 0.05 }\n');
    expect(rule.text).not.toContain('select:');
    const odd = generateRule(ws, { ...deadline!, model: 'yes', successor: '1.5' }, {}, new Set());
    expect((parse(odd.text) as { spec: { from: { model: unknown }; to: { model: unknown } } }).spec).toMatchObject({ from: { model: 'yes' }, to: { model: '1.5' } });
  });
});
