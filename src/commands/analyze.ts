import { analyzeCanary } from '../analysis/analyze.js';
import type { PriceFn } from '../analysis/metrics.js';
import { analysisSettings } from '../analysis/settings.js';
import type { AnalysisReport, CanaryAgent } from '../analysis/types.js';
import { EXIT, UsageError } from '../errors.js';
import { catalogPrices } from '../eval/stats.js';
import { renderAnalysisMarkdown } from '../render/analysis-markdown.js';
import { renderAnalysisText } from '../render/analysis-text.js';
import type { CustomMetric, Migration } from '../schema/index.js';
import { DEFAULT_HTTP, type HttpSettings } from '../sync/target.js';
import { createSource } from '../telemetry/registry.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { resolveMigration } from './migration-arg.js';
import { load } from './validate.js';

export interface AnalyzeOptions {
  migration: string;
  format: Format;
  /** The window's end (default: now). */
  end?: Date;
  /** Tests shorten timeouts and backoff; the CLI uses the defaults. */
  http?: Partial<HttpSettings>;
}

/**
 * `modelshift analyze <migration>`: canary against control from production
 * telemetry. Exit 0 on pass or inconclusive (nothing is wrong yet), 1 on
 * fail, 2 when the telemetry cannot be read.
 */
export async function analyzeCommand(ctx: CommandContext, opts: AnalyzeOptions): Promise<CommandResult<AnalysisReport>> {
  const workspace = await load(ctx);
  const rule = await resolveMigration(workspace, opts.migration, ctx.cwd);
  if (!rule.value.spec.rollout) {
    throw new UsageError(`${rule.value.metadata.name} has no spec.rollout: it moves every conversation at once, so there is no canary to analyze`, '`modelshift eval` compares the two models before the merge; give the migration spec.rollout (steps and analysis) to roll it out as a canary');
  }
  const report = await analyzeMigration(ctx, workspace, rule.value, { end: opts.end, http: opts.http });
  if (opts.format === 'json') ctx.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (opts.format === 'markdown') ctx.stdout(renderAnalysisMarkdown(report));
  else ctx.stdout(renderAnalysisText(report));
  return { exitCode: report.verdict === 'fail' ? EXIT.findings : EXIT.ok, data: report };
}

/** The analysis of one migration's canary in `workspace`, from the workspace's telemetry source; promote and the rollout mode call it too. */
export async function analyzeMigration(
  ctx: Pick<CommandContext, 'env' | 'signal' | 'now'>,
  workspace: LoadedWorkspace,
  migration: Migration,
  opts: { end?: Date; http?: Partial<HttpSettings> } = {},
): Promise<AnalysisReport> {
  const settings = analysisSettings(migration.spec.rollout?.analysis);
  const end = opts.end ?? ctx.now;
  const name = migration.metadata.name;
  const agents = canaryAgents(workspace, name);
  const config = workspace.config?.value.spec.telemetry;
  // With no canary running there is nothing to ask telemetry about: say that first, whatever the source.
  if (agents.length === 0) return analyzeCanary({ migration: name, settings, end, source: '', agents: [], price: prices(workspace) });
  if (config === undefined) {
    throw new UsageError('no telemetry source: modelshift.yaml has no spec.telemetry', 'add one, e.g. spec.telemetry: { type: prometheus, url: http://prometheus:9090 } or { type: otlp-file, path: telemetry/genai.jsonl } (README, "Canary analysis")');
  }
  const source = createSource(config, { root: workspace.root, env: ctx.env, signal: ctx.signal, http: { ...DEFAULT_HTTP, ...opts.http } });
  const custom = settings.metrics.filter((m): m is CustomMetric => 'query' in m);
  const gathered = await Promise.all(
    agents.map(async (agent) => ({ agent, data: await source.fetch({ migration: name, agent, window: settings.window, windowSeconds: settings.windowSeconds, end, custom }) })),
  );
  return analyzeCanary({ migration: name, settings, end, source: `${config.type} ${source.location}`, agents: gathered, price: prices(workspace) });
}

/** Agents whose canary belongs to `migration`, by name, with the provider type of each arm's model. */
function canaryAgents(workspace: LoadedWorkspace, migration: string): CanaryAgent[] {
  const typeOf = (provider: string) => workspace.providers.get(provider)?.value.spec.type ?? 'openai-compatible';
  return [...workspace.agents.values()]
    .map((loaded) => loaded.value)
    .filter((agent) => agent.spec.rollout?.migration === migration)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    .map((agent) => {
      const rollout = agent.spec.rollout!;
      return {
        name: agent.metadata.name,
        weight: rollout.weight,
        control: { type: typeOf(agent.spec.model.provider), name: agent.spec.model.name },
        candidate: { type: typeOf(rollout.model.provider), name: rollout.model.name },
      };
    });
}

function prices(workspace: LoadedWorkspace): PriceFn {
  const price = catalogPrices(workspace.catalog);
  return (model) => price(model.type, model.name);
}
