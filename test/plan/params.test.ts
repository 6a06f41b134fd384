import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/index.js';
import { migrateParams } from '../../src/plan/params.js';

const catalog = new Catalog();

describe('migrateParams', () => {
  it('applies rename, then drop, then set, keeping the position of a renamed key', () => {
    const result = migrateParams(
      { temperature: 0.2, max_tokens: 800, top_p: 0.9 },
      { rule: { rename: { max_tokens: 'max_completion_tokens' }, drop: ['temperature', 'top_p'], set: { reasoning_effort: 'low' } }, fromType: 'openai', toType: 'openai', destination: catalog.lookup('gpt-5.1') },
    );
    expect(result.params).toEqual({ max_completion_tokens: 800, reasoning_effort: 'low' });
    expect(Object.keys(result.params)).toEqual(['max_completion_tokens', 'reasoning_effort']);
    expect(result.warnings).toEqual([]);
  });

  it('repairs what a reasoning destination refuses and says so', () => {
    const result = migrateParams({ temperature: 0.2, max_tokens: 800 }, { rule: undefined, fromType: 'openai', toType: 'openai', destination: catalog.lookup('gpt-5.1') });
    expect(result.params).toEqual({ max_completion_tokens: 800 });
    expect(result.warnings.join('\n')).toMatch(/max_tokens → max_completion_tokens/);
    expect(result.warnings.join('\n')).toMatch(/dropped temperature/);
  });

  it('maps openai → anthropic names, drops what cannot be carried, and adds a required max_tokens', () => {
    const result = migrateParams(
      { temperature: 0.4, presence_penalty: 0.2, stop: 'END', reasoning_effort: 'low' },
      { rule: undefined, fromType: 'openai', toType: 'anthropic', destination: catalog.lookup('claude-haiku-4-5') },
    );
    expect(result.params).toEqual({ temperature: 0.4, stop_sequences: ['END'], max_tokens: 4096 });
    const text = result.warnings.join('\n');
    expect(text).toMatch(/presence_penalty cannot be carried/);
    expect(text).toMatch(/reasoning_effort cannot be carried/);
    expect(text).toMatch(/requires max_tokens; set it to 4096/);
  });

  it('clamps an OpenAI temperature above Anthropic\'s range', () => {
    const result = migrateParams({ temperature: 1.5, max_tokens: 500 }, { rule: undefined, fromType: 'openai', toType: 'anthropic', destination: catalog.lookup('claude-haiku-4-5') });
    expect(result.params.temperature).toBe(1);
    expect(result.warnings.join('\n')).toMatch(/outside claude-haiku-4-5's range 0–1; set to 1/);
  });

  it('drops top_p when the destination refuses temperature and top_p together', () => {
    const result = migrateParams({ temperature: 0.3, top_p: 0.9, max_tokens: 600 }, { rule: undefined, fromType: 'openai', toType: 'anthropic', destination: catalog.lookup('claude-haiku-4-5') });
    expect(result.params).toEqual({ temperature: 0.3, max_tokens: 600 });
  });

  it('maps anthropic → openai stop_sequences and drops top_k', () => {
    const result = migrateParams({ max_tokens: 700, top_k: 40, stop_sequences: ['x'] }, { rule: undefined, fromType: 'anthropic', toType: 'openai', destination: catalog.lookup('gpt-4.1') });
    expect(result.params).toEqual({ max_tokens: 700, stop: ['x'] });
    expect(result.warnings.join('\n')).toMatch(/top_k cannot be carried/);
  });

  it('leaves params alone without a catalog entry but still applies the rule', () => {
    const result = migrateParams({ temperature: 0.1 }, { rule: { set: { seed: 7 } }, fromType: 'openai-compatible', toType: 'openai-compatible' });
    expect(result).toEqual({ params: { temperature: 0.1, seed: 7 }, warnings: [] });
  });

  it('warns when a rename replaces a key the agent already had', () => {
    const result = migrateParams({ max_tokens: 10, max_completion_tokens: 20 }, { rule: { rename: { max_tokens: 'max_completion_tokens' } }, fromType: 'openai', toType: 'openai' });
    expect(result.params).toEqual({ max_completion_tokens: 10 });
    expect(result.warnings).toEqual(['params: renaming max_tokens → max_completion_tokens replaced the max_completion_tokens the agent already had (20 → 10)']);
  });
});
