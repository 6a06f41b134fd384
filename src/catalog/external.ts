import type { ModelFacts, ParamFacts } from '../schema/model-facts.js';

/** What a public model list says about one model; every field optional, as such lists are. */
export interface ExternalFacts {
  id: string;
  provider: ModelFacts['provider'];
  contextWindow?: number;
  maxOutputTokens?: number;
  price?: ModelFacts['price'];
  /** The date requests stop working (LiteLLM's `deprecation_date`). */
  retires?: string;
  reasoning?: boolean;
}

/** One configured source, read: where it came from (a path or URL) and when. */
export interface ExternalSource {
  label: string;
  /** YYYY-MM-DD the source was read or fetched. */
  read: string;
  facts: ExternalFacts[];
}

/** Facts a source can fill or contradict. */
export const COMPARED = ['contextWindow', 'maxOutputTokens', 'price', 'retires'] as const;
export type ComparedFact = (typeof COMPARED)[number];

/** A fact the built-in catalog (with its provider source) and a public list state differently; the catalog wins. */
export interface Disagreement {
  model: string;
  fact: ComparedFact;
  catalog: string;
  source: string;
  label: string;
}

export function factText(fact: ComparedFact, value: ExternalFacts[ComparedFact]): string {
  if (value === undefined) return '—';
  if (fact === 'price') {
    const price = value as ModelFacts['price'];
    return `$${price.inputPerMTok} in / $${price.outputPerMTok} out per MTok`;
  }
  return String(value);
}

/**
 * Parameter rules for a model only a public list knows. LiteLLM says whether
 * a model reasons, not which parameters it refuses, so these follow each
 * provider's general rules (reasoning OpenAI models refuse temperature and
 * max_tokens; Anthropic requires max_tokens) and are marked as inferred.
 */
export function inferredParams(facts: ExternalFacts): ParamFacts {
  if (facts.provider === 'anthropic') {
    return { tokenLimit: 'max_tokens', maxTokensRequired: true, temperature: { min: 0, max: 1 }, topP: true, temperatureTopPExclusive: false };
  }
  if (facts.reasoning) {
    return { tokenLimit: 'max_completion_tokens', maxTokensRequired: false, temperature: false, topP: false, temperatureTopPExclusive: false };
  }
  return { tokenLimit: 'max_tokens', maxTokensRequired: false, temperature: { min: 0, max: 2 }, topP: true, temperatureTopPExclusive: false };
}
