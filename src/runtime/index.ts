/**
 * `modelshift/runtime`: what an application needs to read a bundle that
 * `modelshift sync` wrote and pick the model for a conversation. No
 * dependencies, so it can ship in any service, worker or edge function.
 *
 * ```ts
 * import { resolveModel } from 'modelshift/runtime';
 * const model = resolveModel(bundle, 'support-triage', conversationId);
 * span.setAttributes(telemetryAttributes(model, 'support-triage'));
 * ```
 */
import { murmur3 } from './hash.js';

/** The bundle format this module reads; `modelshift sync` writes the same number. */
export const BUNDLE_VERSION = 1;

export type ProviderType = 'openai' | 'anthropic' | 'openai-compatible' | 'azure-openai';

/**
 * A model on a provider, resolved: the provider's endpoint travels with it so
 * an application needs nothing else to call it. `apiKeyEnv` is the NAME of the
 * environment variable holding the key, never the key; `baseURL` is absent
 * when the provider's standard endpoint is meant.
 */
export interface BundleModel {
  provider: string;
  type: ProviderType;
  baseURL?: string;
  apiKeyEnv?: string;
  name: string;
  /** Provider-native request parameters (`max_completion_tokens`, `temperature`, …). */
  params: Record<string, unknown>;
}

export interface BundleTool {
  name: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters?: Record<string, unknown>;
}

export type BundleResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict?: boolean };

/** A canary: `weight` percent of conversations get `model` instead of the agent's own. */
export interface BundleRollout {
  migration: string;
  weight: number;
  model: BundleModel;
}

export interface BundleAgent {
  model: BundleModel;
  instructions: string;
  tools?: BundleTool[];
  responseFormat?: BundleResponseFormat;
  rollout?: BundleRollout;
}

/** Bundle format v1 (README, "Sync, canaries and rollback"). */
export interface Bundle {
  bundleVersion: typeof BUNDLE_VERSION;
  /** The commit of the workspace the bundle was compiled from; `"uncommitted"` outside git; `dirty` when files differed from it. */
  revision: { commit: string; dirty: boolean };
  /** By `metadata.name`. */
  agents: Record<string, BundleAgent>;
}

/** Which side of a canary a conversation is on; outside a canary every conversation is on `control`, the agent's own model. */
export type Arm = 'control' | 'candidate';

/**
 * The model for one conversation. `canary` is present while the agent runs a
 * canary, saying which side this conversation is on. `fallback` is present
 * only on the candidate arm: the control model, so an application can retry a
 * call the candidate failed on the model that served before.
 */
export type ResolvedModel = BundleModel & { arm: Arm; canary?: { migration: string; candidate: boolean }; fallback?: BundleModel };

/** The bundle has no agent of that name: usually a typo, or a bundle older than the agent. */
export class UnknownAgentError extends Error {
  override name = 'UnknownAgentError';
  constructor(readonly agent: string) {
    super(`the bundle has no agent named "${agent}"`);
  }
}

/** The bundle was written in a format this version of modelshift/runtime cannot read. */
export class BundleVersionError extends Error {
  override name = 'BundleVersionError';
  constructor(readonly version: unknown) {
    super(`bundle format ${String(version)} is not supported; this modelshift/runtime reads format ${BUNDLE_VERSION} (upgrade modelshift)`);
  }
}

/**
 * Where a conversation falls in a migration's canary, in [0, 100). It hashes
 * the migration with the conversation, so the answer is the same in every
 * process, and the two sides of one migration's canary are independent of
 * another migration's. A conversation below 10 stays below 50: raising the
 * weight only adds conversations to the candidate, it never moves one back.
 */
export function canaryBucket(migration: string, conversationId: string): number {
  // ':' cannot occur in a migration name, so no two (migration, id) pairs share a key.
  return (murmur3(`${migration}:${conversationId}`) / 2 ** 32) * 100;
}

/**
 * The model `agentName` uses for `conversationId`: the agent's model, or during
 * a canary the candidate for `rollout.weight` percent of conversations. The
 * same conversation always gets the same answer.
 * Throws UnknownAgentError or BundleVersionError.
 */
export function resolveModel(bundle: Bundle, agentName: string, conversationId: string): ResolvedModel {
  if (bundle.bundleVersion !== BUNDLE_VERSION) throw new BundleVersionError(bundle.bundleVersion);
  const agent = Object.hasOwn(bundle.agents, agentName) ? bundle.agents[agentName] : undefined;
  if (agent === undefined) throw new UnknownAgentError(agentName);
  const rollout = agent.rollout;
  if (rollout === undefined) return { ...agent.model, arm: 'control' };
  const canary = { migration: rollout.migration, candidate: canaryBucket(rollout.migration, conversationId) < rollout.weight };
  if (!canary.candidate) return { ...agent.model, arm: 'control', canary };
  return { ...rollout.model, arm: 'candidate', canary, fallback: { ...agent.model } };
}

/**
 * OpenTelemetry's `gen_ai.provider.name` for each provider type, from the GenAI
 * semantic conventions' well-known values. An OpenAI-compatible server has no
 * well-known value, so its provider's own name stands in.
 */
const OTEL_PROVIDER: Record<ProviderType, string | undefined> = {
  openai: 'openai',
  anthropic: 'anthropic',
  'azure-openai': 'azure.ai.openai',
  'openai-compatible': undefined,
};

/**
 * The attributes an application puts on its spans and metrics for a call, so
 * `modelshift analyze` can tell the arms apart. A type alias, not an
 * interface, so it is assignable to `@opentelemetry/api`'s `Attributes`
 * (an index signature an interface would not satisfy).
 */
export type TelemetryAttributes = {
  'gen_ai.request.model': string;
  'gen_ai.provider.name': string;
  'gen_ai.agent.name': string;
  'modelshift.arm': Arm;
  /** Present only during a canary. */
  'modelshift.migration'?: string;
};

/**
 * The attributes to set on the span and metrics of a call made with `resolved`
 * (OTel GenAI names plus `modelshift.*`). Plain strings, so they fit
 * `span.setAttributes` and a histogram's `record(value, attributes)` alike
 * without this module depending on `@opentelemetry/api`.
 */
export function telemetryAttributes(resolved: ResolvedModel, agentName: string): TelemetryAttributes {
  return {
    'gen_ai.request.model': resolved.name,
    'gen_ai.provider.name': OTEL_PROVIDER[resolved.type] ?? resolved.provider,
    'gen_ai.agent.name': agentName,
    'modelshift.arm': resolved.arm,
    ...(resolved.canary ? { 'modelshift.migration': resolved.canary.migration } : {}),
  };
}
