import * as z from 'zod';
import { IsoDate } from './common.js';

/** What the catalog knows about one model's request parameters. */
export const ParamFacts = z.strictObject({
  /** The parameter that caps output tokens. */
  tokenLimit: z.union([z.literal('max_tokens'), z.literal('max_completion_tokens')]),
  /** Anthropic's Messages API refuses a request without `max_tokens`. */
  maxTokensRequired: z.boolean(),
  /** Accepted range, or `false` when the model refuses `temperature` (reasoning models). */
  temperature: z.union([z.strictObject({ min: z.number(), max: z.number() }), z.literal(false)]),
  topP: z.boolean(),
  /** Setting both `temperature` and `top_p` is refused. */
  temperatureTopPExclusive: z.boolean(),
  reasoningEffort: z.array(z.string()).optional(),
  /** Other parameter names the model refuses. */
  refused: z.array(z.string()).optional(),
});
export type ParamFacts = z.infer<typeof ParamFacts>;

export const ModelFacts = z.strictObject({
  provider: z.union([z.literal('openai'), z.literal('anthropic')]),
  /** Other names of the same model: dated snapshots, `-latest` aliases. */
  aliases: z.array(z.string()).optional(),
  contextWindow: z.number().int().positive(),
  maxOutputTokens: z.number().int().positive(),
  price: z.strictObject({ inputPerMTok: z.number().min(0), outputPerMTok: z.number().min(0) }),
  params: ParamFacts,
  /** Date the provider announced the deprecation. */
  deprecated: IsoDate.optional(),
  /** Date requests start failing. */
  retires: IsoDate.optional(),
  successor: z.string().optional(),
  sources: z.array(z.url()).min(1),
  checked: IsoDate,
});
export type ModelFacts = z.infer<typeof ModelFacts>;

/** A workspace override: a whole entry for a private model, or a few fields of a known one. */
export const ModelFactsOverride = ModelFacts.partial().extend({
  params: ParamFacts.partial().optional(),
  sources: z.array(z.url()).optional(),
});
export type ModelFactsOverride = z.infer<typeof ModelFactsOverride>;
