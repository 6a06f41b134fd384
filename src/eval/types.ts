import type { LlmErrorKind } from '../llm/errors.js';
import type { LlmResponse, ToolCall, Usage } from '../llm/types.js';
import type { Assertion } from '../schema/eval-suite.js';
import type { ModelFacts } from '../schema/model-facts.js';
import type { ProviderType } from '../schema/provider.js';

export type Side = 'base' | 'head';

/** `not-run`: interrupted or offline without a cached answer. Neither a pass nor a failure. */
export type CaseStatus = 'pass' | 'fail' | 'error' | 'not-run';

export interface AssertionResult {
  type: Assertion['type'];
  pass: boolean;
  reason: string;
}

/** The model facts evals use; `Catalog` from src/catalog satisfies it. */
export interface ModelCatalog {
  lookup(model: string): Pick<ModelFacts, 'provider' | 'price' | 'params'> | undefined;
}

/** One call a judge made for an `llm-judge` assertion, for its cost. */
export interface JudgeCall {
  providerType: ProviderType;
  model: string;
  usage: Usage;
}

export type CaseErrorKind = LlmErrorKind | 'judge' | 'cache-miss';

/** One run of one case (one repeat) on one side of one agent. */
export interface CaseResult {
  agent: string;
  side: Side;
  suite: string;
  case: string;
  /** 1-based; a case with `repeat: 3` runs as repeats 1, 2, 3. */
  repeat: number;
  provider: string;
  providerType: ProviderType;
  model: string;
  status: CaseStatus;
  assertions: AssertionResult[];
  response?: LlmResponse;
  /** Answered from the disk cache, without a call. */
  cached: boolean;
  error?: { kind: CaseErrorKind; message: string; status?: number };
  judgeCalls: JudgeCall[];
}

/** DESIGN §2 `Stats`, plus the counts behind the rates. */
export interface Stats {
  /** passed / cases; null when no case ran. An error counts as not passing. */
  passRate: number | null;
  /** Case runs that ran: passed + failed + errors. */
  cases: number;
  passed: number;
  errors: number;
  notRun: number;
  /** Model calls only (what a migration changes); null when a model has no price in the catalog. */
  costUsd: number | null;
  /** Models without a catalog price; add them under spec.catalog in modelshift.yaml. */
  unpriced: string[];
  /** Over successful calls; a cached answer keeps the latency it was measured with. */
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  inputTokens: number;
  outputTokens: number;
  /** `llm-judge` calls, counted apart from the model's own cost. */
  judge: { calls: number; inputTokens: number; outputTokens: number; costUsd: number | null };
}

export interface SideStats extends Stats {
  provider: string;
  model: string;
}

export interface CaseOutcome {
  status: CaseStatus;
  output: string;
  toolCalls: ToolCall[];
  /** The assertions that did not pass. */
  failed: AssertionResult[];
  error?: string;
}

/** One case (and repeat) whose verdict changed between base and head. */
export interface CaseDiff {
  suite: string;
  case: string;
  repeat: number;
  base: CaseOutcome;
  head: CaseOutcome;
}

/** Exact McNemar test on the paired case runs: did the pass rate really change? */
export interface Significance {
  test: 'mcnemar-exact';
  /** Case runs that ran on both sides. */
  pairs: number;
  /** Pairs whose verdict differs (regressions + improvements). */
  discordant: number;
  pValue: number;
  /** pValue < 0.05. */
  significant: boolean;
}

export interface CaseError {
  side: Side;
  suite: string;
  case: string;
  repeat: number;
  kind: CaseErrorKind;
  message: string;
}

export interface AgentReport {
  name: string;
  base: SideStats;
  head: SideStats;
  /** Passed on base, fails (or errors) on head. */
  regressions: CaseDiff[];
  /** Failed (or errored) on base, passes on head. */
  improvements: CaseDiff[];
  significance: Significance;
  errors: CaseError[];
}

export interface GateResult {
  passed: boolean;
  /** Why it failed, one line per failed check, naming the agent and the numbers. */
  reasons: string[];
}

/** DESIGN §2 eval JSON, plus what the renderers need. */
export interface EvalReport {
  agents: AgentReport[];
  /** Agents no suite applies to. */
  skipped: { name: string; reason: string }[];
  /** All agents pooled, per side: the PR comment's summary line. */
  summary: { base: Stats; head: Stats };
  gate: GateResult;
  /** Calls made in this run (models and judges). */
  calls: number;
  /** Answers taken from the cache. */
  cached: number;
  /** Stopped by the signal: what finished is reported, the rest is `notRun`. */
  interrupted: boolean;
  /** What the run costs, models and judges; null when a price is missing. */
  costUsd: { models: number | null; judge: number | null; total: number | null };
}
