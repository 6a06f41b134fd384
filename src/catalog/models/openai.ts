import type { ModelFacts } from '../../schema/model-facts.js';

const CHECKED = '2026-11-22';
/** Entries added when the catalog was completed with every successor and the retired chat models. */
const CHECKED_DEC = '2026-12-01';

const DEPRECATIONS = 'https://developers.openai.com/api/docs/deprecations';
const DEPRECATIONS_TABLE = 'https://developers.openai.com/api/docs/deprecations?translationFallback=zh-Hans';
const MODEL_IDS = 'https://developers.openai.com/api/reference/resources/%24shared';
const CHAT_API = 'https://platform.openai.com/docs/api-reference/chat/create';
const SDK_CHAT_PARAMS =
  'https://github.com/openai/openai-node/blob/master/src/resources/chat/completions/completions.ts';
const REASONING_GUIDE = 'https://developers.openai.com/docs/guides/reasoning';
const APRIL_2026_NOTICE = 'https://spybara.com/openai/api/history/docs/en/2026-04-22-0555..2026-04-23-0556/';
const OCT_2026_COPY =
  'https://dev.to/importstatic/every-openai-model-shutdown-date-until-january-2027-and-what-replaces-it-1dfk';
const JAN_2027_COPY =
  'https://dev.to/max_bob/openai-api-deprecations-2026-2027-every-shutdown-date-and-recommended-replacement-gpt-4o-2ffm';
const DEC_2026_COPY =
  'https://dev.to/aideprecations/what-to-do-before-openai-gpt-5-and-o3-shut-down-on-december-11-2026-fap';
const ENDOFLIFE = 'https://endoflife.date/chatgpt';

const JUNE_2024_NOTICE = 'https://platform.openai.com/docs/deprecations/2024-06-06-gpt-4-32k-and-vision-preview-models';
const NOV_2023_NOTICE = 'https://platform.openai.com/docs/deprecations/2023-11-06-chat-model-updates';
const NOV_2023_COPY = 'https://developer.aliyun.com/article/1512953';
const JUNE_2024_COPY = 'https://github.com/bsorrentino/PlantUML4iPad/issues/30';
const SEPT_2024_EMAIL = 'https://github.com/adamrushy/OpenAISwift/issues/138';
const MARCH_2026_EMAIL = 'https://github.com/cognizant-ai-lab/neuro-san/pull/414';
const OCT_2026_WAVE = 'https://github.com/dimagi/open-chat-studio/issues/3208';

const model = (id: string): string => `https://developers.openai.com/api/docs/models/${id}`;

// Non-reasoning chat models. `max_tokens` is deprecated in favour of `max_completion_tokens`
// but these models still accept it, so tokenLimit stays 'max_tokens' (only o-series and
// GPT-5+ refuse it).
const chatParams: ModelFacts['params'] = {
  tokenLimit: 'max_tokens',
  maxTokensRequired: false,
  temperature: { min: 0, max: 2 },
  topP: true,
  temperatureTopPExclusive: false,
};

// Reasoning models refuse `max_tokens` and any non-default `temperature`/`top_p`
// ("Only the default (1) value is supported"), and the penalty/logprob parameters.
// GPT-5.1 and later accept temperature/top_p/logprobs only with reasoning effort 'none',
// which this schema cannot express, so they are modelled as refused.
const reasoningParams = (reasoningEffort?: string[]): ModelFacts['params'] => ({
  tokenLimit: 'max_completion_tokens',
  maxTokensRequired: false,
  temperature: false,
  topP: false,
  temperatureTopPExclusive: false,
  ...(reasoningEffort ? { reasoningEffort } : {}),
  refused: ['presence_penalty', 'frequency_penalty', 'logit_bias', 'logprobs', 'top_logprobs'],
});

