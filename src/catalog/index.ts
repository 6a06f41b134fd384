import type { ModelFacts, ModelFactsOverride, ParamFacts } from '../schema/model-facts.js';
import { COMPARED, factText, inferredParams, type ComparedFact, type Disagreement, type ExternalFacts, type ExternalSource } from './external.js';
import { anthropicModels } from './models/anthropic.js';
import { openaiModels } from './models/openai.js';

export type { ModelFacts, ParamFacts };

/** Where a fact came from: `built-in` (the entry's provider sources), a source's label, or the workspace file. */
export type FactOrigin = string;
export const BUILT_IN = 'built-in';
export const WORKSPACE_FILE = 'modelshift.yaml';

export interface CatalogEntry extends ModelFacts {
  /** The canonical id the facts are filed under. */
  id: string;
}

/**
 * Model facts by id and alias. Layers, later ones winning: the built-in
 * entries (each with its provider sources), public lists such as LiteLLM's
 * cost map (they only fill what the built-in entries lack; a contradiction is
 * recorded, not taken), then the workspace's overrides.
 */
export class Catalog {
  private readonly byName = new Map<string, CatalogEntry>();
  /** Facts not from the built-in entry, by entry id. */
  private readonly origins = new Map<string, Partial<Record<ComparedFact | 'params' | 'entry', FactOrigin>>>();
  /** Overrides for models the catalog does not know that lack facts the checks need. */
  readonly incomplete: string[] = [];
  /** Where a public list contradicts a built-in entry. */
  readonly disagreements: Disagreement[] = [];

  constructor(overrides: Record<string, ModelFactsOverride> = {}, external: readonly ExternalSource[] = []) {
    const builtin: Record<string, ModelFacts> = { ...openaiModels, ...anthropicModels };
    for (const [id, facts] of Object.entries(builtin)) this.add({ id, ...facts });
    const builtinIds = new Set(Object.keys(builtin));
    for (const source of external) {
      for (const facts of source.facts) this.addExternal(facts, source, builtinIds);
    }
    for (const [id, override] of Object.entries(overrides)) {
      const known = this.byName.get(id);
      const merged = known ? mergeOverride(known, override) : completeOverride(id, override);
      if (!merged) {
        this.incomplete.push(id);
        continue;
      }
      const entryId = known?.id ?? id;
      this.add({ ...merged, id: entryId });
      const origin = this.origins.get(entryId) ?? {};
      for (const fact of [...COMPARED, 'params'] as const) if (override[fact] !== undefined) origin[fact] = WORKSPACE_FILE;
      if (!known) origin.entry = WORKSPACE_FILE;
      this.origins.set(entryId, origin);
    }
  }

  /** Where the catalog's value of a fact of this entry came from. */
  origin(entry: CatalogEntry, fact: ComparedFact | 'params' | 'successor'): FactOrigin {
    const origins = this.origins.get(entry.id);
    return (fact !== 'successor' && origins?.[fact]) || origins?.entry || BUILT_IN;
  }

  private addExternal(facts: ExternalFacts, source: ExternalSource, builtinIds: ReadonlySet<string>): void {
    const known = this.lookup(facts.id);
    if (!known) {
      const { contextWindow, maxOutputTokens, price } = facts;
      // An entry needs these for cost and limit checks; a list that lacks them cannot make one.
      if (!contextWindow || !maxOutputTokens || !price) return;
      this.add({
        id: facts.id, provider: facts.provider, contextWindow, maxOutputTokens, price, params: inferredParams(facts),
        ...(facts.retires && { retires: facts.retires }), sources: [source.label], checked: source.read,
      });
      this.origins.set(facts.id, { entry: source.label, params: `${source.label} (inferred)` });
      return;
    }
    const origin = this.origins.get(known.id) ?? {};
    for (const fact of COMPARED) {
      const theirs = facts[fact];
      if (theirs === undefined) continue;
      const ours = known[fact];
      if (ours === undefined) {
        (known as unknown as Record<string, unknown>)[fact] = theirs;
        origin[fact] = source.label;
        continue;
      }
      if (!builtinIds.has(known.id) || origin[fact]) continue;
      const [a, b] = [factText(fact, ours), factText(fact, theirs)];
      if (a !== b && !this.disagreements.some((d) => d.model === known.id && d.fact === fact && d.source === b)) {
        this.disagreements.push({ model: known.id, fact, catalog: a, source: b, label: source.label });
      }
    }
    this.origins.set(known.id, origin);
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

/** Retirement warnings start this many days ahead (DESIGN §7). */
export const RETIRING_SOON_DAYS = 90;

/** Days from `today` to `date` (both YYYY-MM-DD), negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
