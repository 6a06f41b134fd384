import type { ProviderBatchSummary } from '../batch/types.js';
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
  /** A JavaScript check's own score, when it returns one. */
  score?: number;
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

/** `assertion`: a check could not decide (a JavaScript check threw or timed out, a cost without a price). */
export type CaseErrorKind = LlmErrorKind | 'judge' | 'cache-miss' | 'assertion';

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
  /**
   * passed / (passed + failed); null when no case run was scored. An error is
   * not a model failure: a run that did not happen says nothing about the model.
   */
  passRate: number | null;
  /** Case runs that ran: passed + failed + errors. */
  cases: number;
  passed: number;
  /** Ran and an assertion did not hold. */
  failed: number;
  /** The call or the judge failed (network, 4xx/5xx after retries, timeout): counted apart from `failed`. */
  errors: number;
  /** errors / cases; null when nothing ran. */
  errorRate: number | null;
  notRun: number;
  /** Model calls only (what a migration changes); null when a model has no price in the catalog. */
  costUsd: number | null;
  /** Models without a catalog price; add them under spec.catalog in modelshift.yaml. */
  unpriced: string[];
  /** Answers from a provider batch, priced at its batch rate and left out of latency; absent when none. */
  batched?: number;
  /** Over successful online calls; a cached answer keeps the latency it was measured with. */
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

/** How often a case passed on one side, over its scored runs (errors and not-run left out). */
export interface PassCount {
  passed: number;
  runs: number;
}

/**
 * One case compared across sides. `base` and `head` show one run each (with
 * `repeat: N`, a failing head run and the base run of the same repeat where it
 * was scored); `passes` counts every repeat.
 */
export interface CaseDiff {
  suite: string;
  case: string;
  /** The repeat `base` and `head` show. */
  repeat: number;
  base: CaseOutcome;
  head: CaseOutcome;
  passes: { base: PassCount; head: PassCount };
}

/** A case that fails at head, and how it did on base. */
export interface FailingCase extends CaseDiff {
  /**
   * `worse`: a regression; `same`: failed on base as well; `better`: fails less than on base;
   * `unpaired`: no scored run on base (it errored or did not run), so nothing to compare with.
   */
  trend: 'worse' | 'same' | 'better' | 'unpaired';
}

/**
 * Paired test on the cases scored on both sides, one unit per case: with one
 * run per case the exact McNemar test, with `repeat` an exact sign-flip
 * permutation test on the per-case differences of pass fractions (repeats of
 * one case are not independent cases, so they are not pooled).
 */
export interface Significance {
  test: 'mcnemar-exact' | 'permutation-exact' | 'permutation-normal';
  /** Cases scored on both sides. */
  pairs: number;
  /** Cases whose pass fraction differs (regressions + improvements). */
  discordant: number;
  /** Two-sided: did the pass rate change? */
  pValue: number;
  /** pValue < 0.05. */
  significant: boolean;
  /** One-sided, the gate's question: did head get worse? */
  pWorse: number;
  /** pWorse < 0.05. */
  worse: boolean;
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
  /** Cases that pass less often on head than on base (both sides scored; errors are never regressions). */
  regressions: CaseDiff[];
  /** Cases that pass more often on head than on base. */
  improvements: CaseDiff[];
  /** Every case with a failed run at head: regressions, cases failing on both sides, and the rest. */
  failing: FailingCase[];
  significance: Significance;
  /** Cases of the agent's suites, and how many were scored on both sides (the gate's `minCases`). */
  coverage: { cases: number; evaluated: number };
  errors: CaseError[];
  /** Every case run of both sides, in run order (base first): what the file outputs and `eval merge` read. */
  results: CaseResult[];
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
  /** What the run costs, models and judges; null when a price is missing. Batch answers are priced at the batch rate. */
  costUsd: { models: number | null; judge: number | null; total: number | null };
  /** Per provider, what its batches did; present when the run used `--batch`. */
  batch?: ProviderBatchSummary[];
}
