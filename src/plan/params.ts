import { isDeepStrictEqual } from 'node:util';
import { checkParams, TOKEN_LIMITS } from '../catalog/check.js';
import type { CatalogEntry } from '../catalog/index.js';
import type { MigrationSpec, Params, ProviderType } from '../schema/index.js';

/** Output-token cap given to a model that requires one when the agent had none. */
export const DEFAULT_MAX_TOKENS = 4096;

type Family = 'openai' | 'anthropic';

export function family(type: ProviderType): Family {
  return type === 'anthropic' ? 'anthropic' : 'openai';
}

/** Parameter names that mean the same thing under another name on the other API. */
const CROSS_NAMES: Record<Family, Record<string, string>> = {
  // openai → anthropic
  anthropic: { max_completion_tokens: 'max_tokens', stop: 'stop_sequences' },
  // anthropic → openai
  openai: { stop_sequences: 'stop' },
};

/** Known parameters that exist on only one of the APIs. */
const ONLY_ON: Record<Family, readonly string[]> = {
  openai: ['presence_penalty', 'frequency_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'seed', 'n', 'reasoning_effort', 'parallel_tool_calls', 'service_tier', 'store', 'verbosity', 'prediction', 'modalities', 'audio', 'user'],
  anthropic: ['top_k', 'thinking', 'metadata', 'service_tier'],
};

export interface ParamContext {
  rule: MigrationSpec['params'];
  fromType: ProviderType;
  toType: ProviderType;
  /** Facts of the destination model, when the catalog knows it. */
  destination?: CatalogEntry;
}

/**
 * rename → drop → (provider-type mapping) → set, then fixes what the
 * destination would refuse. Every automatic change is a warning, so the plan
 * never produces a config the destination refuses without saying so.
 */
export function migrateParams(params: Params, ctx: ParamContext): { params: Params; warnings: string[] } {
  const warnings: string[] = [];
  let result: Params = { ...params };
  for (const [from, to] of Object.entries(ctx.rule?.rename ?? {})) {
    if (!(from in result)) continue;
    if (to in result && !isDeepStrictEqual(result[to], result[from])) {
      warnings.push(`params: renaming ${from} → ${to} replaced the ${to} the agent already had (${JSON.stringify(result[to])} → ${JSON.stringify(result[from])})`);
    }
    result = renameKey(result, from, to);
  }
  for (const name of ctx.rule?.drop ?? []) delete result[name];

  const fromFamily = family(ctx.fromType);
  const toFamily = family(ctx.toType);
  if (fromFamily !== toFamily) {
    for (const [name, value] of Object.entries(result)) {
      const mapped = CROSS_NAMES[toFamily][name];
      if (mapped) {
        result = renameKey(result, name, mapped, toFamily === 'anthropic' && name === 'stop' && typeof value === 'string' ? [value] : value);
        warnings.push(`params: ${name} → ${mapped} (the ${toFamily} API's name for it)`);
      } else if (ONLY_ON[fromFamily].includes(name) && !ONLY_ON[toFamily].includes(name)) {
        delete result[name];
        warnings.push(`params: ${name} cannot be carried to the ${toFamily} API and was dropped; check whether the agent relied on it`);
      }
    }
  }
  Object.assign(result, ctx.rule?.set ?? {});

  if (ctx.destination) result = fitDestination(result, ctx.destination, warnings);
  return { params: result, warnings };
}

/** Repairs what the catalog says the destination refuses; what cannot be repaired stays a warning. */
function fitDestination(params: Params, entry: CatalogEntry, warnings: string[]): Params {
  let result = { ...params };
  for (const issue of checkParams(entry, result)) {
    const name = issue.param;
    if (issue.rule === 'param-required') {
      result[name] = Math.min(DEFAULT_MAX_TOKENS, entry.maxOutputTokens);
      warnings.push(`params: ${entry.id} requires ${name}; set it to ${String(result[name])} — adjust it to the agent's longest expected answer`);
    } else if (issue.rule === 'param-refused' && (TOKEN_LIMITS as readonly string[]).includes(name) && result[entry.params.tokenLimit] === undefined) {
      result = renameKey(result, name, entry.params.tokenLimit);
      warnings.push(`params: ${name} → ${entry.params.tokenLimit} (${entry.id} refuses ${name})`);
    } else if (issue.rule === 'param-refused') {
      delete result[name];
      warnings.push(`params: dropped ${name}, which ${entry.id} does not accept`);
    } else if (name === 'temperature' && entry.params.temperature !== false && typeof result.temperature === 'number') {
      const { min, max } = entry.params.temperature;
      const clamped = Math.min(max, Math.max(min, result.temperature));
      warnings.push(`params: temperature ${String(result.temperature)} is outside ${entry.id}'s range ${min}–${max}; set to ${clamped}`);
      result.temperature = clamped;
    } else if ((TOKEN_LIMITS as readonly string[]).includes(name) && typeof result[name] === 'number') {
      warnings.push(`params: ${name} ${String(result[name])} is more than ${entry.id} can write; lowered to ${entry.maxOutputTokens}`);
      result[name] = entry.maxOutputTokens;
    }
  }
  for (const issue of checkParams(entry, result)) {
    warnings.push(`params: the destination will refuse this config — ${issue.message}`);
  }
  return result;
}

/** Renames a key in place of the old one, so the edited file keeps the key order. */
function renameKey(params: Params, from: string, to: string, value: unknown = params[from]): Params {
  const result: Params = {};
  for (const [key, v] of Object.entries(params)) {
    if (key === from) result[to] = value;
    else if (key !== to) result[key] = v;
  }
  return result;
}
