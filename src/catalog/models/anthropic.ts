import type { ModelFacts } from '../../schema/model-facts.js';

const CHECKED = '2026-11-22';

const DEPRECATIONS = 'https://platform.claude.com/docs/en/about-claude/model-deprecations';
const PRICING = 'https://platform.claude.com/docs/en/about-claude/pricing';
const RELEASE_NOTES = 'https://platform.claude.com/docs/en/release-notes/overview';
const MODELS_OVERVIEW = 'https://platform.claude.com/docs/en/models/overview';
const LEGACY_MODELS = 'https://docs.anthropic.com/en/docs/legacy-model-guide';
const MIGRATING_TO_45 = 'https://platform.claude.com/docs/zh-CN/about-claude/models/migrating-to-claude-4';
const SDK_DEPRECATED_MODELS =
  'https://github.com/anthropics/anthropic-sdk-typescript/blob/main/src/resources/messages/messages.ts';
const EOL_FEED = 'https://github.com/thossullivan/model-eol/blob/main/feeds/anthropic.json';
const JUNE_2026_RETIREMENT =
  'https://raw.githubusercontent.com/ottto-ai/ai-provider-watch/main/data/events/2026-06-15-anthropic-sonnet-4-opus-4-retirement.json';

const overview = (lang: string, slug: string): string =>
  `https://platform.claude.com/docs/${lang}/models/${slug}/overview.md`;

// The Messages API requires `max_tokens`; temperature runs 0..1.
const samplingParams: ModelFacts['params'] = {
  tokenLimit: 'max_tokens',
  maxTokensRequired: true,
  temperature: { min: 0, max: 1 },
  topP: true,
  temperatureTopPExclusive: false,
};

// From Opus 4.1 and the 4.5 generation on, a request that sets both temperature and top_p is refused.
const exclusiveSamplingParams: ModelFacts['params'] = { ...samplingParams, temperatureTopPExclusive: true };

// Opus 4.7 and later, Sonnet 5 and later and Haiku 5.5 refuse non-default temperature, top_p
// and top_k (400); effort steers them instead.
const noSamplingParams: ModelFacts['params'] = {
  tokenLimit: 'max_tokens',
  maxTokensRequired: true,
  temperature: false,
  topP: false,
  temperatureTopPExclusive: false,
  refused: ['top_k'],
};

const DEPRECATIONS_TABLE = 'https://docs.anthropic.com/zh-CN/docs/about-claude/model-deprecations';
const LEGACY_PRICES = 'https://gist.github.com/nashid/2d4d7cc58ff73fd651fa7f3ed0c0761d';
/** Entries added when the catalog was completed with the retired models back to 2024. */
const CHECKED_DEC = '2026-12-01';

/** A retired model: requests fail, so its facts matter only for the verdict and for history. */
const retired = (facts: Pick<ModelFacts, 'aliases' | 'contextWindow' | 'price' | 'deprecated' | 'retires' | 'successor' | 'sources'>): ModelFacts => ({
  provider: 'anthropic',
  maxOutputTokens: 4_096,
  params: samplingParams,
  checked: CHECKED_DEC,
  ...facts,
});

