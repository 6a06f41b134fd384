import type { AgentTelemetry, CanaryAgent } from '../analysis/types.js';
import type { CustomMetric } from '../schema/index.js';
import type { HttpSettings } from '../sync/target.js';

/** What the analysis asks a source for: one agent of one migration's canary, both arms, inside the window ending at `end`. */
export interface TelemetryQuery {
  migration: string;
  agent: CanaryAgent;
  /** As written in the rule (`1h`), for PromQL range selectors. */
  window: string;
  windowSeconds: number;
  end: Date;
  custom: readonly CustomMetric[];
}

/**
 * Where production telemetry comes from. A source only gathers: counts,
 * distributions and custom values per arm; the analysis core judges them.
 * Errors of the outside world (unreachable server, unreadable file) are
 * thrown as ExternalError, never returned as data.
 */
export interface TelemetrySource {
  /** As output shows it: a URL without credentials, or a path relative to the workspace. */
  readonly location: string;
  fetch(query: TelemetryQuery): Promise<AgentTelemetry>;
}

/** What sources may use of the outside world, read once at the edge. */
export interface SourceDeps {
  /** Workspace root: relative paths start here. */
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  http: HttpSettings;
}
