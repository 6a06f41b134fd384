import type { Annotation } from './annotations.js';

/** Every output action.yml declares; each is set on every run ('' when the mode has no value for it). */
export const OUTPUT_NAMES = [
  'valid',
  'agents-changed',
  'gate',
  'comment-id',
  'eval-parts',
  'report-path',
  'pull-request-number',
  'pull-request-url',
  'pull-request-operation',
  'pull-requests',
  'synced',
  'drift',
  'dashboard-issue-number',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/** What a mode hands back to main.ts, which alone talks to the runner. */
export interface ModeResult {
  outputs: Partial<Record<OutputName, string>>;
  annotations: Annotation[];
  notices: string[];
  warnings: string[];
  /** Markdown for the job summary. */
  summary?: string;
  /** Why the step fails, when it does. */
  failure?: string;
}
