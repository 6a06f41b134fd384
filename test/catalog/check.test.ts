import { describe, expect, it } from 'vitest';
import { checkModel, checkParams, deprecationNotices, missingFacts, RETIRING_SOON_DAYS } from '../../src/catalog/check.js';
import { Catalog, type CatalogEntry } from '../../src/catalog/index.js';
import { ModelFacts } from '../../src/schema/model-facts.js';

const catalog = new Catalog();
const entry = (id: string): CatalogEntry => {
  const found = catalog.lookup(id);
  if (!found) throw new Error(`${id} is not in the catalog`);
  return found;
};
/** A model retiring on 2027-03-01, whatever the real catalog says. */
const retiring: CatalogEntry = { ...entry('gpt-4.1'), id: 'test-model', retires: '2027-03-01', successor: 'test-model-2' };
const verdict = (e: CatalogEntry | undefined, today: string, type: 'openai' | 'anthropic' | 'openai-compatible' = 'openai') =>
  checkModel(e, e?.id ?? 'mystery-1', type, today).map((i) => `${i.severity} ${i.rule}: ${i.message}`);
/** The facts without the id the catalog files them under: the shape of a workspace override. */
const facts = ({ id: _id, ...rest }: CatalogEntry) => rest;
const params = (id: string, p: Record<string, unknown>) => checkParams(entry(id), p).map((i) => `${i.rule} ${i.param}: ${i.message}`);

describe('checkModel', () => {
  it('is an error from the retirement day on, naming the successor', () => {
    expect(verdict(retiring, '2027-03-01')).toEqual(['error model-retired: model "test-model" was retired on 2027-03-01 and no longer answers; migrate to test-model-2']);
    expect(verdict(retiring, '2028-01-01')).toHaveLength(1);
  });

  it(`is a warning with the date and successor within ${RETIRING_SOON_DAYS} days, nothing before`, () => {
    expect(verdict(retiring, '2027-02-28')).toEqual(['warning model-retiring: model "test-model" retires on 2027-03-01 (in 1 days); migrate to test-model-2']);
    expect(verdict(retiring, '2026-12-01')).toEqual(['warning model-retiring: model "test-model" retires on 2027-03-01 (in 90 days); migrate to test-model-2']);
    expect(verdict(retiring, '2026-11-30')).toEqual([]);
  });

  it('says how to move on when no successor is known', () => {
    expect(verdict({ ...retiring, successor: undefined }, '2027-04-01')[0]).toMatch(/; migrate to a current model \(write a Migration\)$/);
  });

  it('warns about an unknown model on providers the catalog covers only', () => {
    expect(verdict(undefined, '2026-11-22')).toEqual([
      'warning model-unknown: model "mystery-1" is not in the catalog, so its parameters, prices and retirement are not checked; if it is new or private, describe it under spec.catalog.models in modelshift.yaml',
    ]);
    expect(verdict(undefined, '2026-11-22', 'openai-compatible')).toEqual([]);
  });

  it('finds snapshots and aliases under their model', () => {
    expect(catalog.lookup('gpt-4.1-2025-04-14')?.id).toBe('gpt-4.1');
    expect(catalog.lookup('claude-sonnet-4-5-20250929')?.id).toBe('claude-sonnet-4-5');
  });
});

