import type * as z from 'zod';
import { Agent } from './agent.js';
import { EvalSuite } from './eval-suite.js';
import { Migration } from './migration.js';
import { Provider } from './provider.js';
import { WorkspaceConfig } from './workspace.js';

export * from './common.js';
export * from './agent.js';
export * from './eval-suite.js';
export * from './migration.js';
export * from './provider.js';
export * from './workspace.js';
export * from './model-facts.js';
export * from './analysis.js';
export * from './telemetry.js';

/** Every document kind, keyed by `kind`. */
export const Kinds = {
  Agent,
  Provider,
  Migration,
  EvalSuite,
  Workspace: WorkspaceConfig,
} as const;
export type Kind = keyof typeof Kinds;
export type Resource = { [K in Kind]: z.infer<(typeof Kinds)[K]> }[Kind];
