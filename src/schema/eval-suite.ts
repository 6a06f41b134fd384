import * as z from 'zod';
import { Name, resource } from './common.js';
import { lazyJsonSchemaChecker } from './json-schema-checker.js';

/** Checked when the file is loaded, so a broken pattern is a validation error rather than a failed case. */
function regexProblem(source: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

const schemaChecker = lazyJsonSchemaChecker();

/** A JSON Schema the checks will compile: a broken one is a validation error, not a failed case at run time. */
const JsonSchema = z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
  try {
    schemaChecker().compile(schema);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid JSON Schema (${(error as Error).message}); see https://json-schema.org/understanding-json-schema` });
  }
});

/** `not: true` inverts any check; a check that could not run (an error) stays an error. */
const not = { not: z.boolean().optional() };
/** Every check that compares text can ignore case. */
const text = { ...not, ignoreCase: z.boolean().optional() };
const words = z.array(z.string().min(1)).min(1, { message: 'list at least one string' });
const positive = z.number().positive({ message: 'must be a number above 0' });

export const Assertion = z.discriminatedUnion('type', [
  // The first eight keep their place: error messages list the types in this order.
  z.strictObject({ type: z.literal('contains'), value: z.string().min(1), ...text }),
  z.strictObject({ type: z.literal('not-contains'), value: z.string().min(1), ...text }),
  z
    .strictObject({ type: z.literal('regex'), value: z.string().min(1), flags: z.string().regex(/^[imsu]*$/, { message: 'must be made of the flags i, m, s and u' }).optional(), ...text })
    .superRefine((a, ctx) => {
      const problem = regexProblem(a.value, a.flags);
      if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: `not a valid JavaScript regular expression (${problem}); for case-insensitive matching write flags: i, not (?i)` });
    }),
  z.strictObject({ type: z.literal('equals'), value: z.string(), ...text }),
  z.strictObject({ type: z.literal('is-json'), schema: JsonSchema.optional(), ...not }),
  z.strictObject({
    type: z.literal('tool-call'),
    name: z.string().min(1),
    args: z.record(z.string(), z.unknown()).optional(),
    /** JSON Schema the call's arguments must match. */
    schema: JsonSchema.optional(),
    ...not,
  }),
  z.strictObject({ type: z.literal('max-length'), value: z.number().int().positive(), ...not }),
  z.strictObject({
    type: z.literal('llm-judge'),
    rubric: z.string().min(1),
    provider: Name,
    model: z.string().min(1),
    ...not,
  }),
  z.strictObject({ type: z.literal('contains-all'), value: words, ...text }),
  z.strictObject({ type: z.literal('contains-any'), value: words, ...text }),
  z.strictObject({ type: z.literal('starts-with'), value: z.string().min(1), ...text }),
  z.strictObject({ type: z.literal('tool-sequence'), value: words, exact: z.boolean().optional(), ...not }),
  z
    .strictObject({ type: z.literal('word-count'), min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), ...not })
    .superRefine((a, ctx) => {
      if (a.min === undefined && a.max === undefined) ctx.addIssue({ code: 'custom', path: ['min'], message: 'word-count needs min, max or both' });
      else if (a.min !== undefined && a.max !== undefined && a.min > a.max) ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${a.max}) is below min (${a.min}); swap them` });
    }),
  z.strictObject({ type: z.literal('finish-reason'), value: z.union([z.string().min(1), words]), ...not }),
  /** USD for the model call of one case run, at catalog prices. */
  z.strictObject({ type: z.literal('max-cost'), value: positive, ...not }),
  /** Milliseconds of the call that answered. */
  z.strictObject({ type: z.literal('max-latency'), value: positive, ...not }),
  z.strictObject({ type: z.literal('is-refusal'), ...not }),
  z.strictObject({
    type: z.literal('javascript'),
    /** A module relative to the suite file, inside the workspace, whose default export does the check. */
    file: z.string().regex(/\.(mjs|js)$/, { message: 'must name a JavaScript module ending in .mjs or .js' }),
    timeoutMs: z.number().int().min(1).max(600_000).optional(),
    ...not,
  }),
]);
export type Assertion = z.infer<typeof Assertion>;

export const Message = z.strictObject({
  role: z.union([z.literal('user'), z.literal('assistant')]),
  content: z.string(),
});
export type Message = z.infer<typeof Message>;

/** A case as written; `assert` may be left out when the suite's `defaultAssert` (or the file's `assert`) covers it. */
export const EvalCase = z
  .strictObject({
    name: z.string().min(1),
    // An empty user message tests nothing the model could get right or wrong.
    input: z.string().refine((v) => v.trim() !== '', { message: 'is blank; write the user message the case sends' }).optional(),
    messages: z.array(Message).min(1).optional(),
    assert: z.array(Assertion).optional(),
    tags: z.array(z.string().min(1)).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.input !== undefined && c.messages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'a case has both input and messages; keep one of them' });
    } else if (c.input === undefined && c.messages === undefined) {
      ctx.addIssue({ code: 'custom', path: ['input'], message: 'a case has neither input nor messages; add one of them' });
    }
  });
export type EvalCase = z.infer<typeof EvalCase>;

const fileAssert = z.array(Assertion).min(1).optional();

/** A JSONL or CSV file of cases, relative to the suite file. */
export const CasesFile = z.strictObject({
  file: z.string().regex(/\.(jsonl|csv)$/, { message: 'must name a .jsonl or .csv file' }),
  /** Added to every case of the file. */
  assert: fileAssert,
});

/** Recorded production requests, turned into cases. */
export const CasesFromLog = z.strictObject({
  fromLog: z.string().min(1),
  format: z.union([z.literal('openai-chat'), z.literal('otel-genai')]),
  /** Keep this many distinct conversations (after duplicates collapse); all when absent. */
  sample: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
  /** Regular expressions whose matches are masked before a case is stored or sent. */
  redact: z
    .array(
      z.string().superRefine((source, ctx) => {
        const problem = regexProblem(source, 'g');
        if (problem) ctx.addIssue({ code: 'custom', message: `not a valid JavaScript regular expression (${problem})` });
      }),
    )
    .optional(),
  assert: fileAssert,
});

export const CasesSource = z.union([CasesFile, CasesFromLog]);
export type CasesSource = z.infer<typeof CasesSource>;

export const EvalSuiteSpec = z
  .strictObject({
    agents: z
      .strictObject({
        names: z.array(z.string().min(1)).optional(),
        labels: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
    repeat: z.number().int().min(1).max(100).default(1),
    /** Applied to every case of the suite, inline or from a file. */
    defaultAssert: z.array(Assertion).min(1).optional(),
    cases: z.array(EvalCase).min(1).optional(),
    casesFrom: z.array(CasesSource).min(1).optional(),
  })
  .superRefine((spec, ctx) => {
    if (!spec.cases && !spec.casesFrom) ctx.addIssue({ code: 'custom', path: ['cases'], message: 'a suite needs cases, casesFrom or both' });
    if (spec.defaultAssert) return;
    spec.cases?.forEach((c, i) => {
      if (!c.assert?.length) ctx.addIssue({ code: 'custom', path: ['cases', i, 'assert'], message: `case "${c.name}" has no assertions; add assert, or spec.defaultAssert for the whole suite` });
    });
  });

export const EvalSuite = resource('EvalSuite', EvalSuiteSpec);
export type EvalSuite = z.infer<typeof EvalSuite>;
