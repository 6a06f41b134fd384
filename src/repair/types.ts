import type { InstructionEdits, ProposedEdit } from './proposal.js';

/** Pass rates of one share: base (the old model), head (the rule as written), candidate (with the attempt's edit). */
export interface ShareRates {
  base: number | null;
  head: number | null;
  candidate?: number | null;
}

export type AttemptVerdict = 'accepted' | 'rejected-train' | 'rejected-holdout' | 'malformed' | 'not-evaluated';

export interface RepairAttempt {
  n: number;
  edit?: ProposedEdit;
  /** What was wrong with the proposer's answer, for `malformed`. */
  error?: string;
  train?: ShareRates;
  holdout?: ShareRates;
  /** Proposer and evals of this attempt. */
  costUsd: number;
  verdict: AttemptVerdict;
  reasons: string[];
}

export type RepairVerdict = 'accepted' | 'none-accepted' | 'nothing-to-repair' | 'too-small' | 'over-budget';

/** The evidence of `modelshift repair`, as every format renders it. */
export interface RepairReport {
  migration: string;
  proposer: { provider: string; model: string };
  split: { holdout: number; trainCases: number; holdoutCases: number };
  baseline?: { train: ShareRates; holdout: ShareRates };
  attempts: RepairAttempt[];
  verdict: RepairVerdict;
  /** The rule's `spec.instructions` with the accepted edit, when one was accepted. */
  accepted?: { attempt: number; instructions: InstructionEdits };
  costUsd: number;
  budgetUsd: number;
  /** Why the verdict is what it is, for a reader. */
  reasons: string[];
  /** The file `--write` changed, when it did. */
  written?: string;
}
