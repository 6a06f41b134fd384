export { runEvaluation, type AgentPair, type EvaluationOptions } from './evaluate.js';
export type { Progress } from './runner.js';
export { CacheMissError } from './caller.js';
export { evaluateGate } from './gate.js';
export { checkAssertion, checkAssertions, type Judge } from './assertions.js';
export { compareSides, mcnemarExact, ALPHA } from './compare.js';
export { computeStats, catalogPrices } from './stats.js';
export { suiteApplies } from './suites.js';
export type * from './types.js';
