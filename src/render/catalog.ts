import { BATCH_FACTS } from '../catalog/batch.js';
import { BUILT_IN, daysUntil, type Catalog, type CatalogEntry } from '../catalog/index.js';
import type { Disagreement } from '../catalog/external.js';
import { escapeMarkdown } from './escape.js';

/** One model as `catalog list|show` prints it: each fact with where it came from. */
export interface CatalogModelView {
  id: string;
  provider: string;
  aliases: string[];
  contextWindow: number;
  maxOutputTokens: number;
  price: { inputPerMTok: number; outputPerMTok: number };
  retires: string | null;
  /** Days from today to `retires`; negative once retired. */
  daysLeft: number | null;
  successor: string | null;
  /** `built-in`, a source's path or URL, or `modelshift.yaml`, per fact. */
  origins: Record<'contextWindow' | 'maxOutputTokens' | 'price' | 'retires' | 'params' | 'successor', string>;
  /** The pages the built-in entry was taken from (or the source file of an entry only a list knows). */
  sources: string[];
  checked: string;
  /** What `eval --batch` takes off this model's price through its provider's batch API; null where modelshift runs no batches. */
  batch: { discount: number; source: string; checked: string } | null;
}

export function modelView(catalog: Catalog, entry: CatalogEntry, today: string): CatalogModelView {
  const origin = (fact: keyof CatalogModelView['origins']) => catalog.origin(entry, fact);
  return {
    id: entry.id,
    provider: entry.provider,
    aliases: entry.aliases ?? [],
    contextWindow: entry.contextWindow,
    maxOutputTokens: entry.maxOutputTokens,
    price: entry.price,
    retires: entry.retires ?? null,
    daysLeft: entry.retires ? daysUntil(entry.retires, today) : null,
    successor: entry.successor ?? null,
    origins: {
      contextWindow: origin('contextWindow'), maxOutputTokens: origin('maxOutputTokens'), price: origin('price'),
      retires: origin('retires'), params: origin('params'), successor: origin('successor'),
    },
    sources: entry.sources,
    checked: entry.checked,
    batch: batchView(entry),
  };
}

function batchView(entry: CatalogEntry): CatalogModelView['batch'] {
  const facts = BATCH_FACTS[entry.provider];
  return facts ? { discount: facts.discount, source: facts.sources.discount, checked: facts.checked } : null;
}

function batchText(view: CatalogModelView): string {
  return view.batch ? `${Math.round(view.batch.discount * 100)}% off input and output tokens (eval --batch)` : 'no batch API modelshift drives';
}

/** Retired and retiring first (soonest first), then the rest by id. */
export function byDeadline(a: CatalogModelView, b: CatalogModelView): number {
  if (a.retires && b.retires) return a.retires.localeCompare(b.retires) || a.id.localeCompare(b.id);
  if (a.retires || b.retires) return a.retires ? -1 : 1;
  return a.id.localeCompare(b.id);
}

function when(view: CatalogModelView): string {
  if (view.daysLeft === null) return 'no retirement announced';
  return view.daysLeft <= 0 ? `retired ${view.retires}` : `retires ${view.retires} (in ${view.daysLeft} days)`;
}

export function renderCatalogListText(views: readonly CatalogModelView[]): string {
  const rows = views.map((v) => [v.id, v.provider, when(v), v.successor ? `→ ${v.successor}` : '', `$${v.price.inputPerMTok}/$${v.price.outputPerMTok}`, v.origins.retires === 'built-in' ? '' : `(date from ${v.origins.retires})`]);
  const widths = rows.reduce((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), [] as number[]);
  const lines = rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd());
  return `${lines.join('\n')}\n${views.length} models; prices are USD per million input/output tokens. \`modelshift catalog show MODEL\` says where each fact came from.\n`;
}

export function renderCatalogListMarkdown(views: readonly CatalogModelView[]): string {
  const rows = views.map((v) => `| ${escapeMarkdown(v.id)} | ${v.provider} | ${escapeMarkdown(when(v))} | ${escapeMarkdown(v.successor ?? '')} | $${v.price.inputPerMTok} / $${v.price.outputPerMTok} | ${escapeMarkdown(v.origins.retires)} |`);
  return `| model | provider | retirement | successor | price per MTok (in / out) | date from |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n`;
}

export function renderCatalogShowText(view: CatalogModelView): string {
  const fact = (name: string, value: string, origin: string) => `  ${name.padEnd(16)}${value}  [${origin}]`;
  return [
    `${view.id} (${view.provider})${view.aliases.length ? `, also ${view.aliases.join(', ')}` : ''}`,
    fact('context window', `${view.contextWindow} tokens`, view.origins.contextWindow),
    fact('output limit', `${view.maxOutputTokens} tokens`, view.origins.maxOutputTokens),
    fact('price', `$${view.price.inputPerMTok} in / $${view.price.outputPerMTok} out per MTok`, view.origins.price),
    fact('retirement', when(view), view.origins.retires),
    fact('successor', view.successor ?? 'none named', view.origins.successor),
    fact('batch discount', batchText(view), view.batch?.source ?? BUILT_IN),
    fact('parameters', 'see --format json', view.origins.params),
    `  sources (checked ${view.checked}):`,
    ...view.sources.map((s) => `    ${s}`),
    '',
  ].join('\n');
}

export function renderCatalogShowMarkdown(view: CatalogModelView): string {
  const row = (name: string, value: string, origin: string) => `| ${name} | ${escapeMarkdown(value)} | ${escapeMarkdown(origin)} |`;
  return [
    `**${escapeMarkdown(view.id)}** (${view.provider})`,
    '',
    '| fact | value | from |',
    '|---|---|---|',
    row('context window', `${view.contextWindow} tokens`, view.origins.contextWindow),
    row('output limit', `${view.maxOutputTokens} tokens`, view.origins.maxOutputTokens),
    row('price', `$${view.price.inputPerMTok} in / $${view.price.outputPerMTok} out per MTok`, view.origins.price),
    row('retirement', when(view), view.origins.retires),
    row('successor', view.successor ?? 'none named', view.origins.successor),
    row('batch discount', batchText(view), view.batch?.source ?? BUILT_IN),
    '',
    `Sources (checked ${view.checked}): ${view.sources.map(escapeMarkdown).join(', ')}`,
    '',
  ].join('\n');
}

export function renderDisagreementsText(list: readonly Disagreement[]): string {
  if (!list.length) return 'The catalog sources agree with the built-in catalog on every model both know.\n';
  const lines = list.map((d) => `${d.model}: ${d.fact} is ${d.catalog} in the built-in catalog, ${d.source} in ${d.label} (the built-in value is used)`);
  return `${lines.join('\n')}\n${list.length} disagreement${list.length === 1 ? '' : 's'}; the built-in entries cite the providers' pages. To use a source's value, set it under spec.catalog.models.\n`;
}

export function renderDisagreementsMarkdown(list: readonly Disagreement[]): string {
  if (!list.length) return 'The catalog sources agree with the built-in catalog on every model both know.\n';
  const rows = list.map((d) => `| ${escapeMarkdown(d.model)} | ${d.fact} | ${escapeMarkdown(d.catalog)} | ${escapeMarkdown(d.source)} | ${escapeMarkdown(d.label)} |`);
  return `| model | fact | built-in (used) | source | source file |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
}
