import * as z from 'zod';
import { Name, resource } from './common.js';
import { Gate, RepairSettings } from './migration.js';
import { ModelFactsOverride } from './model-facts.js';
import { TelemetrySource } from './telemetry.js';

export const SyncTarget = z.discriminatedUnion('type', [
  z.strictObject({ name: Name, type: z.literal('file'), path: z.string().regex(/\.(json|ya?ml)$/, { message: 'must end in .json, .yaml or .yml' }) }),
  z.strictObject({
    name: Name,
    type: z.literal('http'),
    url: z.url({ protocol: /^https?$/ }),
    tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must be the NAME of an environment variable' }).optional(),
  }),
  z.strictObject({
    name: Name,
    type: z.literal('litellm'),
    path: z.string().regex(/\.ya?ml$/, { message: 'must end in .yaml or .yml' }),
    /** Take over the model_list of an existing config that modelshift did not write (it has no modelshift marker). */
    adopt: z.boolean().optional(),
  }),
  z.strictObject({ name: Name, type: z.literal('flagd'), path: z.string().regex(/\.json$/, { message: 'must end in .json' }) }),
]);
export type SyncTarget = z.infer<typeof SyncTarget>;

export const EvalSettings = z.strictObject({
  concurrency: z.number().int().min(1).max(256).optional(),
  timeoutMs: z.number().int().min(100).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  cacheDir: z.string().min(1).optional(),
  /** Default for migrations' `spec.eval.repair`. */
  repair: RepairSettings.optional(),
});
export type EvalSettings = z.infer<typeof EvalSettings>;

/** A public model list that fills what the built-in catalog lacks (LiteLLM's model cost map). */
export const CatalogSource = z.union([
  z.strictObject({ type: z.literal('litellm'), path: z.string().regex(/\.json$/, { message: 'must end in .json' }) }),
  z.strictObject({ type: z.literal('litellm'), url: z.url({ protocol: /^https?$/ }) }),
]);
export type CatalogSource = z.infer<typeof CatalogSource>;

/** How `modelshift watch` turns a coming retirement into a migration. */
export const WatchSettings = z.strictObject({
  /** Retirements within this many days get a migration (default 90). */
  horizonDays: z.number().int().min(1).max(3650).optional(),
  /** Successor per source model id, over the catalog's. */
  successors: z.record(z.string(), z.string().min(1)).optional(),
  /** The gate written into generated migrations. */
  gate: Gate.optional(),
  /** Title of the dashboard issue. */
  dashboardTitle: z.string().min(1).max(256).optional(),
});
export type WatchSettings = z.infer<typeof WatchSettings>;

export const WorkspaceSpec = z.strictObject({
  ignore: z.array(z.string().min(1)).optional(),
  eval: EvalSettings.optional(),
  catalog: z.strictObject({
    models: z.record(z.string(), ModelFactsOverride).optional(),
    sources: z.array(CatalogSource).optional(),
  }).optional(),
  watch: WatchSettings.optional(),
  sync: z.strictObject({ targets: z.array(SyncTarget) }).optional(),
  telemetry: TelemetrySource.optional(),
});
export type WorkspaceSpec = z.infer<typeof WorkspaceSpec>;

export const WorkspaceConfig = resource('Workspace', WorkspaceSpec);
export type WorkspaceConfig = z.infer<typeof WorkspaceConfig>;
