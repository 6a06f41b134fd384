import { createHash } from 'node:crypto';
import type { EvalSuite } from '../schema/index.js';

/** Fewer held-out cases than this cannot confirm anything: the command says the suite is too small. */
export const MIN_HOLDOUT_CASES = 4;

export type Share = 'train' | 'holdout';

/**
 * Which share a case belongs to: a hash of the migration, suite and case
 * name, so the split is the same on every run and adding a case never moves
 * another. It does not depend on the agent: a case the proposer saw for one
 * agent is never held out for another.
 */
export function shareOf(migration: string, suite: string, caseName: string, holdout: number): Share {
  const digest = createHash('sha256').update(`${migration}\0${suite}\0${caseName}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < holdout ? 'holdout' : 'train';
}

/** The suite with only the cases of one share. */
export function shareCases(suite: EvalSuite, migration: string, holdout: number, share: Share): EvalSuite {
  return { ...suite, spec: { ...suite.spec, cases: (suite.spec.cases ?? []).filter((c) => shareOf(migration, suite.metadata.name, c.name, holdout) === share) } };
}
