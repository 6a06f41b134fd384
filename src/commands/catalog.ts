import { EXIT, UsageError } from '../errors.js';
import { closest } from '../suggest.js';
import type { Disagreement } from '../catalog/external.js';
import {
  byDeadline, modelView, renderCatalogListMarkdown, renderCatalogListText, renderCatalogShowMarkdown, renderCatalogShowText,
  renderDisagreementsMarkdown, renderDisagreementsText, type CatalogModelView,
} from '../render/catalog.js';
import { loadWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { today } from './validate.js';

export interface CatalogOptions {
  action: 'list' | 'show' | 'diff';
  model?: string;
  format: Format;
}

export type CatalogOutput = { models: CatalogModelView[] } | CatalogModelView | { disagreements: Disagreement[] };

/**
 * What modelshift believes about each model and where each fact came from:
 * the built-in entries, the workspace's `spec.catalog.sources` (fetched here
 * when a URL's cached copy is a day old) and `spec.catalog.models`.
 */
export async function catalogCommand(ctx: CommandContext, opts: CatalogOptions): Promise<CommandResult<CatalogOutput>> {
  if (opts.action !== 'show' && opts.model !== undefined) {
    throw new UsageError(`catalog ${opts.action} takes no model, but got "${opts.model}"`, `modelshift catalog show ${opts.model} shows one model`);
  }
  const day = today(ctx.now);
  const workspace = await loadWorkspace(ctx.cwd, { today: day, fetchCatalog: true });
  for (const f of workspace.findings.filter((f) => f.rule === 'catalog-source')) ctx.stderr(`${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message}\n`);
  const { catalog } = workspace;
  const print = (data: CatalogOutput, text: string, markdown: string) =>
    ctx.stdout(opts.format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : opts.format === 'markdown' ? markdown : text);

  if (opts.action === 'show') {
    if (opts.model === undefined) throw new UsageError('catalog show needs a model', 'modelshift catalog show gpt-4.1 (`modelshift catalog list` lists every model)');
    const entry = catalog.lookup(opts.model);
    if (!entry) throw new UsageError(`"${opts.model ?? ''}" is not in the catalog`, suggestion(opts.model ?? '', catalog.entries().map((e) => e.id)));
    const view = modelView(catalog, entry, day);
    print(view, renderCatalogShowText(view), renderCatalogShowMarkdown(view));
    return { exitCode: EXIT.ok, data: view };
  }
  if (opts.action === 'diff') {
    const data = { disagreements: catalog.disagreements };
    const sources = workspace.config?.value.spec.catalog?.sources?.length ?? 0;
    const none = 'No catalog sources are configured, so there is nothing to compare: add spec.catalog.sources to modelshift.yaml (e.g. { type: litellm, path: vendor/model_prices_and_context_window.json }).\n';
    print(data, sources ? renderDisagreementsText(data.disagreements) : none, sources ? renderDisagreementsMarkdown(data.disagreements) : none);
    return { exitCode: EXIT.ok, data };
  }
  const models = catalog.entries().map((e) => modelView(catalog, e, day)).sort(byDeadline);
  print({ models }, renderCatalogListText(models), renderCatalogListMarkdown(models));
  return { exitCode: EXIT.ok, data: { models } };
}

function suggestion(model: string, ids: string[]): string {
  const near = closest(model, ids);
  return near.length ? `did you mean ${near.join(', ')}? (\`modelshift catalog list\` lists every model)` : '`modelshift catalog list` lists every model; describe a private one under spec.catalog.models';
}
