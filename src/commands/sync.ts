import { EXIT, FileError, UsageError } from '../errors.js';
import { renderSyncMarkdown } from '../render/sync-markdown.js';
import { renderSyncHeader, renderTargetText, type SyncData } from '../render/sync-text.js';
import { compileBundle } from '../sync/bundle.js';
import { createTarget } from '../sync/registry.js';
import { workspaceRevision } from '../sync/revision.js';
import { runSync } from '../sync/run.js';
import { DEFAULT_HTTP, type HttpSettings } from '../sync/target.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { load } from './validate.js';

export interface SyncOptions {
  format: Format;
  /** Only this target (its `name`). */
  target?: string;
  /** Show the diff against what each target holds; write nothing. */
  dryRun?: boolean;
  /** Exit 1 when a target differed from git (drift). */
  exitCode?: boolean;
  /** Remove agents a target holds that git no longer has. */
  prune?: boolean;
  /** Sync even when the workspace has no agent at all. */
  allowEmpty?: boolean;
  /** Tests shorten timeouts and backoff; the CLI uses the defaults. */
  http?: Partial<HttpSettings>;
}

/**
 * `modelshift sync`: compiles the workspace into the bundle and makes every
 * target in `spec.sync.targets` hold it. API keys are referenced by their
 * variable NAME only; the one secret sync reads is an http target's token,
 * which goes into the Authorization header and nowhere else.
 */
export async function syncCommand(ctx: CommandContext, opts: SyncOptions): Promise<CommandResult<SyncData>> {
  const workspace = await load(ctx);
  refuseInvalid(workspace);
  const configs = selectTargets(workspace, opts.target);
  const agents = [...workspace.agents.values()].map((a) => a.value);
  if (agents.length === 0 && !opts.allowEmpty) {
    throw new UsageError(
      `the workspace at ${workspace.root} has no agents; syncing would leave the targets with nothing${opts.prune ? ' and --prune would remove every agent they hold' : ''}`,
      'check -C and the workspace root; pass --allow-empty if an empty set is really meant',
    );
  }

  const deps = { root: workspace.root, env: ctx.env, signal: ctx.signal, http: { ...DEFAULT_HTTP, ...opts.http } };
  // Every target is built before any is read, so a missing token stops the run before any request.
  const targets = configs.map((config) => ({ config, target: createTarget(config, deps) }));
  const revision = await workspaceRevision({ root: workspace.root, env: ctx.env, files: workspace.files.keys() });
  const bundle = compileBundle(agents, new Map([...workspace.providers].map(([name, p]) => [name, p.value])), revision);
  const dryRun = Boolean(opts.dryRun);

  const text = opts.format === 'text';
  if (text) ctx.stdout(renderSyncHeader(revision, dryRun));
  const reports = await runSync(targets, bundle, {
    dryRun,
    prune: Boolean(opts.prune),
    onReport: text ? (report) => ctx.stdout(renderTargetText(report, dryRun, ctx.isTTY)) : undefined,
  });
  const data: SyncData = { revision, dryRun, drift: reports.some((r) => r.drift), targets: reports };
  if (opts.format === 'json') ctx.stdout(`${JSON.stringify(data, null, 2)}\n`);
  if (opts.format === 'markdown') ctx.stdout(renderSyncMarkdown(data));
  return { exitCode: opts.exitCode && data.drift ? EXIT.findings : EXIT.ok, data };
}

/** A broken workspace must never reach a runtime: the first error stops sync, `validate` lists them all. */
function refuseInvalid(workspace: LoadedWorkspace): void {
  const errors = workspace.findings.filter((f) => f.severity === 'error');
  const first = errors[0];
  if (first === undefined) return;
  throw new FileError(`the workspace is invalid, so nothing is synced: ${first.message}`, first, first.rule, `run modelshift validate to see ${errors.length === 1 ? 'it' : `all ${errors.length} errors`}`);
}

function selectTargets(workspace: LoadedWorkspace, only: string | undefined) {
  const targets = workspace.config?.value.spec.sync?.targets ?? [];
  if (targets.length === 0) {
    throw new UsageError('no sync targets: modelshift.yaml has no spec.sync.targets', 'add one, e.g. spec.sync.targets: [{ name: bundle, type: file, path: build/agents.json }] (see the README, "Sync, canaries and rollback")');
  }
  const names = targets.map((t) => t.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new UsageError(`two sync targets are named "${twice}"`, 'give every target in spec.sync.targets its own name');
  if (only === undefined) return targets;
  const chosen = targets.filter((t) => t.name === only);
  if (chosen.length === 0) throw new UsageError(`no sync target named "${only}"`, `targets in modelshift.yaml: ${names.join(', ')}`);
  return chosen;
}
