import * as z from 'zod';
import type { CaseDiff, EvalReport } from '../eval/types.js';
import type { LlmRequest } from '../llm/types.js';
import type { EvalSuite, MigrationSpec, Provider } from '../schema/index.js';

/** The only edits a migration rule can carry (`spec.instructions`), as the proposer must answer them. */
export const ProposedEdit = z
  .object({
    append: z.string().trim().min(1).max(4000).optional(),
    replace: z.array(z.strictObject({ find: z.string().min(1).max(2000), with: z.string().max(4000) })).max(20).optional(),
    rationale: z.string().max(2000).optional(),
  })
  .refine((e) => e.append !== undefined || (e.replace?.length ?? 0) > 0, { message: 'has neither "append" nor "replace"' });
export type ProposedEdit = z.infer<typeof ProposedEdit>;
export type InstructionEdits = NonNullable<MigrationSpec['instructions']>;

/** What the proposer is told of one failing training case. */
export interface FailingCase {
  agent: string;
  suite: string;
  case: string;
  input: unknown;
  baseOutput: string;
  headOutput: string;
  reasons: string[];
}

/** An earlier attempt and how it fared, so the next proposal can do better. */
export interface Feedback {
  /** Absent when the answer was not a usable edit. */
  edit?: ProposedEdit;
  result: string;
}

const MAX_CASES = 20;
const MAX_TEXT = 2000;

const SYSTEM = `You adapt the instructions (system prompts) of AI agents that are moving to a new model.
You see each agent's instructions as the new model gets them, and eval cases that passed on the old model but fail on the new one, with both outputs and why the check failed.
Propose ONE small, general edit to the instructions that would make the new model pass such cases without quoting or special-casing them.
Answer with one JSON object and nothing else:
{"append": "a paragraph added at the end of every agent's instructions", "replace": [{"find": "text that appears verbatim in the instructions", "with": "its replacement"}], "rationale": "one sentence"}
Give "append", "replace" or both.`;

/**
 * The proposer's request: only training cases (the caller never passes held-out
 * ones), each agent's current head instructions once, the destination, and what
 * earlier attempts did. Asks for a JSON object.
 */
export function proposerRequest(opts: {
  model: string;
  provider: Provider;
  destination: { provider: string; model: string };
  instructions: { agent: string; text: string }[];
  failing: FailingCase[];
  feedback: Feedback[];
}): LlmRequest {
  const unique = new Map<string, string[]>();
  for (const { agent, text } of opts.instructions) unique.set(text, [...(unique.get(text) ?? []), agent]);
  const payload = {
    destination: opts.destination,
    instructions: [...unique].map(([text, agents]) => ({ agents, text: clip(text) })),
    failingCases: opts.failing.slice(0, MAX_CASES).map((c) => ({ ...c, baseOutput: clip(c.baseOutput), headOutput: clip(c.headOutput) })),
    earlierAttempts: opts.feedback,
  };
  return {
    model: opts.model,
    instructions: SYSTEM,
    messages: [{ role: 'user', content: JSON.stringify(payload, null, 2) }],
    // Anthropic requires a token cap; OpenAI's reasoning models take the other name, so only Anthropic gets one.
    params: opts.provider.spec.type === 'anthropic' ? { max_tokens: 2048 } : {},
    ...(opts.provider.spec.type === 'anthropic' ? {} : { responseFormat: { type: 'json_object' as const } }),
  };
}

/** The failing training cases of a report: passed on base, fail on head, with the case's input from its suite. */
export function failingCases(report: EvalReport, suites: readonly EvalSuite[]): FailingCase[] {
  const input = (diff: CaseDiff) => {
    const found = suites.find((s) => s.metadata.name === diff.suite)?.spec.cases?.find((c) => c.name === diff.case);
    return found?.messages ?? found?.input;
  };
  const seen = new Set<string>();
  return report.agents.flatMap((agent) =>
    agent.regressions.flatMap((diff) => {
      // Repeats of one case say the same thing; one is enough for the proposer.
      const key = `${agent.name}\0${diff.suite}\0${diff.case}`;
      if (seen.has(key) || diff.head.status !== 'fail') return [];
      seen.add(key);
      return [{ agent: agent.name, suite: diff.suite, case: diff.case, input: input(diff), baseOutput: diff.base.output, headOutput: diff.head.output, reasons: diff.head.failed.map((f) => f.reason) }];
    }),
  );
}

/** Reads the proposer's answer: a JSON object, possibly in a fenced block. Throws with what is wrong. */
export function parseProposal(text: string): ProposedEdit {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/.exec(text)?.[1];
  const body = (fenced ?? text).trim();
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new Error(`the answer is not a JSON object (it starts "${body.slice(0, 60)}")`);
  }
  const parsed = ProposedEdit.safeParse(data);
  if (!parsed.success) throw new Error(`the JSON object ${parsed.error.issues.map((i) => `${i.path.join('.') || 'as a whole'} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The rule's instruction edits with a proposal added: its replacements after the rule's, its paragraph after the rule's. */
export function combine(rule: MigrationSpec['instructions'], edit: ProposedEdit): InstructionEdits {
  const append = [rule?.append, edit.append].filter((t): t is string => Boolean(t)).join('\n\n');
  const replace = [...(rule?.replace ?? []), ...(edit.replace ?? [])];
  return { ...(append && { append }), ...(replace.length && { replace }) };
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