describe('checkParams', () => {
  it('refuses temperature on a reasoning model and says what steers it instead', () => {
    expect(params('gpt-5.1', { temperature: 0.2, max_completion_tokens: 100 })).toEqual([
      'param-refused temperature: gpt-5.1 does not accept temperature; remove it (steer it with reasoning_effort instead)',
    ]);
  });

  it('names the token limit a model takes', () => {
    expect(params('gpt-5.1', { max_tokens: 100 })).toEqual(['param-refused max_tokens: gpt-5.1 does not accept max_tokens; use max_completion_tokens instead']);
    expect(params('gpt-4.1', { max_tokens: 100 })).toEqual([]);
    expect(params('gpt-4.1', { max_completion_tokens: 100 })).toEqual([]);
    expect(params('gpt-4.1', { max_tokens: 0 })).toEqual(['param-invalid max_tokens: max_tokens must be a positive whole number']);
    expect(params('claude-haiku-4-5', { max_tokens: 10_000_000 })).toEqual([
      `param-invalid max_tokens: max_tokens is 10000000 but claude-haiku-4-5 writes at most ${entry('claude-haiku-4-5').maxOutputTokens} output tokens; lower it`,
    ]);
  });

  it('requires max_tokens on Anthropic models', () => {
    expect(params('claude-sonnet-4-6', {})).toEqual(['param-required max_tokens: claude-sonnet-4-6 requires max_tokens; add it to spec.model.params (e.g. max_tokens: 1024)']);
    expect(params('claude-sonnet-4-6', { max_tokens: 1024 })).toEqual([]);
  });

  it('refuses temperature with top_p where the model takes one of them only', () => {
    expect(params('claude-sonnet-4-5', { max_tokens: 1, temperature: 0.5, top_p: 0.9 })).toEqual([
      'param-refused top_p: claude-sonnet-4-5 accepts temperature or top_p, not both; remove one of them',
    ]);
    expect(params('claude-sonnet-4-5', { max_tokens: 1, top_p: 0.9 })).toEqual([]);
    expect(params('gpt-4.1', { temperature: 0.5, top_p: 0.9 })).toEqual([]);
  });

  it('checks ranges and allowed values', () => {
    expect(params('claude-haiku-4-5', { max_tokens: 1, temperature: 1.5 })).toEqual([
      'param-invalid temperature: temperature for claude-haiku-4-5 must be a number from 0 to 1',
    ]);
    expect(params('gpt-4.1', { temperature: 'warm' })).toEqual(['param-invalid temperature: temperature for gpt-4.1 must be a number from 0 to 2']);
    expect(params('gpt-4.1', { top_p: 2 })).toEqual(['param-invalid top_p: top_p must be a number from 0 to 1']);
    expect(params('gpt-5.1', { reasoning_effort: 'extreme' })).toEqual(['param-invalid reasoning_effort: reasoning_effort for gpt-5.1 must be one of none, low, medium, high']);
    expect(params('gpt-4.1', { reasoning_effort: 'low' })).toEqual([
      'param-refused reasoning_effort: gpt-4.1 is not a reasoning model and does not accept reasoning_effort; remove it',
    ]);
  });

  it('refuses the other parameters a model lists as refused, and leaves unknown ones alone', () => {
    expect(params('gpt-5.1', { presence_penalty: 0.1, seed: 4 })).toEqual(['param-refused presence_penalty: gpt-5.1 does not accept presence_penalty; remove it']);
    expect(params('claude-sonnet-5-5', { max_tokens: 1, top_k: 5, temperature: 0.2 })).toEqual([
      'param-refused temperature: claude-sonnet-5-5 does not accept temperature; remove it',
      'param-refused top_k: claude-sonnet-5-5 does not accept top_k; remove it',
    ]);
  });
});

describe('missingFacts', () => {
  it('lists what an override of an unknown model leaves out; sources may be left out', () => {
    expect(missingFacts({ provider: 'openai', contextWindow: 1000, params: { tokenLimit: 'max_tokens' } })).toEqual([
      'maxOutputTokens',
      'price',
      'params.maxTokensRequired',
      'params.temperature',
      'params.topP',
      'params.temperatureTopPExclusive',
      'checked',
    ]);
    expect(missingFacts({ ...facts(entry('gpt-4.1')), sources: undefined })).toEqual([]);
  });

  it('agrees with the catalog on which overrides are complete', () => {
    const partial = { provider: 'openai' as const, contextWindow: 1000 };
    const overridden = new Catalog({ 'acme-1': { ...facts(entry('gpt-4.1')), sources: undefined }, 'acme-2': partial });
    expect(overridden.incomplete).toEqual(['acme-2']);
    expect(missingFacts(partial).length).toBeGreaterThan(0);
  });
});

describe('catalog completeness', () => {
  it('knows every model it names as a successor', () => {
    const missing = catalog.entries().filter((e) => e.successor && !catalog.lookup(e.successor)).map((e) => `${e.id} → ${e.successor}`);
    expect(missing).toEqual([]);
  });

  it('every entry has valid facts and at least one source', () => {
    for (const e of catalog.entries()) expect(ModelFacts.safeParse(facts(e)).success, e.id).toBe(true);
  });

  it.each([
    ['claude-2.1', 'anthropic'],
    ['claude-2.0', 'anthropic'],
    ['claude-instant-1.2', 'anthropic'],
    ['claude-3-sonnet-20240229', 'anthropic'],
    ['claude-3-opus-20240229', 'anthropic'],
    ['gpt-4-32k', 'openai'],
    ['gpt-4-32k-0314', 'openai'],
    ['gpt-4-vision-preview', 'openai'],
    ['gpt-3.5-turbo-0613', 'openai'],
    ['gpt-3.5-turbo-16k-0613', 'openai'],
    ['gpt-3.5-turbo', 'openai'],
    ['gpt-4-0613', 'openai'],
    ['gpt-4-0125-preview', 'openai'],
  ] as const)('%s is retired (an error), not unknown', (id, type) => {
    const [issue] = checkModel(catalog.lookup(id), id, type, '2026-12-01');
    expect(issue).toMatchObject({ severity: 'error', rule: 'model-retired' });
  });
});

describe('deprecationNotices', () => {
  it('names each model retiring within 90 days once, with its date and successor; retired, later and current models are left out', () => {
    expect(deprecationNotices(catalog, ['claude-sonnet-4-5', 'claude-sonnet-4-5', 'gpt-4.1', 'claude-2.1', 'gpt-5.2', 'gpt-5.1'], '2026-11-22')).toEqual([
      'model "claude-sonnet-4-5" retires on 2026-11-30 (in 8 days); migrate to claude-sonnet-5-5',
      'model "gpt-4.1" retires on 2027-01-14 (in 53 days); migrate to gpt-6-luna',
    ]);
  });
});