export const anthropicModels = {
  // Claude 1 and Claude Instant: retired 2024-11-06.
  ...Object.fromEntries(['claude-1.0', 'claude-1.1', 'claude-1.2', 'claude-1.3'].map((id) => [id, retired({
    contextWindow: 100_000, price: { inputPerMTok: 8, outputPerMTok: 24 },
    deprecated: '2024-09-04', retires: '2024-11-06', successor: 'claude-sonnet-4-6', sources: [DEPRECATIONS_TABLE, DEPRECATIONS, LEGACY_MODELS],
  })])),
  ...Object.fromEntries(['claude-instant-1.0', 'claude-instant-1.1', 'claude-instant-1.2'].map((id) => [id, retired({
    contextWindow: 100_000, price: { inputPerMTok: 0.8, outputPerMTok: 2.4 },
    deprecated: '2024-09-04', retires: '2024-11-06', successor: 'claude-haiku-4-5', sources: [DEPRECATIONS_TABLE, DEPRECATIONS, LEGACY_PRICES],
  })])),
  // Claude 2 and the first Claude 3 Sonnet: retired 2025-07-21.
  'claude-2.0': retired({
    contextWindow: 100_000, price: { inputPerMTok: 8, outputPerMTok: 24 },
    deprecated: '2025-01-21', retires: '2025-07-21', successor: 'claude-sonnet-4-6', sources: [DEPRECATIONS_TABLE, DEPRECATIONS, LEGACY_PRICES],
  }),
  'claude-2.1': retired({
    contextWindow: 200_000, price: { inputPerMTok: 8, outputPerMTok: 24 },
    deprecated: '2025-01-21', retires: '2025-07-21', successor: 'claude-sonnet-4-6', sources: [DEPRECATIONS_TABLE, DEPRECATIONS, LEGACY_PRICES],
  }),
  'claude-3-sonnet': retired({
    aliases: ['claude-3-sonnet-20240229'],
    contextWindow: 200_000, price: { inputPerMTok: 3, outputPerMTok: 15 },
    deprecated: '2025-01-21', retires: '2025-07-21', successor: 'claude-sonnet-4-6', sources: [DEPRECATIONS_TABLE, DEPRECATIONS, LEGACY_MODELS],
  }),

  // Claude 3 generation: all retired.
  'claude-3-opus': {
    provider: 'anthropic',
    aliases: ['claude-3-opus-20240229', 'claude-3-opus-latest'],
    contextWindow: 200_000,
    maxOutputTokens: 4_096,
    price: { inputPerMTok: 15, outputPerMTok: 75 },
    params: samplingParams,
    deprecated: '2025-06-30',
    retires: '2026-01-05',
    successor: 'claude-opus-4-8',
    sources: [DEPRECATIONS, LEGACY_MODELS, EOL_FEED, 'https://docs.anthropic.com/zh-CN/docs/about-claude/model-deprecations'],
    checked: CHECKED,
  },
  'claude-3-5-sonnet': {
    provider: 'anthropic',
    aliases: ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet-20240620', 'claude-3-5-sonnet-latest'],
    contextWindow: 200_000,
    maxOutputTokens: 8_192,
    price: { inputPerMTok: 3, outputPerMTok: 15 },
    params: samplingParams,
    deprecated: '2025-08-13',
    retires: '2025-10-28',
    successor: 'claude-sonnet-4-6',
    sources: [
      DEPRECATIONS,
      'https://docs.claude.com/en/release-notes/overview',
      EOL_FEED,
      LEGACY_MODELS,
      'https://gitlab.com/gitlab-org/gitlab/-/issues/572012',
    ],
    checked: CHECKED,
  },
  'claude-3-5-haiku': {
    provider: 'anthropic',
    aliases: ['claude-3-5-haiku-20241022', 'claude-3-5-haiku-latest'],
    contextWindow: 200_000,
    maxOutputTokens: 8_192,
    price: { inputPerMTok: 0.8, outputPerMTok: 4 },
    params: samplingParams,
    deprecated: '2025-12-19',
    retires: '2026-02-19',
    successor: 'claude-haiku-4-5',
    sources: [DEPRECATIONS, LEGACY_MODELS, PRICING, EOL_FEED, 'https://github.com/coder/coder/pull/22304'],
    checked: CHECKED,
  },
  'claude-3-7-sonnet': {
    provider: 'anthropic',
    aliases: ['claude-3-7-sonnet-20250219', 'claude-3-7-sonnet-latest'],
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    price: { inputPerMTok: 3, outputPerMTok: 15 },
    params: samplingParams,
    deprecated: '2025-10-28',
    retires: '2026-02-19',
    successor: 'claude-sonnet-4-6',
    sources: [
      DEPRECATIONS,
      LEGACY_MODELS,
      PRICING,
      EOL_FEED,
      'https://docs.claude.com/en/release-notes/overview',
      MIGRATING_TO_45,
    ],
    checked: CHECKED,
  },
  'claude-3-haiku': {
    provider: 'anthropic',
    aliases: ['claude-3-haiku-20240307'],
    contextWindow: 200_000,
    maxOutputTokens: 4_096,
    price: { inputPerMTok: 0.25, outputPerMTok: 1.25 },
    params: samplingParams,
    deprecated: '2026-02-19',
    retires: '2026-04-20',
    successor: 'claude-haiku-4-5',
    sources: [DEPRECATIONS, LEGACY_MODELS, PRICING, EOL_FEED],
    checked: CHECKED,
  },

  // Claude 4 generation.
  'claude-sonnet-4': {
    provider: 'anthropic',
    aliases: ['claude-sonnet-4-20250514', 'claude-sonnet-4-0'],
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    price: { inputPerMTok: 3, outputPerMTok: 15 },
    params: samplingParams,
    deprecated: '2026-04-14',
    retires: '2026-06-15',
    successor: 'claude-sonnet-4-6',
    sources: [DEPRECATIONS, RELEASE_NOTES, JUNE_2026_RETIREMENT, LEGACY_MODELS, PRICING, EOL_FEED],
    checked: CHECKED,
  },
  'claude-opus-4': {
    provider: 'anthropic',
    aliases: ['claude-opus-4-20250514', 'claude-opus-4-0'],
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    price: { inputPerMTok: 15, outputPerMTok: 75 },
    params: samplingParams,
    deprecated: '2026-04-14',
    retires: '2026-06-15',
    successor: 'claude-opus-4-8',
    sources: [DEPRECATIONS, RELEASE_NOTES, JUNE_2026_RETIREMENT, LEGACY_MODELS, PRICING, EOL_FEED],
    checked: CHECKED,
  },
  'claude-opus-4-1': {
    provider: 'anthropic',
    aliases: ['claude-opus-4-1-20250805'],
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    price: { inputPerMTok: 15, outputPerMTok: 75 },
    params: exclusiveSamplingParams,
    deprecated: '2026-06-05',
    retires: '2026-08-05',
    successor: 'claude-opus-4-8',
    sources: [
      DEPRECATIONS,
      'https://platform.claude.com/docs/en/release-notes/overview#june-5-2026',
      'https://raw.githubusercontent.com/ottto-ai/ai-provider-watch/main/data/events/2026-06-05-anthropic-opus-41-api-retirement.json',
      LEGACY_MODELS,
      PRICING,
      EOL_FEED,
    ],
    checked: CHECKED,
  },

  // Claude 4.5 generation.
  'claude-sonnet-4-5': {
    provider: 'anthropic',
    aliases: ['claude-sonnet-4-5-20250929'],
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    price: { inputPerMTok: 3, outputPerMTok: 15 },
    params: exclusiveSamplingParams,
    retires: '2026-11-30',
    successor: 'claude-sonnet-5-5',
    sources: [overview('zh-CN', 'sonnet-4-5'), DEPRECATIONS, SDK_DEPRECATED_MODELS, MIGRATING_TO_45, PRICING],
    checked: CHECKED,
  },
  'claude-haiku-4-5': {
    provider: 'anthropic',
    aliases: ['claude-haiku-4-5-20251001'],
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    price: { inputPerMTok: 1, outputPerMTok: 5 },
    params: exclusiveSamplingParams,
    successor: 'claude-haiku-5-5',
    sources: [
      overview('zh-CN', 'haiku-4-5'),
      'https://platform.claude.com/docs/models/haiku-4-5/migration-guide',
      PRICING,
      EOL_FEED,
    ],
    checked: CHECKED,
  },
  'claude-opus-4-5': {
    provider: 'anthropic',
    aliases: ['claude-opus-4-5-20251101'],
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    price: { inputPerMTok: 5, outputPerMTok: 25 },
    params: exclusiveSamplingParams,
    successor: 'claude-opus-5-5',
    sources: [
      overview('pt-BR', 'opus-4-5'),
      'https://platform.claude.com/docs/zh-TW/models/opus-4-5/overview',
      PRICING,
      'https://github.com/open-webui/functions/pull/9',
    ],
    checked: CHECKED,
  },

  // Newer models named as replacements above; still available, legacy or current.
  'claude-sonnet-4-6': {
    provider: 'anthropic',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 3, outputPerMTok: 15 },
    params: exclusiveSamplingParams,
    successor: 'claude-sonnet-5-5',
    sources: [overview('zh-CN', 'sonnet-4-6'), PRICING, 'https://git.drupalcode.org/project/ai/-/work_items/3580249'],
    checked: CHECKED,
  },
  'claude-opus-4-8': {
    provider: 'anthropic',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 5, outputPerMTok: 25 },
    params: noSamplingParams,
    successor: 'claude-opus-5-5',
    sources: [
      overview('de', 'opus-4-8'),
      PRICING,
      'https://www.totalum.app/blog/claude-4-deprecation-migration-2026',
    ],
    checked: CHECKED,
  },
  'claude-sonnet-5-5': {
    provider: 'anthropic',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 2, outputPerMTok: 10 },
    params: noSamplingParams,
    sources: [
      MODELS_OVERVIEW,
      'https://platform.claude.com/docs/zh-CN/models/sonnet-5-5/migration-guide.md',
      'https://platform.claude.com/docs/models/sonnet-5/migration-guide',
    ],
    checked: CHECKED,
  },
  'claude-opus-5-5': {
    provider: 'anthropic',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 4, outputPerMTok: 20 },
    params: noSamplingParams,
    sources: [MODELS_OVERVIEW, 'https://platform.claude.com/docs/about-claude/models/whats-new-opus-5'],
    checked: CHECKED,
  },
  // Price is the tier for prompts up to 100,000 tokens; longer prompts cost $0.50 in / $2.50 out.
  'claude-haiku-5-5': {
    provider: 'anthropic',
    contextWindow: 1_000_000,
    maxOutputTokens: 128_000,
    price: { inputPerMTok: 0.1, outputPerMTok: 0.5 },
    params: noSamplingParams,
    sources: [
      'https://platform.claude.com/docs/en/models/haiku-5-5/overview.md',
      'https://platform.claude.com/docs/en/models/haiku-5-5/migration-guide',
      'https://platform.claude.com/docs/zh-CN/models/haiku-5-5/overview',
    ],
    checked: CHECKED,
  },
} satisfies Record<string, ModelFacts>;
