import type { EvalReport } from '../eval/types.js';
import type { LlmRequest } from '../llm/types.js';
import type { EvalSuite, MigrationSpec, Provider } from '../schema/index.js';
import { combine, failingCases, parseProposal, proposerRequest, type Feedback, type InstructionEdits, type ProposedEdit } from './proposal.js';
import type { Share } from './split.js';
import type { RepairAttempt, RepairReport, ShareRates } from './types.js';

/** What the loop needs of the outside world; the command wires the real eval and LLM client, tests wire fakes' answers through the same code. */
export interface RepairPorts {
  /** Runs the migration's suites on one share, base vs head, with these instruction edits in place of the rule's (undefined: the rule as written). */
  evaluate(instructions: MigrationSpec['instructions'], share: Share): Promise<EvalReport>;
  /** Each affected agent's instructions as head gets them with these edits. */
  headInstructions(instructions: MigrationSpec['instructions']): { agent: string; text: string }[];
  /** One proposer call; its cost from catalog prices (null when unpriced). */
  propose(request: LlmRequest): Promise<{ text: string; costUsd: number | null }>;
}

export interface RepairInput {
  migration: string;
  rule: MigrationSpec;
  proposer: { provider: Provider; model: string };
  attempts: number;
  budgetUsd: number;
  holdout: number;
  trainSuites: EvalSuite[];
  split: RepairReport['split'];
}

/**
 * Propose → try on the training share → confirm on the held-out share. An
 * edit is accepted only when it beats the best so far on training cases and,
 * on cases the proposer never saw, passes the migration's gate without
 * falling below base. Calls that errored are not evidence: an attempt with
 * errors is `not-evaluated`, never accepted. Stops at the first accepted
 * edit, after `attempts`, or when the budget is spent.
 */
export async function runRepair(input: RepairInput, ports: RepairPorts): Promise<RepairReport> {
  const report: RepairReport = {
    migration: input.migration,
    proposer: { provider: input.proposer.provider.metadata.name, model: input.proposer.model },
    split: input.split, attempts: [], verdict: 'none-accepted', costUsd: 0, budgetUsd: input.budgetUsd, reasons: [],
  };
  const ruleInstructions = input.rule.instructions;
  const trainBase = await ports.evaluate(ruleInstructions, 'train');
  const holdoutBase = await ports.evaluate(ruleInstructions, 'holdout');
  report.costUsd += cost(trainBase) + cost(holdoutBase);
  report.baseline = { train: rates(trainBase), holdout: rates(holdoutBase) };
  if (hasErrors(trainBase) || hasErrors(holdoutBase)) {
    report.reasons.push('some calls of the baseline eval errored, so there is no evidence to repair against; fix the connection and run again');
    return report;
  }
  if (!failingCases(trainBase, input.trainSuites).length) {
    report.verdict = 'nothing-to-repair';
    report.reasons.push('no training case passes on base and fails on head: there is nothing for an instruction edit to fix');
    return report;
  }

  // Every candidate is the rule plus one proposal, measured against the rule as written.
  const headTrain = trainBase.summary.head.passRate ?? 0;
  const headInstructions = ports.headInstructions(ruleInstructions);
  const failing = failingCases(trainBase, input.trainSuites);
  const feedback: Feedback[] = [];
  for (let n = 1; n <= input.attempts; n++) {
    if (report.costUsd >= input.budgetUsd) {
      report.verdict = 'over-budget';
      report.reasons.push(`the budget of $${input.budgetUsd} is spent ($${report.costUsd.toFixed(4)}) after ${n - 1} attempt${n === 2 ? '' : 's'}`);
      return report;
    }
    const attempt: RepairAttempt = { n, costUsd: 0, verdict: 'malformed', reasons: [] };
    report.attempts.push(attempt);
    const request = () => proposerRequest({
      model: input.proposer.model, provider: input.proposer.provider, destination: { provider: input.rule.to.provider, model: input.rule.to.model },
      instructions: headInstructions, failing, feedback,
    });
    const edit = await askForEdit(ports, request, attempt, feedback);
    if (!edit) {
      report.costUsd += attempt.costUsd;
      continue;
    }
    attempt.edit = edit;
    const instructions = combine(ruleInstructions, edit);
    const train = await ports.evaluate(instructions, 'train');
    attempt.costUsd += cost(train);
    attempt.train = { ...report.baseline.train, candidate: train.summary.head.passRate };
    const judged = judgeTrain(train, headTrain);
    if (judged) {
      attempt.verdict = judged.verdict;
      attempt.reasons.push(judged.reason);
      feedback.push({ edit, result: judged.reason });
    } else {
      const holdout = await ports.evaluate(instructions, 'holdout');
      attempt.costUsd += cost(holdout);
      attempt.holdout = { ...report.baseline.holdout, candidate: holdout.summary.head.passRate };
      const problems = judgeHoldout(holdout);
      if (!problems.length) {
        attempt.verdict = 'accepted';
        attempt.reasons.push('better on the training cases, and on the held-out cases it passes the gate without falling below base');
        report.costUsd += attempt.costUsd;
        report.verdict = 'accepted';
        report.accepted = { attempt: n, instructions: instructions as InstructionEdits };
        return report;
      }
      attempt.verdict = hasErrors(holdout) ? 'not-evaluated' : 'rejected-holdout';
      attempt.reasons.push(...problems);
      // Only numbers cross back: the proposer never learns which held-out cases failed.
      feedback.push({ edit, result: `better on training cases, but rejected on cases held out from you: ${problems.join('; ')}` });
    }
    report.costUsd += attempt.costUsd;
  }
  report.reasons.push(`none of ${input.attempts} attempt${input.attempts === 1 ? '' : 's'} was confirmed on the held-out cases; the rule is left as it is`);
  return report;
}

