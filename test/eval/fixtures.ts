import type { LlmResponse } from '../../src/llm/types.js';
import type { Agent } from '../../src/schema/agent.js';
import type { Assertion, EvalCase, EvalSuite } from '../../src/schema/eval-suite.js';
import type { Provider, ProviderType } from '../../src/schema/provider.js';
import type { CaseResult, CaseStatus, ModelCatalog } from '../../src/eval/types.js';

export function provider(name: string, type: ProviderType, baseURL: string): Provider {
  return { apiVersion: 'modelshift.dev/v1', kind: 'Provider', metadata: { name }, spec: { type, baseURL, apiKeyEnv: 'KEY' } };
}

export function agent(name: string, model: { provider: string; name: string; params?: Record<string, unknown> }, extra: Partial<Agent['spec']> = {}, labels?: Record<string, string>): Agent {
  return {
    apiVersion: 'modelshift.dev/v1',
    kind: 'Agent',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: { model, instructions: `You are ${name}.`, ...extra },
  };
}

export function suite(name: string, cases: EvalCase[], spec: Partial<Omit<EvalSuite['spec'], 'cases'>> = {}): EvalSuite {
  return { apiVersion: 'modelshift.dev/v1', kind: 'EvalSuite', metadata: { name }, spec: { repeat: 1, ...spec, cases } };
}

export function evalCase(name: string, input: string, assert: Assertion[]): EvalCase {
  return { name, input, assert };
}

/** Prices per million tokens for the models the tests use. */
export const catalog: ModelCatalog = {
  lookup(model) {
    const prices: Record<string, { provider: 'openai' | 'anthropic'; in: number; out: number }> = {
      'gpt-4.1': { provider: 'openai', in: 2, out: 8 },
      'gpt-5.1': { provider: 'openai', in: 1.25, out: 10 },
      'gpt-5.1-mini': { provider: 'openai', in: 0.25, out: 2 },
      'claude-opus-4-5': { provider: 'anthropic', in: 5, out: 25 },
    };
    const p = prices[model];
    if (!p) return undefined;
    return {
      provider: p.provider,
      price: { inputPerMTok: p.in, outputPerMTok: p.out },
      params: { tokenLimit: p.provider === 'anthropic' ? 'max_tokens' : 'max_completion_tokens', maxTokensRequired: p.provider === 'anthropic', temperature: model.startsWith('gpt-5') ? false : { min: 0, max: 2 }, topP: true, temperatureTopPExclusive: false },
    };
  },
};

export function response(text: string, extra: Partial<LlmResponse> = {}): LlmResponse {
  return { text, toolCalls: [], usage: { inputTokens: 100, outputTokens: 20 }, latencyMs: 100, finishReason: 'stop', ...extra };
}

/** A result as the runner makes it, for the pure scoring tests. */
export function result(status: CaseStatus, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    agent: 'a',
    side: 'base',
    suite: 's',
    case: 'c',
    repeat: 1,
    provider: 'openai',
    providerType: 'openai',
    model: 'gpt-4.1',
    status,
    assertions: [],
    cached: false,
    judgeCalls: [],
    ...(status === 'pass' || status === 'fail' ? { response: response('x') } : {}),
    ...extra,
  };
}

export { seeded } from '../../src/seeded.js';