export const openaiModels = {
  // GPT-4.1 family: dated snapshots and aliases shut down 2027-01-14 (nano earlier, 2026-10-23).
  'gpt-4.1': {
    provider: 'openai',
    aliases: ['gpt-4.1-2025-04-14'],
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    price: { inputPerMTok: 2, outputPerMTok: 8 },
    params: chatParams,
    deprecated: '2026-10-14',
    retires: '2027-01-14',
    successor: 'gpt-6-luna',
    sources: [model('gpt-4.1'), DEPRECATIONS, JAN_2027_COPY, 'https://www.helicone.ai/model/gpt-4.1', CHAT_API],
    checked: CHECKED,
  },
  'gpt-4.1-mini': {
    provider: 'openai',
    aliases: ['gpt-4.1-mini-2025-04-14'],
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    price: { inputPerMTok: 0.4, outputPerMTok: 1.6 },
    params: chatParams,
    deprecated: '2026-10-14',
    retires: '2027-01-14',
    successor: 'gpt-6-luna',
    sources: [
      model('gpt-4.1-mini'),
      DEPRECATIONS,
      JAN_2027_COPY,
      'https://gist.github.com/ei-grad/9a7c000f3487bc01221c7bb5e2b3d74a',
    ],
    checked: CHECKED,
  },
  'gpt-4.1-nano': {
    provider: 'openai',
    aliases: ['gpt-4.1-nano-2025-04-14'],
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    price: { inputPerMTok: 0.1, outputPerMTok: 0.4 },
    params: chatParams,
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-luna',
    sources: [
      model('gpt-4.1-nano'),
      DEPRECATIONS,
      OCT_2026_COPY,
      'https://dev.to/bigcircle/gpt-4o-deprecation-dates-replacement-and-how-to-migrate-3ibb',
    ],
    checked: CHECKED,
  },
  // The first GPT-4o snapshot shut down earlier than the alias, so it has its own entry.
  'gpt-4o-2024-05-13': {
    provider: 'openai',
    contextWindow: 128_000,
    maxOutputTokens: 4_096,
    price: { inputPerMTok: 5, outputPerMTok: 15 },
    params: chatParams,
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-sol',
    sources: [
      model('gpt-4o'),
      DEPRECATIONS,
      OCT_2026_COPY,
      'https://dev.to/bigcircle/gpt-4o-deprecation-dates-replacement-and-how-to-migrate-3ibb',
    ],
    checked: CHECKED,
  },
  'gpt-4o': {
    provider: 'openai',
    aliases: ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'],
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    price: { inputPerMTok: 2.5, outputPerMTok: 10 },
    params: chatParams,
    deprecated: '2026-10-14',
    retires: '2027-01-14',
    successor: 'gpt-6-luna',
    sources: [
      model('gpt-4o'),
      DEPRECATIONS,
      JAN_2027_COPY,
      'https://codersera.com/blog/gpt-4o-gpt-4-1-api-shutdown-migration-2026/',
    ],
    checked: CHECKED,
  },
  'gpt-4o-mini': {
    provider: 'openai',
    aliases: ['gpt-4o-mini-2024-07-18'],
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    price: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
    params: chatParams,
    deprecated: '2026-10-14',
    retires: '2027-01-14',
    successor: 'gpt-6-luna',
    sources: [model('gpt-4o-mini'), DEPRECATIONS, JAN_2027_COPY],
    checked: CHECKED,
  },
  'gpt-4-turbo': {
    provider: 'openai',
    aliases: ['gpt-4-turbo-2024-04-09'],
    contextWindow: 128_000,
    maxOutputTokens: 4_096,
    price: { inputPerMTok: 10, outputPerMTok: 30 },
    params: chatParams,
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-sol',
    sources: [model('gpt-4-turbo'), DEPRECATIONS, APRIL_2026_NOTICE, OCT_2026_COPY],
    checked: CHECKED,
  },
  'gpt-4.5-preview': {
    provider: 'openai',
    aliases: ['gpt-4.5-preview-2025-02-27'],
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    price: { inputPerMTok: 75, outputPerMTok: 150 },
    params: chatParams,
    deprecated: '2025-04-14',
    retires: '2025-07-14',
    successor: 'gpt-4.1',
    sources: [model('gpt-4.5-preview'), DEPRECATIONS, ENDOFLIFE],
    checked: CHECKED,
  },

  // Retired chat models back to 2024, so an agent still on one is a model-retired error, not an
  // unknown model. Their output limit is set to the context window: they are refused anyway, and
  // a tighter limit the sources do not state would only add a second, possibly wrong, finding.
  'gpt-3.5-turbo-0301': {
    provider: 'openai',
    contextWindow: 4_096,
    maxOutputTokens: 4_096,
    price: { inputPerMTok: 1.5, outputPerMTok: 2 },
    params: chatParams,
    deprecated: '2023-06-13',
    retires: '2024-09-13',
    successor: 'gpt-4o-mini',
    sources: [DEPRECATIONS, SEPT_2024_EMAIL, 'https://www.github.com/pratik2315/litellm/blob/main/model_prices_and_context_window.json'],
    checked: CHECKED_DEC,
  },
  'gpt-3.5-turbo-0613': {
    provider: 'openai',
    contextWindow: 4_096,
    maxOutputTokens: 4_096,
    price: { inputPerMTok: 1.5, outputPerMTok: 2 },
    params: chatParams,
    deprecated: '2023-11-06',
    retires: '2024-09-13',
    successor: 'gpt-4o-mini',
    sources: [NOV_2023_NOTICE, NOV_2023_COPY, SEPT_2024_EMAIL],
    checked: CHECKED_DEC,
  },
  'gpt-3.5-turbo-16k-0613': {
    provider: 'openai',
    contextWindow: 16_384,
    maxOutputTokens: 16_384,
    price: { inputPerMTok: 3, outputPerMTok: 4 },
    params: chatParams,
    deprecated: '2023-11-06',
    retires: '2024-09-13',
    successor: 'gpt-4o-mini',
    sources: [NOV_2023_NOTICE, NOV_2023_COPY, SEPT_2024_EMAIL],
    checked: CHECKED_DEC,
  },
  'gpt-3.5-turbo-1106': {
    provider: 'openai',
    contextWindow: 16_385,
    maxOutputTokens: 4_096,
    price: { inputPerMTok: 1, outputPerMTok: 2 },
    params: chatParams,
    deprecated: '2025-09-26',
    retires: '2026-09-28',
    successor: 'gpt-5.6-terra',
    sources: [DEPRECATIONS, MARCH_2026_EMAIL, 'https://github.com/dimagi/open-chat-studio/issues/3011'],
    checked: CHECKED_DEC,
  },
  'gpt-3.5-turbo': {
    provider: 'openai',
    aliases: ['gpt-3.5-turbo-0125'],
    contextWindow: 16_385,
    maxOutputTokens: 4_096,
    price: { inputPerMTok: 0.5, outputPerMTok: 1.5 },
    params: chatParams,
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-terra',
    sources: [DEPRECATIONS, APRIL_2026_NOTICE, OCT_2026_COPY, OCT_2026_WAVE],
    checked: CHECKED_DEC,
  },
  'gpt-4-32k': {
    provider: 'openai',
    aliases: ['gpt-4-32k-0613', 'gpt-4-32k-0314'],
    contextWindow: 32_768,
    maxOutputTokens: 32_768,
    price: { inputPerMTok: 60, outputPerMTok: 120 },
    params: chatParams,
    deprecated: '2024-06-06',
    retires: '2025-06-06',
    successor: 'gpt-4o',
    sources: [JUNE_2024_NOTICE, JUNE_2024_COPY, 'https://github.com/mudler/LocalAI/issues/3596'],
    checked: CHECKED_DEC,
  },
  'gpt-4-vision-preview': {
    provider: 'openai',
    aliases: ['gpt-4-1106-vision-preview'],
    contextWindow: 128_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 10, outputPerMTok: 30 },
    params: chatParams,
    deprecated: '2024-06-06',
    retires: '2024-12-06',
    successor: 'gpt-4o',
    sources: [JUNE_2024_NOTICE, JUNE_2024_COPY, 'https://github.com/toeverything/AFFiNE/pull/7364'],
    checked: CHECKED_DEC,
  },
  'gpt-4-0314': {
    provider: 'openai',
    contextWindow: 8_192,
    maxOutputTokens: 8_192,
    price: { inputPerMTok: 30, outputPerMTok: 60 },
    params: chatParams,
    deprecated: '2025-09-26',
    retires: '2026-03-26',
    successor: 'gpt-5.6-sol',
    sources: [DEPRECATIONS, MARCH_2026_EMAIL, 'https://github.com/dimagi/open-chat-studio/issues/3011'],
    checked: CHECKED_DEC,
  },
  'gpt-4-turbo-preview': {
    provider: 'openai',
    aliases: ['gpt-4-0125-preview'],
    contextWindow: 128_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 10, outputPerMTok: 30 },
    params: chatParams,
    deprecated: '2025-09-26',
    retires: '2026-03-26',
    successor: 'gpt-5.6-sol',
    sources: [DEPRECATIONS, MARCH_2026_EMAIL, 'https://github.com/dimagi/open-chat-studio/issues/3011'],
    checked: CHECKED_DEC,
  },
  'gpt-4-1106-preview': {
    provider: 'openai',
    contextWindow: 128_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 10, outputPerMTok: 30 },
    params: chatParams,
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-sol',
    sources: [DEPRECATIONS, OCT_2026_COPY, OCT_2026_WAVE],
    checked: CHECKED_DEC,
  },
  'gpt-4': {
    provider: 'openai',
    aliases: ['gpt-4-0613'],
    contextWindow: 8_192,
    maxOutputTokens: 8_192,
    price: { inputPerMTok: 30, outputPerMTok: 60 },
    params: chatParams,
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-sol',
    sources: [DEPRECATIONS, APRIL_2026_NOTICE, OCT_2026_COPY, OCT_2026_WAVE],
    checked: CHECKED_DEC,
  },

  // o-series reasoning models.
  o1: {
    provider: 'openai',
    aliases: ['o1-2024-12-17'],
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    price: { inputPerMTok: 15, outputPerMTok: 60 },
    params: reasoningParams(['low', 'medium', 'high']),
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-sol',
    sources: [model('o1'), DEPRECATIONS, OCT_2026_COPY, REASONING_GUIDE, SDK_CHAT_PARAMS, 'https://github.com/vercel/ai/issues/10932'],
    checked: CHECKED,
  },
  // o1-mini did not accept reasoning_effort, so no values are listed.
  'o1-mini': {
    provider: 'openai',
    aliases: ['o1-mini-2024-09-12'],
    contextWindow: 128_000,
    maxOutputTokens: 65_536,
    price: { inputPerMTok: 1.1, outputPerMTok: 4.4 },
    params: reasoningParams(),
    deprecated: '2025-04-28',
    retires: '2025-10-27',
    successor: 'o4-mini',
    sources: [
      model('o1-mini'),
      DEPRECATIONS,
      ENDOFLIFE,
      'https://pub.dev/documentation/agentic/1.1.8/chat_connector_model/ChatModel/openaiO1Mini-constant.html',
    ],
    checked: CHECKED,
  },
  o3: {
    provider: 'openai',
    aliases: ['o3-2025-04-16'],
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    price: { inputPerMTok: 2, outputPerMTok: 8 },
    params: reasoningParams(['low', 'medium', 'high']),
    deprecated: '2026-06-11',
    retires: '2026-12-11',
    successor: 'gpt-6.1-sol',
    sources: [model('o3'), DEPRECATIONS, DEPRECATIONS_TABLE, DEC_2026_COPY],
    checked: CHECKED,
  },
  'o3-mini': {
    provider: 'openai',
    aliases: ['o3-mini-2025-01-31'],
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    price: { inputPerMTok: 1.1, outputPerMTok: 4.4 },
    params: reasoningParams(['low', 'medium', 'high']),
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-sol',
    sources: [model('o3-mini'), DEPRECATIONS, OCT_2026_COPY],
    checked: CHECKED,
  },
  'o4-mini': {
    provider: 'openai',
    aliases: ['o4-mini-2025-04-16'],
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    price: { inputPerMTok: 1.1, outputPerMTok: 4.4 },
    params: reasoningParams(['low', 'medium', 'high']),
    deprecated: '2026-04-22',
    retires: '2026-10-23',
    successor: 'gpt-5.6-terra',
    sources: [model('o4-mini'), DEPRECATIONS, OCT_2026_COPY, 'https://vercel.com/ai-gateway/models/o4-mini.md'],
    checked: CHECKED,
  },

  // GPT-5 family: reasoning models. GPT-5 added 'minimal'; GPT-5.1 replaced it with 'none'.
  'gpt-5': {
    provider: 'openai',
    aliases: ['gpt-5-2025-08-07'],
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 1.25, outputPerMTok: 10 },
    params: reasoningParams(['minimal', 'low', 'medium', 'high']),
    deprecated: '2026-06-11',
    retires: '2026-12-11',
    successor: 'gpt-6.1-sol',
    sources: [model('gpt-5'), DEPRECATIONS_TABLE, DEC_2026_COPY, REASONING_GUIDE, 'https://learnku.com/articles/90544'],
    checked: CHECKED,
  },
  'gpt-5-mini': {
    provider: 'openai',
    aliases: ['gpt-5-mini-2025-08-07'],
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 0.25, outputPerMTok: 2 },
    params: reasoningParams(['minimal', 'low', 'medium', 'high']),
    deprecated: '2026-06-11',
    retires: '2026-12-11',
    successor: 'gpt-6.1-terra',
    sources: [model('gpt-5-mini'), DEPRECATIONS_TABLE, DEC_2026_COPY, 'https://zenn.dev/headwaters/articles/a5468c45ec2e52'],
    checked: CHECKED,
  },
  'gpt-5-nano': {
    provider: 'openai',
    aliases: ['gpt-5-nano-2025-08-07'],
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 0.05, outputPerMTok: 0.4 },
    params: reasoningParams(['minimal', 'low', 'medium', 'high']),
    deprecated: '2026-06-11',
    retires: '2026-12-11',
    successor: 'gpt-6-luna',
    sources: [model('gpt-5-nano'), DEPRECATIONS_TABLE, DEC_2026_COPY],
    checked: CHECKED,
  },
  'gpt-5.1': {
    provider: 'openai',
    aliases: ['gpt-5.1-2025-11-13'],
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 1.25, outputPerMTok: 10 },
    params: reasoningParams(['none', 'low', 'medium', 'high']),
    retires: '2027-04-01',
    sources: [
      'https://developers.openai.com/zh-Hans/api/docs/models/gpt-5.1',
      JAN_2027_COPY,
      'https://dev.to/aidriftline',
      'https://github.com/vercel/ai/issues/10932',
    ],
    checked: CHECKED,
  },
  'gpt-5.2': {
    provider: 'openai',
    aliases: ['gpt-5.2-2025-12-11'],
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 1.75, outputPerMTok: 14 },
    params: reasoningParams(['none', 'low', 'medium', 'high', 'xhigh']),
    sources: [
      MODEL_IDS,
      'https://docs.oxen.ai/inference-api/reference/models/gpt-5-2-2025-12-11.md',
      'https://raw.githubusercontent.com/zqiren/Orbital/232212aecc57fb6e5a7bb36b53c32e9e33e2a2b2/agent_os/config/providers.json',
    ],
    checked: CHECKED,
  },

  // GPT-5.6 family (July 2026), named as replacements for models shut down in October 2026.
  // Standard prices for prompts up to 272K input tokens.
  'gpt-5.6-sol': {
    provider: 'openai',
    contextWindow: 1_050_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 4, outputPerMTok: 20 },
    params: reasoningParams(['none', 'low', 'medium', 'high', 'xhigh', 'max']),
    sources: ['https://developers.openai.com/ja-JP/api/docs/models/gpt-5.6-sol', 'https://vercel.com/ai-gateway/models/openai/gpt-5.6-sol.md'],
    checked: CHECKED_DEC,
  },
  'gpt-5.6-terra': {
    provider: 'openai',
    contextWindow: 1_050_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 2, outputPerMTok: 12 },
    params: reasoningParams(['none', 'low', 'medium', 'high', 'xhigh', 'max']),
    sources: [
      'https://developers.openai.com/api/docs/models/gpt-5.6-luna?frmapp=yes',
      'https://vercel.com/ai-gateway/models/gpt-5.6-terra.md',
      'https://docs.oxen.ai/inference-api/reference/models/gpt-5-6-terra.md',
    ],
    checked: CHECKED_DEC,
  },
  'gpt-5.6-luna': {
    provider: 'openai',
    contextWindow: 1_050_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 0.2, outputPerMTok: 1.2 },
    params: reasoningParams(['none', 'low', 'medium', 'high', 'xhigh', 'max']),
    sources: ['https://developers.openai.com/api/docs/models/gpt-5.6-luna?frmapp=yes', 'https://developers.openai.com/ja-JP/api/docs/models/gpt-5.6-luna'],
    checked: CHECKED_DEC,
  },
  'gpt-6.1-terra': {
    provider: 'openai',
    contextWindow: 1_050_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 1, outputPerMTok: 5 },
    params: reasoningParams(['none', 'low', 'medium', 'high', 'xhigh', 'max']),
    sources: ['https://docs.litellm.ai/blog/gpt-6-1-terra', 'https://docs.apiyi.com/en/news/gpt-6-1-terra-launch', 'https://docs.venice.ai/zh/models/gpt-6-1-terra'],
    checked: CHECKED_DEC,
  },

  // GPT-6 models named as replacements on the deprecations page. Price is the standard tier
  // for prompts up to 272K input tokens.
  'gpt-6-luna': {
    provider: 'openai',
    contextWindow: 1_050_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 0.1, outputPerMTok: 0.5 },
    params: reasoningParams(['none', 'low', 'medium', 'high', 'xhigh', 'max']),
    sources: ['https://developers.openai.com/ja-JP/api/docs/models/gpt-6-luna', MODEL_IDS],
    checked: CHECKED,
  },
  'gpt-6.1-sol': {
    provider: 'openai',
    contextWindow: 1_050_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 2, outputPerMTok: 10 },
    params: reasoningParams(['low', 'medium', 'high', 'xhigh', 'max']),
    sources: [
      model('gpt-6.1-sol'),
      MODEL_IDS,
      'https://vercel.com/ai-gateway/models/gpt-6.1-sol.md',
      'https://docs.venice.ai/es/models/gpt-6-1-sol.md',
    ],
    checked: CHECKED,
  },
} satisfies Record<string, ModelFacts>;
