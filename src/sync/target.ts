import type { Bundle } from './bundle.js';

/**
 * One place `sync` pushes the merged state to. The core compares what the
 * target holds with what it renders from git, by agent name, in the target's
 * own form (a bundle agent, a list of LiteLLM deployments); the target only
 * reads, renders and writes. An instance serves one run: `write` replaces
 * what the `read` before it saw.
 */
export interface SyncTarget {
  /** Where the target is, as output shows it: a path relative to the workspace, or a URL. */
  readonly location: string;
  /** What the target holds now, by agent name; empty when it holds nothing yet. Reads only. */
  read(): Promise<ReadonlyMap<string, unknown>>;
  /** The target's form of every agent of the bundle, and what the reader should know about it. Pure, after `read`. */
  render(bundle: Bundle): RenderedTarget;
  /** Makes the target hold exactly `entries` (in that order), stamped with the bundle's revision. */
  write(entries: ReadonlyMap<string, unknown>, bundle: Bundle): Promise<void>;
}

export interface RenderedTarget {
  entries: Map<string, unknown>;
  warnings: string[];
}

/** What targets may use of the outside world, read once at the edge. */
export interface TargetDeps {
  /** Workspace root: relative target paths start here. */
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
  http: HttpSettings;
}

export interface HttpSettings {
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts after the first, for network errors, timeouts, 429 and 5xx. */
  retries: number;
  /** Delay before the first retry; doubles with each further one. */
  backoffMs: number;
}

export const DEFAULT_HTTP: HttpSettings = { timeoutMs: 10_000, retries: 3, backoffMs: 500 };
