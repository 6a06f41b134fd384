import { describe, expect, it } from 'vitest';
import { ExternalError, UsageError } from '../../src/errors.js';
import { compileBundle, storedAgents } from '../../src/sync/bundle.js';
import { agentYaml, PROVIDERS, workspaceFrom } from '../helpers/workspace.js';
import { bundleFrom, REVISION, sampleFiles } from './fixtures.js';

describe('compileBundle', () => {
  it('resolves every model with its provider endpoint and key NAME, canary included, agents sorted', () => {
    const bundle = bundleFrom(sampleFiles());
    expect(bundle.bundleVersion).toBe(1);
    expect(bundle.revision).toEqual(REVISION);
    expect(Object.keys(bundle.agents)).toEqual(['docs-search', 'report-writer', 'support-triage']);
    expect(bundle.agents['support-triage']).toEqual({
      model: { provider: 'openai', type: 'openai', apiKeyEnv: 'OPENAI_API_KEY', name: 'gpt-4.1', params: { temperature: 0.2, max_tokens: 800 } },
      instructions: 'You help customers.\nBe verbose.\n',
      rollout: {
        migration: 'gpt-4.1-to-claude',
        weight: 10,
        model: { provider: 'anthropic', type: 'anthropic', apiKeyEnv: 'ANTHROPIC_API_KEY', name: 'claude-sonnet-4-5', params: { max_tokens: 800 } },
      },
    });
    expect(bundle.agents['docs-search']!.model).toEqual({
      provider: 'local',
      type: 'openai-compatible',
      baseURL: 'http://gpu-01.internal:8000/v1',
      name: 'meta-llama/Llama-3.3-70B-Instruct',
      params: { temperature: 0.1 },
    });
  });

  it('carries tools and the response format, and gives params as {} when the agent has none', () => {
    const extra = `  tools:
    - { name: lookup_order, parameters: { type: object } }
  responseFormat: { type: json_object }
`;
    const text = agentYaml('a', 'gpt-4.1', '{}', extra).replace('    params: {}\n', '');
    const bundle = bundleFrom({ ...PROVIDERS, 'agents/a.yaml': text });
    expect(bundle.agents.a).toMatchObject({ tools: [{ name: 'lookup_order', parameters: { type: 'object' } }], responseFormat: { type: 'json_object' } });
    expect(bundle.agents.a!.model.params).toEqual({});
  });

  it('refuses an agent whose provider is not defined', () => {
    const workspace = workspaceFrom({ 'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{}') });
    expect(() => compileBundle([workspace.agents.get('a')!.value], new Map(), REVISION)).toThrow(UsageError);
  });
});

describe('storedAgents', () => {
  it('reads the agents of a v1 bundle as they are, unknown top-level keys allowed', () => {
    const agents = storedAgents({ bundleVersion: 1, revision: REVISION, updatedAt: 'x', agents: { a: { anything: true } } }, 'here');
    expect([...agents]).toEqual([['a', { anything: true }]]);
  });

  it('refuses what is not a bundle, and a bundle of another format, naming the place', () => {
    expect(() => storedAgents({ hello: 'world' }, 'build/agents.json')).toThrow(/build\/agents.json does not hold a modelshift bundle/);
    expect(() => storedAgents({ bundleVersion: 2, agents: {} }, 'x')).toThrow(ExternalError);
    try {
      storedAgents({ bundleVersion: 2, agents: {} }, 'x');
    } catch (error) {
      expect((error as ExternalError).details.hint).toMatch(/upgrade modelshift/);
    }
  });
});
