import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/index.js';
import { IdMatcher, idsInProse } from '../../src/scan/ids.js';

const ids = new IdMatcher(new Catalog(), ['acme-large']);

describe('IdMatcher.parse', () => {
  it.each([
    ['gpt-4o', 'gpt-4o', undefined],
    ['gpt-4o-2024-08-06', 'gpt-4o-2024-08-06', undefined],
    ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet-20241022', undefined],
    ['openai/gpt-4o', 'gpt-4o', 'openai'],
    ['anthropic/claude-sonnet-4-6', 'claude-sonnet-4-6', 'anthropic'],
    ['openai:chat:gpt-4.1', 'gpt-4.1', 'openai'],
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-3-5-sonnet-20240620', 'bedrock'],
    ['bedrock/us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'claude-3-7-sonnet-20250219', 'bedrock'],
    ['acme-large', 'acme-large', undefined],
  ])('reads %s as %s', (token, model, provider) => {
    const id = ids.parse(token, false);
    expect(id?.model).toBe(model);
    expect(id?.prefixProvider).toBe(provider);
    expect(token.slice(id!.offset, id!.offset + model.length)).toBe(model);
  });

  it.each(['gpt4o_cost', 'my-gpt-4o-proxy', 'https://x.dev/models/gpt-4o', 'models/gpt-4o', '4.1', 'v4.1.0', 'GPT-4o', 'gpt-4o.json', 'acme-large-v2', 'gpt-{name}'])(
    'does not read %s as a model id',
    (token) => expect(ids.parse(token, true)).toBeUndefined(),
  );

  it('counts ids of a provider shape the catalog lacks only where a model is expected', () => {
    expect(ids.parse('gpt-7-preview', false)).toBeUndefined();
    expect(ids.parse('gpt-7-preview', true)?.model).toBe('gpt-7-preview');
    expect(ids.parse('claude-opus-9', true)?.model).toBe('claude-opus-9');
    expect(ids.provider(ids.parse('claude-opus-9', true)!)).toBe('anthropic');
  });

  it('trusts a bare o1/o3 only where a model is expected', () => {
    expect(ids.parse('o3', false)).toBeUndefined();
    expect(ids.parse('o3', true)?.model).toBe('o3');
    expect(ids.parse('o3-mini', false)?.model).toBe('o3-mini');
  });
});

describe('idsInProse', () => {
  it('finds known ids in sentences, not in URLs, paths or longer words', () => {
    const text = 'Use gpt-4o. Or gpt-4o-mini, see https://x.dev/gpt-4.1 and docs/gpt-4.1; not gpt4o_cost nor my-gpt-4o-proxy (claude-sonnet-4-5).';
    expect(idsInProse(text, 0, text.length, ids).map((f) => f.id.model)).toEqual(['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4-5']);
  });
});
