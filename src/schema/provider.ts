import * as z from 'zod';
import { Name, resource } from './common.js';

export const ProviderType = z.union([
  z.literal('openai'),
  z.literal('anthropic'),
  z.literal('openai-compatible'),
  z.literal('azure-openai'),
]);
export type ProviderType = z.infer<typeof ProviderType>;

export const ProviderSpec = z
  .strictObject({
    type: ProviderType,
    baseURL: z.url({ protocol: /^https?$/ }).optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must be the NAME of an environment variable, e.g. OPENAI_API_KEY' })
      .optional(),
    models: z.array(z.string().min(1)).optional(),
  })
  .superRefine((spec, ctx) => {
    if ((spec.type === 'openai-compatible' || spec.type === 'azure-openai') && spec.baseURL === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseURL'],
        message: `a provider of type ${spec.type} has no baseURL; add the server's endpoint, e.g. https://llm.internal/v1`,
      });
    }
  });

export const Provider = resource('Provider', ProviderSpec);
export type Provider = z.infer<typeof Provider>;

export { Name as ProviderName };