/** One proposal, asking once more when the answer is not the JSON asked for. */
async function askForEdit(ports: RepairPorts, request: () => LlmRequest, attempt: RepairAttempt, feedback: Feedback[]): Promise<ProposedEdit | undefined> {
  let req = request();
  for (let tries = 1; tries <= 2; tries++) {
    const answer = await ports.propose(req);
    attempt.costUsd += answer.costUsd ?? 0;
    try {
      return parseProposal(answer.text);
    } catch (error) {
      attempt.error = (error as Error).message;
      req = { ...req, messages: [...req.messages, { role: 'assistant', content: answer.text }, { role: 'user', content: `That was not usable: ${attempt.error}. Answer with the JSON object only.` }] };
    }
  }
  attempt.reasons.push(`the proposer's answer was not a usable edit twice: ${attempt.error}`);
  feedback.push({ result: `your answer was not usable: ${attempt.error}` });
  return undefined;
}

function judgeTrain(train: EvalReport, headTrain: number): { verdict: RepairAttempt['verdict']; reason: string } | undefined {
  if (hasErrors(train)) return { verdict: 'not-evaluated', reason: `${errorCount(train)} calls errored on the training cases, so the edit could not be judged` };
  const rate = train.summary.head.passRate ?? 0;
  if (rate <= headTrain) return { verdict: 'rejected-train', reason: `on the training cases the pass rate is ${pct(rate)}, not better than ${pct(headTrain)} without the edit` };
  return undefined;
}

function judgeHoldout(holdout: EvalReport): string[] {
  if (hasErrors(holdout)) return [`${errorCount(holdout)} calls errored on the held-out cases, so the edit could not be confirmed`];
  const problems = holdout.gate.passed ? [] : holdout.gate.reasons.map((r) => `gate: ${r}`);
  const { base, head } = holdout.summary;
  if ((head.passRate ?? 0) < (base.passRate ?? 0)) problems.push(`held-out pass rate ${pct(head.passRate ?? 0)} is below base's ${pct(base.passRate ?? 0)}`);
  return problems;
}

function rates(report: EvalReport): ShareRates {
  return { base: report.summary.base.passRate, head: report.summary.head.passRate };
}

function cost(report: EvalReport): number {
  return report.costUsd.total ?? 0;
}

function hasErrors(report: EvalReport): boolean {
  return errorCount(report) > 0;
}

function errorCount(report: EvalReport): number {
  return report.summary.base.errors + report.summary.head.errors;
}

function pct(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
