import * as z from 'zod';
import { ModelRef, Name, resource } from './common.js';

export const Tool = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, "_" or "-" (what both OpenAI and Anthropic accept)' }),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});
export type Tool = z.infer<typeof Tool>;

export const ResponseFormat = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text') }),
  z.strictObject({ type: z.literal('json_object') }),
  z.strictObject({
    type: z.literal('json_schema'),
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, "_" or "-" (what both OpenAI and Anthropic accept)' }),
    schema: z.record(z.string(), z.unknown()),
    strict: z.boolean().optional(),
  }),
]);
export type ResponseFormat = z.infer<typeof ResponseFormat>;

export const Rollout = z.strictObject({
  migration: Name,
  weight: z.number().int().min(0).max(100),
  model: ModelRef,
});
export type Rollout = z.infer<typeof Rollout>;

export const AgentSpec = z.strictObject({
  model: ModelRef,
  instructions: z.string(),
  tools: z.array(Tool).optional(),
  responseFormat: ResponseFormat.optional(),
  rollout: Rollout.optional(),
});
export type AgentSpec = z.infer<typeof AgentSpec>;

export const Agent = resource('Agent', AgentSpec);
export type Agent = z.infer<typeof Agent>;
