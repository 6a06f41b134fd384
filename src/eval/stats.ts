import { batchDiscount } from '../catalog/batch.js';
import type { ProviderType } from '../schema/provider.js';
import type { CaseResult, ModelCatalog, Stats } from './types.js';

export interface Price {
  inputPerMTok: number;
  outputPerMTok: number;
}
export type PriceFn = (providerType: ProviderType, model: string) => Price | undefined;

/**
 * Prices from the catalog, matched to the provider type so an OpenAI price is
 * not applied to an Anthropic model of the same name. `openai-compatible`
 * servers take whatever entry the name finds (a workspace override, typically).
 */
export function catalogPrices(catalog: ModelCatalog): PriceFn {
  return (providerType, model) => {
    const facts = catalog.lookup(model);
    if (!facts) return undefined;
    const wanted = providerType === 'anthropic' ? 'anthropic' : providerType === 'openai-compatible' ? facts.provider : 'openai';
    return facts.provider === wanted ? facts.price : undefined;
  };
}

/** Pass rate, errors, cost, latency and tokens over one set of case results (an agent side, or all pooled). */
export function computeStats(results: CaseResult[], price: PriceFn): Stats {
  let passed = 0;
  let failed = 0;
  let errors = 0;
  let notRun = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let batched = 0;
  const latencies: number[] = [];
  const modelCost = new CostSum(price);
  const judgeCost = new CostSum(price);
  const judge = { calls: 0, inputTokens: 0, outputTokens: 0 };

  for (const r of results) {
    if (r.status === 'not-run') notRun++;
    else if (r.status === 'pass') passed++;
    else if (r.status === 'fail') failed++;
    else errors++;
    if (r.response) {
      inputTokens += r.response.usage.inputTokens;
      outputTokens += r.response.usage.outputTokens;
      // A batch answer took as long as the provider's queue did: that is no model latency.
      if (r.response.batch) batched++;
      else latencies.push(r.response.latencyMs);
      modelCost.add(r.providerType, r.model, r.response.usage, r.response.batch ? batchDiscount(r.providerType) : 0);
    }
    for (const call of r.judgeCalls) {
      judge.calls++;
      judge.inputTokens += call.usage.inputTokens;
      judge.outputTokens += call.usage.outputTokens;
      judgeCost.add(call.providerType, call.model, call.usage);
    }
  }
  const cases = results.length - notRun;
  latencies.sort((a, b) => a - b);
  return {
    passRate: passed + failed ? passed / (passed + failed) : null,
    cases,
    passed,
    failed,
    errors,
    errorRate: cases ? errors / cases : null,
    notRun,
    costUsd: modelCost.total(),
    unpriced: [...modelCost.unpriced],
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    inputTokens,
    outputTokens,
    judge: { ...judge, costUsd: judgeCost.total() },
    ...(batched ? { batched } : {}),
  };
}

/** Nearest-rank percentile of ascending values; null when there are none. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

/** A cost total that turns null, and names the model, as soon as one price is missing. */
class CostSum {
  readonly unpriced = new Set<string>();
  private sum = 0;

  constructor(private readonly price: PriceFn) {}

  /** `discount`: the share the provider takes off (its batch rate), 0 for an online call. */
  add(providerType: ProviderType, model: string, usage: { inputTokens: number; outputTokens: number }, discount = 0): void {
    const p = this.price(providerType, model);
    if (!p) {
      this.unpriced.add(model);
      return;
    }
    this.sum += ((usage.inputTokens * p.inputPerMTok + usage.outputTokens * p.outputPerMTok) * (1 - discount)) / 1_000_000;
  }

  total(): number | null {
    return this.unpriced.size ? null : this.sum;
  }
}
