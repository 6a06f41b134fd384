import { describe, expect, it } from 'vitest';
import { planPromotion } from '../../src/rollout/promote-plan.js';
import { agentYaml, PROVIDERS, workspaceFrom } from '../helpers/workspace.js';

const rule = (steps?: string) => `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: m }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: anthropic, model: claude-sonnet-4-5 }
${steps ? `  rollout: { steps: ${steps} }\n` : ''}`;
const canary = (weight: number, migration = 'm') => `  rollout:
    migration: ${migration}
    weight: ${weight}
    model: { provider: anthropic, name: claude-sonnet-4-5, params: { max_tokens: 800 } }
`;
const files = (steps: string | undefined, agents: Record<string, string>) => ({ ...PROVIDERS, 'migrations/m.yaml': rule(steps), ...agents });
const plan = (f: Record<string, string>) => {
  const workspace = workspaceFrom(f);
  return planPromotion(workspace, workspace.migrations.get('m')!.value);
};

describe('planPromotion', () => {
  it('moves every agent of the canary to the step after the lowest weight, leaving other canaries alone', () => {
    const promotion = plan(
      files('[10, 50, 100]', {
        'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 800 }', canary(10)),
        'agents/b.yaml': agentYaml('b', 'gpt-4.1', '{ max_tokens: 800 }', canary(50)),
        'agents/c.yaml': agentYaml('c', 'gpt-4.1', '{ max_tokens: 800 }', canary(10, 'other')),
      }),
    )!;
    expect(promotion).toMatchObject({ migration: 'm', from: 10, to: 50, cutover: false });
    expect(promotion.agents.map((a) => [a.name, a.changes])).toEqual([['a', [{ path: 'spec.rollout.weight', before: 10, after: 50 }]]]);
    expect(Object.keys(promotion.files)).toEqual(['agents/a.yaml']);
    expect(promotion.files['agents/a.yaml']).toContain('    weight: 50\n');
  });

  it('cuts over at the last step: the candidate becomes the model and the rollout goes', () => {
    const promotion = plan(files('[10, 50, 100]', { 'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ temperature: 0.2, max_tokens: 800 }', canary(50)) }))!;
    expect(promotion).toMatchObject({ from: 50, to: 100, cutover: true });
    expect(promotion.agents[0]!.after.spec.model).toEqual({ provider: 'anthropic', name: 'claude-sonnet-4-5', params: { max_tokens: 800 } });
    expect(promotion.agents[0]!.after.spec.rollout).toBeUndefined();
    expect(promotion.files['agents/a.yaml']).not.toContain('rollout');
    expect(promotion.diff).toContain('-    provider: openai\n');
  });

  it('cuts over directly when the rule has no steps, and finds nothing when no agent is in the canary', () => {
    expect(plan(files(undefined, { 'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{}', canary(10)) }))).toMatchObject({ to: 100, cutover: true });
    expect(plan(files('[10, 100]', { 'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{}') }))).toBeUndefined();
  });
});
