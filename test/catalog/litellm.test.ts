import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLitellmCostMap } from '../../src/catalog/litellm.js';
import { Catalog } from '../../src/catalog/index.js';

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/litellm/model_prices_and_context_window.json', import.meta.url), 'utf8')) as unknown;
const source = { label: 'vendor/model_prices_and_context_window.json', read: '2026-12-01', facts: parseLitellmCostMap(FIXTURE) };

describe('LiteLLM model cost map', () => {
  it('reads chat models of OpenAI and Anthropic only, with prices per million tokens and the deprecation date', () => {
    expect(source.facts.map((f) => f.id).sort()).toEqual(['claude-fixture-2-0', 'gpt-4.1', 'gpt-4.2-fixture-preview', 'gpt-4o', 'gpt-5.2', 'o9-fixture']);
    expect(source.facts.find((f) => f.id === 'gpt-5.2')).toEqual({
      id: 'gpt-5.2', provider: 'openai', contextWindow: 400_000, maxOutputTokens: 128_000,
      price: { inputPerMTok: 1.75, outputPerMTok: 14 }, retires: '2027-06-30', reasoning: true,
    });
    // Wrong types in public data are dropped field by field, not trusted.
    expect(source.facts.find((f) => f.id === 'claude-fixture-2-0')).toEqual({ id: 'claude-fixture-2-0', provider: 'anthropic', contextWindow: 100_000, maxOutputTokens: 4096 });
  });

  it('refuses a file that is not an object of model ids', () => {
    expect(() => parseLitellmCostMap([1, 2])).toThrow(/not a JSON object/);
  });

  it('fills what the built-in catalog lacks, keeps the built-in value where they disagree, and says where each fact came from', () => {
    const catalog = new Catalog({}, [source]);
    const gpt52 = catalog.lookup('gpt-5.2')!;
    expect(gpt52.retires).toBe('2027-06-30');
    expect(catalog.origin(gpt52, 'retires')).toBe(source.label);
    expect(catalog.origin(gpt52, 'price')).toBe('built-in');

    const gpt4o = catalog.lookup('gpt-4o')!;
    expect(gpt4o.retires).toBe(new Catalog().lookup('gpt-4o')!.retires);
    expect(catalog.disagreements).toEqual([{ model: 'gpt-4o', fact: 'retires', catalog: gpt4o.retires, source: '2027-02-14', label: source.label }]);

    const unknown = catalog.lookup('gpt-4.2-fixture-preview')!;
    expect(unknown).toMatchObject({ provider: 'openai', retires: '2026-12-20', price: { inputPerMTok: 3, outputPerMTok: 12 }, sources: [source.label] });
    expect(catalog.origin(unknown, 'retires')).toBe(source.label);
    expect(catalog.origin(unknown, 'params')).toBe(`${source.label} (inferred)`);
    expect(catalog.lookup('o9-fixture')!.params.temperature).toBe(false);
    // Without prices a list cannot make an entry the cost checks could use.
    expect(catalog.lookup('claude-fixture-2-0')).toBeUndefined();
  });

  it('lets the workspace override win over both', () => {
    const catalog = new Catalog({ 'gpt-5.2': { retires: '2027-09-01' } }, [source]);
    const entry = catalog.lookup('gpt-5.2')!;
    expect(entry.retires).toBe('2027-09-01');
    expect(catalog.origin(entry, 'retires')).toBe('modelshift.yaml');
  });
});
