import { ModelFacts, type ModelFactsOverride } from '../schema/model-facts.js';
import type { ProviderType } from '../schema/provider.js';
import { daysUntil, RETIRING_SOON_DAYS, type CatalogEntry } from './index.js';
import { closestParam, KNOWN_PARAMS } from './param-names.js';

export { RETIRING_SOON_DAYS };

export interface CatalogIssue {
  severity: 'error' | 'warning';
  rule: 'model-retired' | 'model-retiring' | 'model-unknown' | 'param-refused' | 'param-invalid' | 'param-required' | 'param-unknown';
  /** For parameter issues: the parameter name; empty for the model itself. */
  param: string;
  message: string;
}

const API_NAME = { openai: 'Chat Completions API', anthropic: 'Messages API' } as const;

export const TOKEN_LIMITS = ['max_tokens', 'max_completion_tokens'] as const;

/** Provider types whose model names the catalog is expected to know. */
export const CATALOGUED: ReadonlySet<ProviderType> = new Set(['openai', 'anthropic']);

/** Retired → error; retiring within 90 days → warning; unknown → warning (DESIGN §7). */
export function checkModel(entry: CatalogEntry | undefined, model: string, type: ProviderType, today: string): CatalogIssue[] {
  if (!entry) {
    if (!CATALOGUED.has(type)) return [];
    return [{
      severity: 'warning', rule: 'model-unknown', param: '',
      message: `model "${model}" is not in the catalog, so its parameters, prices and retirement are not checked; if it is new or private, describe it under spec.catalog.models in modelshift.yaml`,
    }];
  }
  if (!entry.retires) return [];
  const days = daysUntil(entry.retires, today);
  const successor = entry.successor ? `; migrate to ${entry.successor}` : '; migrate to a current model (write a Migration)';
  if (days <= 0) {
    return [{ severity: 'error', rule: 'model-retired', param: '', message: `model "${model}" was retired on ${entry.retires} and no longer answers${successor}` }];
  }
  if (days <= RETIRING_SOON_DAYS) {
    return [{ severity: 'warning', rule: 'model-retiring', param: '', message: `model "${model}" retires on ${entry.retires} (in ${days} days)${successor}` }];
  }
  return [];
}

/** Checks provider-native params against what the model accepts; every message says what to do instead. */
export function checkParams(entry: CatalogEntry, params: Readonly<Record<string, unknown>>): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const facts = entry.params;
  const refuse = (param: string, message: string) => issues.push({ severity: 'error', rule: 'param-refused', param, message });
  const invalid = (param: string, message: string) => issues.push({ severity: 'error', rule: 'param-invalid', param, message });
  const has = (name: string) => params[name] !== undefined;

  // OpenAI accepts max_completion_tokens on every chat model; the legacy max_tokens only on non-reasoning ones.
  const accepted = entry.provider === 'openai' && facts.tokenLimit === 'max_tokens' ? ['max_tokens', 'max_completion_tokens'] : [facts.tokenLimit];
  for (const name of TOKEN_LIMITS) {
    const limit = params[name];
    if (limit === undefined) continue;
    if (!accepted.includes(name)) refuse(name, `${entry.id} does not accept ${name}; use ${facts.tokenLimit} instead`);
    else if (!Number.isInteger(limit) || (limit as number) < 1) invalid(name, `${name} must be a positive whole number`);
    else if ((limit as number) > entry.maxOutputTokens) {
      invalid(name, `${name} is ${String(limit)} but ${entry.id} writes at most ${entry.maxOutputTokens} output tokens; lower it`);
    }
  }
  if (facts.maxTokensRequired && !accepted.some(has)) {
    issues.push({ severity: 'error', rule: 'param-required', param: facts.tokenLimit, message: `${entry.id} requires ${facts.tokenLimit}; add it to spec.model.params (e.g. ${facts.tokenLimit}: 1024)` });
  }

  if (has('temperature')) {
    const t = params.temperature;
    if (facts.temperature === false) {
      refuse('temperature', `${entry.id} does not accept temperature${facts.reasoningEffort ? '; remove it (steer it with reasoning_effort instead)' : '; remove it'}`);
    } else if (typeof t !== 'number' || t < facts.temperature.min || t > facts.temperature.max) {
      invalid('temperature', `temperature for ${entry.id} must be a number from ${facts.temperature.min} to ${facts.temperature.max}`);
    }
  }
  if (has('top_p')) {
    const p = params.top_p;
    if (!facts.topP) refuse('top_p', `${entry.id} does not accept top_p; remove it`);
    else if (typeof p !== 'number' || p < 0 || p > 1) invalid('top_p', 'top_p must be a number from 0 to 1');
    else if (facts.temperatureTopPExclusive && has('temperature')) {
      refuse('top_p', `${entry.id} accepts temperature or top_p, not both; remove one of them`);
    }
  }
  if (has('reasoning_effort')) {
    const effort = params.reasoning_effort;
    if (!facts.reasoningEffort) refuse('reasoning_effort', `${entry.id} is not a reasoning model and does not accept reasoning_effort; remove it`);
    else if (typeof effort !== 'string' || !facts.reasoningEffort.includes(effort)) {
      invalid('reasoning_effort', `reasoning_effort for ${entry.id} must be one of ${facts.reasoningEffort.join(', ')}`);
    }
  }
  for (const name of facts.refused ?? []) {
    if (has(name)) refuse(name, `${entry.id} does not accept ${name}; remove it`);
  }
  const known = KNOWN_PARAMS[entry.provider];
  for (const name of Object.keys(params)) {
    if (known.has(name)) continue;
    const near = closestParam(name, known);
    issues.push({
      severity: 'warning', rule: 'param-unknown', param: name,
      message: near
        ? `"${name}" is not a parameter the ${API_NAME[entry.provider]} takes; did you mean ${near}?`
        : `"${name}" is not a parameter the ${API_NAME[entry.provider]} is known to take; it is sent as written, so check its spelling in the provider's API reference`,
    });
  }
  return issues;
}

/**
 * The facts an override of a model the catalog does not know leaves out, as
 * dotted paths (`params.topP`). `sources` may be omitted: a private model has
 * no public page.
 */
export function missingFacts(override: ModelFactsOverride): string[] {
  const result = ModelFacts.omit({ sources: true }).safeParse(override);
  if (result.success) return [];
  // The workspace schema has already checked the types; what is left to say is what is absent.
  const absent = result.error.issues.filter((issue) => issue.code !== 'unrecognized_keys');
  return [...new Set(absent.map((issue) => issue.path.map(String).join('.')))];
}

/**
 * One line per model that still answers but retires within 90 days: what the
 * provider SDKs print on every call, said once per run instead. Models
 * already retired are validate errors and are not repeated here.
 */
export function deprecationNotices(catalog: { lookup(model: string): CatalogEntry | undefined }, models: Iterable<string>, today: string): string[] {
  const notices: string[] = [];
  for (const model of new Set(models)) {
    const entry = catalog.lookup(model);
    const days = entry?.retires ? daysUntil(entry.retires, today) : 0;
    if (!entry || days <= 0 || days > RETIRING_SOON_DAYS) continue;
    notices.push(`model "${model}" retires on ${entry.retires} (in ${days} days)${entry.successor ? `; migrate to ${entry.successor}` : ''}`);
  }
  return notices;
}
