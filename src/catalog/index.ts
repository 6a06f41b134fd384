import type { ModelFacts, ModelFactsOverride, ParamFacts } from '../schema/model-facts.js';
import { anthropicModels } from './models/anthropic.js';
import { openaiModels } from './models/openai.js';

export type { ModelFacts, ParamFacts };

export interface CatalogEntry extends ModelFacts {
  /** The canonical id the facts are filed under. */
  id: string;
}

/** Model facts by id and alias, with the workspace's overrides merged in. */
export class Catalog {
  private readonly byName = new Map<string, CatalogEntry>();
  /** Overrides for models the catalog does not know that lack facts the checks need. */
  readonly incomplete: string[] = [];

  constructor(overrides: Record<string, ModelFactsOverride> = {}) {
    const builtin: Record<string, ModelFacts> = { ...openaiModels, ...anthropicModels };
    for (const [id, facts] of Object.entries(builtin)) this.add({ id, ...facts });
    for (const [id, override] of Object.entries(overrides)) {
      const known = this.byName.get(id);
      const merged = known ? mergeOverride(known, override) : completeOverride(id, override);
      if (merged) this.add({ ...merged, id: known?.id ?? id });
      else this.incomplete.push(id);
    }
  }

  /** Facts for a model id, a dated snapshot or an alias; undefined when unknown. */
  lookup(model: string): CatalogEntry | undefined {
    return this.byName.get(model) ?? this.byName.get(stripSnapshotDate(model));
  }

  entries(): CatalogEntry[] {
    return [...new Set(this.byName.values())];
  }

  private add(entry: CatalogEntry): void {
    this.byName.set(entry.id, entry);
    for (const alias of entry.aliases ?? []) this.byName.set(alias, entry);
  }
}

function mergeOverride(known: CatalogEntry, override: ModelFactsOverride): CatalogEntry {
  return {
    ...known,
    ...override,
    price: { ...known.price, ...override.price },
    params: { ...known.params, ...override.params },
    sources: override.sources ?? known.sources,
  } as CatalogEntry;
}

/** A private model is usable only when the override says everything the checks need. */
function completeOverride(id: string, override: ModelFactsOverride): CatalogEntry | undefined {
  const { provider, contextWindow, maxOutputTokens, price, params, checked } = override;
  if (!provider || !contextWindow || !maxOutputTokens || !price || !checked) return undefined;
  if (!params?.tokenLimit || params.maxTokensRequired === undefined || params.temperature === undefined) return undefined;
  if (params.topP === undefined || params.temperatureTopPExclusive === undefined) return undefined;
  return { ...override, id, provider, contextWindow, maxOutputTokens, price, checked, sources: override.sources ?? [], params: params as ParamFacts };
}

/** `gpt-4.1-2025-04-14` and `claude-sonnet-4-5-20250929` are snapshots of the model they start with. */
function stripSnapshotDate(model: string): string {
  return model.replace(/-(\d{4}-\d{2}-\d{2}|\d{8})$/, '');
}

/** Days from `today` to `date` (both YYYY-MM-DD), negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
