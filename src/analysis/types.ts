import type { Distribution } from './distribution.js';

export type Arm = 'control' | 'candidate';
export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** What a telemetry source gathered for one arm of one agent inside the window. */
export interface ArmTelemetry {
  /** Calls made (failed ones included). */
  calls: number;
  /** Calls that failed (span status error, or `error.type` set). */
  errors: number;
  /** Call duration in seconds. */
  latency?: Distribution;
  inputTokens?: Distribution;
  outputTokens?: Distribution;
  /** The value each custom metric's query returned for this arm; absent when the source cannot answer it or the query returned nothing. */
  custom: Record<string, number | undefined>;
}

export interface AgentTelemetry {
  control: ArmTelemetry;
  candidate: ArmTelemetry;
}

export interface ArmModel {
  /** The provider type, for prices. */
  type: 'openai' | 'anthropic' | 'openai-compatible' | 'azure-openai';
  name: string;
}

/** One agent in the canary, as the analysis sees it. */
export interface CanaryAgent {
  name: string;
  /** Percent of conversations on the candidate. */
  weight: number;
  control: ArmModel;
  candidate: ArmModel;
}

/** How a metric's values read: a share of calls, seconds, tokens, US dollars or a plain number. */
export type MetricUnit = 'ratio' | 'seconds' | 'tokens' | 'usd' | 'number';

export interface MetricResult {
  name: string;
  unit: MetricUnit;
  /** The metric on each arm; null when the data to compute it is missing. */
  control: number | null;
  candidate: number | null;
  /** Relative change, candidate against control (0.5 = +50 %); null when control is 0 or a side is missing. */
  change: number | null;
  /** Whether the difference is beyond noise (two-sided p < 0.05); null when the metric has no test. */
  significant: boolean | null;
  pValue: number | null;
  verdict: Verdict;
  /** Why the verdict is what it is, in a sentence. */
  reason: string;
}

export interface AgentAnalysis {
  name: string;
  weight: number;
  calls: { control: number; candidate: number };
  verdict: Verdict;
  /** Set when the agent is inconclusive as a whole (too few calls). */
  reason?: string;
  metrics: MetricResult[];
}

/** The plain JSON verdict every renderer (text, markdown, the promote PR, the job summary) renders from. */
export interface AnalysisReport {
  migration: string;
  window: string;
  /** The window's end (ISO 8601); it starts `window` before. */
  end: string;
  /** Where the telemetry came from; empty when no canary was running, so none was read. */
  source: string;
  minCalls: number;
  verdict: Verdict;
  /** Why the overall verdict is what it is, one line per cause. */
  reasons: string[];
  agents: AgentAnalysis[];
}
