import type { ExternalFacts } from './external.js';

/** The fields of one entry of LiteLLM's `model_prices_and_context_window.json` that modelshift reads. */
interface LitellmEntry {
  litellm_provider?: unknown;
  mode?: unknown;
  max_input_tokens?: unknown;
  max_output_tokens?: unknown;
  input_cost_per_token?: unknown;
  output_cost_per_token?: unknown;
  deprecation_date?: unknown;
  supports_reasoning?: unknown;
}

const PROVIDERS = new Set(['openai', 'anthropic']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Chat models of the two catalogued providers from LiteLLM's model cost map.
 * Everything else in the file (Bedrock, Azure, images, embeddings, the
 * `sample_spec` documentation entry) is skipped, as are fields of the wrong
 * type: the file is public data, not trusted input.
 */
export function parseLitellmCostMap(data: unknown): ExternalFacts[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new TypeError('is not a JSON object of model ids (LiteLLM\'s model_prices_and_context_window.json)');
  }
  const facts: ExternalFacts[] = [];
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const entry = raw as LitellmEntry;
    const provider = entry.litellm_provider;
    if (typeof provider !== 'string' || !PROVIDERS.has(provider) || entry.mode !== 'chat') continue;
    // LiteLLM files a few models as `openai/gpt-…`; the provider's own id is what agents use.
    const id = key.startsWith(`${provider}/`) ? key.slice(provider.length + 1) : key;
    if (id.includes('/')) continue;
    const inPrice = perMillion(entry.input_cost_per_token);
    const outPrice = perMillion(entry.output_cost_per_token);
    facts.push({
      id,
      provider: provider as ExternalFacts['provider'],
      ...(positiveInt(entry.max_input_tokens) && { contextWindow: entry.max_input_tokens as number }),
      ...(positiveInt(entry.max_output_tokens) && { maxOutputTokens: entry.max_output_tokens as number }),
      ...(inPrice !== undefined && outPrice !== undefined && { price: { inputPerMTok: inPrice, outputPerMTok: outPrice } }),
      ...(typeof entry.deprecation_date === 'string' && DATE.test(entry.deprecation_date) && { retires: entry.deprecation_date }),
      ...(typeof entry.supports_reasoning === 'boolean' && { reasoning: entry.supports_reasoning }),
    });
  }
  return facts;
}

function positiveInt(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) > 0;
}

/** Dollars per token → dollars per million tokens, rounded off the float noise (2.5e-6 × 1e6). */
function perMillion(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  return Math.round(value * 1e6 * 1e6) / 1e6;
}
