import type { BundleAgent, BundleModel, ProviderType } from '../runtime/index.js';

/**
 * One entry of a LiteLLM proxy `model_list`. Deployments sharing a
 * `model_name` are load-balanced; under the default `simple-shuffle`
 * strategy, `litellm_params.weight` sets each one's share
 * (https://docs.litellm.ai/docs/routing, "Weight-based shuffling").
 */
export interface LiteLLMDeployment {
  model_name: string;
  litellm_params: Record<string, unknown>;
  /** `id` names the deployment in LiteLLM's logs and spend tracking, and marks the entry as modelshift's. */
  model_info: { id: string };
}

/** Deployment ids modelshift writes start with this; entries without it are someone else's and never touched. */
export const ID_PREFIX = 'modelshift:';

/** The id of an agent's deployment: `modelshift:<agent>:stable`, or `:candidate` for a canary's. */
export function deploymentId(agent: string, side: 'stable' | 'candidate'): string {
  return `${ID_PREFIX}${agent}:${side}`;
}

/** LiteLLM's provider prefix of `litellm_params.model` for each provider type. */
const PREFIX: Record<ProviderType, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  // LiteLLM reaches any OpenAI-compatible server as `openai/<model>` with `api_base` set.
  'openai-compatible': 'openai',
  'azure-openai': 'azure',
};

/** Keys modelshift sets itself; an agent param of the same name cannot be carried. */
const RESERVED = ['model', 'api_base', 'api_key', 'weight'] as const;

/**
 * The deployments of one agent: one, or during a canary two sharing the
 * agent's name, weighted `100 - weight` and `weight`. Pure.
 */
export function agentDeployments(name: string, agent: BundleAgent): { deployments: LiteLLMDeployment[]; warnings: string[] } {
  const warnings: string[] = [];
  const params = (model: BundleModel, weight?: number): Record<string, unknown> => {
    const carried = Object.entries(model.params).filter(([key]) => {
      if (!(RESERVED as readonly string[]).includes(key)) return true;
      warnings.push(`${name}: param "${key}" is left out of the LiteLLM config, where ${key} is LiteLLM's own setting`);
      return false;
    });
    return {
      model: `${PREFIX[model.type]}/${model.name}`,
      ...(model.baseURL !== undefined ? { api_base: model.baseURL } : {}),
      // LiteLLM reads `os.environ/NAME` from its own environment: the key never enters the file.
      ...(model.apiKeyEnv !== undefined ? { api_key: `os.environ/${model.apiKeyEnv}` } : {}),
      ...Object.fromEntries(carried),
      ...(weight !== undefined ? { weight } : {}),
    };
  };
  const rollout = agent.rollout;
  const deployment = (side: 'stable' | 'candidate', litellm_params: Record<string, unknown>): LiteLLMDeployment => ({
    model_name: name,
    litellm_params,
    model_info: { id: deploymentId(name, side) },
  });
  const deployments = rollout
    ? [deployment('stable', params(agent.model, 100 - rollout.weight)), deployment('candidate', params(rollout.model, rollout.weight))]
    : [deployment('stable', params(agent.model))];
  return { deployments, warnings };
}
