import { z } from 'zod';
import { Name, resource } from './common.js';

/** Checked when the file is loaded, so a broken pattern is a validation error rather than a failed case. */
function regexProblem(source: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

export const Assertion = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('contains'), value: z.string().min(1), ignoreCase: z.boolean().optional() }),
  z.strictObject({ type: z.literal('not-contains'), value: z.string().min(1), ignoreCase: z.boolean().optional() }),
  z
    .strictObject({ type: z.literal('regex'), value: z.string().min(1), flags: z.string().regex(/^[imsu]*$/, { message: 'must be made of the flags i, m, s and u' }).optional() })
    .superRefine((a, ctx) => {
      const problem = regexProblem(a.value, a.flags);
      if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid JavaScript regular expression (${problem}); for case-insensitive matching write flags: i, not (?i)` });
    }),
  z.strictObject({ type: z.literal('equals'), value: z.string() }),
  z.strictObject({ type: z.literal('is-json'), schema: z.record(z.string(), z.unknown()).optional() }),
  z.strictObject({
    type: z.literal('tool-call'),
    name: z.string().min(1),
    args: z.record(z.string(), z.unknown()).optional(),
  }),
  z.strictObject({ type: z.literal('max-length'), value: z.number().int().positive() }),
  z.strictObject({
    type: z.literal('llm-judge'),
    rubric: z.string().min(1),
    provider: Name,
    model: z.string().min(1),
  }),
]);
export type Assertion = z.infer<typeof Assertion>;

export const Message = z.strictObject({
  role: z.union([z.literal('user'), z.literal('assistant')]),
  content: z.string(),
});
export type Message = z.infer<typeof Message>;

export const EvalCase = z
  .strictObject({
    name: z.string().min(1),
    input: z.string().optional(),
    messages: z.array(Message).min(1).optional(),
    assert: z.array(Assertion).min(1),
  })
  .superRefine((c, ctx) => {
    if (c.input !== undefined && c.messages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'a case has both input and messages; keep one of them' });
    } else if (c.input === undefined && c.messages === undefined) {
      ctx.addIssue({ code: 'custom', path: ['input'], message: 'a case has neither input nor messages; add one of them' });
    }
  });
export type EvalCase = z.infer<typeof EvalCase>;

export const EvalSuiteSpec = z.strictObject({
  agents: z
    .strictObject({
      names: z.array(z.string().min(1)).optional(),
      labels: z.record(z.string(), z.string()).optional(),
    })
    .optional(),
  repeat: z.number().int().min(1).max(100).default(1),
  cases: z.array(EvalCase).min(1),
});

export const EvalSuite = resource('EvalSuite', EvalSuiteSpec);
export type EvalSuite = z.infer<typeof EvalSuite>;
