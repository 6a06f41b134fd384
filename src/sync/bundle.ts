import * as z from 'zod';
import { ExternalError, UsageError } from '../errors.js';
import { BUNDLE_VERSION, type Bundle, type BundleAgent, type BundleModel } from '../runtime/index.js';
import type { Agent, ModelRef, Provider } from '../schema/index.js';

export type { Bundle, BundleAgent, BundleModel } from '../runtime/index.js';

export type Revision = Bundle['revision'];

/**
 * The resolved configuration of every agent: each model carries its
 * provider's type, endpoint and the NAME of its key variable, so a reader
 * needs nothing else. Agents sorted by name, so the same workspace always
 * compiles to the same bytes. Pure.
 */
export function compileBundle(agents: Iterable<Agent>, providers: ReadonlyMap<string, Provider>, revision: Revision): Bundle {
  const compiled: Record<string, BundleAgent> = {};
  for (const agent of [...agents].sort((a, b) => byName(a.metadata.name, b.metadata.name))) {
    const resolve = (ref: ModelRef) => resolveModelRef(ref, agent.metadata.name, providers);
    const { spec } = agent;
    compiled[agent.metadata.name] = {
      model: resolve(spec.model),
      instructions: spec.instructions,
      ...(spec.tools ? { tools: spec.tools } : {}),
      ...(spec.responseFormat ? { responseFormat: spec.responseFormat } : {}),
      ...(spec.rollout ? { rollout: { migration: spec.rollout.migration, weight: spec.rollout.weight, model: resolve(spec.rollout.model) } } : {}),
    };
  }
  return { bundleVersion: BUNDLE_VERSION, revision, agents: compiled };
}

function resolveModelRef(ref: ModelRef, agent: string, providers: ReadonlyMap<string, Provider>): BundleModel {
  const provider = providers.get(ref.provider);
  if (!provider) {
    throw new UsageError(`agent ${agent} uses provider "${ref.provider}", which is not defined`, 'run modelshift validate and add the provider');
  }
  const { type, baseURL, apiKeyEnv } = provider.spec;
  return {
    provider: ref.provider,
    type,
    ...(baseURL !== undefined ? { baseURL } : {}),
    ...(apiKeyEnv !== undefined ? { apiKeyEnv } : {}),
    name: ref.name,
    params: ref.params ?? {},
  };
}

/**
 * What a target must hold to be read as a bundle. Agents are only required to
 * be objects: they are compared with the desired ones as they are, so an agent
 * edited by hand, in any shape, shows up as drift instead of an error.
 */
const StoredBundle = z.looseObject({
  bundleVersion: z.number().int(),
  agents: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** The agents of a bundle a target holds, by name. Throws ExternalError when it is not a bundle this version can read. */
export function storedAgents(data: unknown, where: string): Map<string, unknown> {
  const parsed = StoredBundle.safeParse(data);
  if (!parsed.success) {
    throw new ExternalError(`${where} does not hold a modelshift bundle (bundleVersion and agents)`, {
      hint: 'point the target at a location only modelshift sync writes, or remove what is there',
    });
  }
  if (parsed.data.bundleVersion !== BUNDLE_VERSION) {
    throw new ExternalError(`${where} holds bundle format ${parsed.data.bundleVersion}; this modelshift writes format ${BUNDLE_VERSION}`, {
      hint: parsed.data.bundleVersion > BUNDLE_VERSION ? 'a newer modelshift wrote it: upgrade modelshift' : 'remove it so sync writes it anew',
    });
  }
  return new Map(Object.entries(parsed.data.agents));
}

export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
