import { describe, expect, it } from 'vitest';
import { readFileSummary } from '../../src/history/read-file.js';

describe('readFileSummary', () => {
  const agent = (model: string) => `apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: a }\nspec:\n  model: { provider: openai, name: ${model} }\n  instructions: hi\n`;

  it('reads agents and migrations, from every document of a file', () => {
    const text = `${agent('gpt-4.1')}---\napiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: m }\nspec:\n  to: { provider: openai, model: gpt-5.1 }\n`;
    expect(readFileSummary(text)).toEqual({
      valid: true,
      agents: [{ name: 'a', provider: 'openai', model: 'gpt-4.1' }],
      migrations: [{ name: 'm', to: { provider: 'openai', model: 'gpt-5.1' } }],
    });
  });

  it('gives the same answer through the fast reader and the full parser', () => {
    const anchored = 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: a }\nspec:\n  model: &m { provider: openai, name: gpt-4.1 }\n';
    expect(readFileSummary(anchored)).toEqual(readFileSummary(agent('gpt-4.1')));
  });

  it('ignores YAML that is not ours, and files of other kinds', () => {
    expect(readFileSummary('on: push\njobs: {}\n')).toEqual({ valid: true, agents: [], migrations: [] });
    expect(readFileSummary('apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\n')).toEqual({ valid: true, agents: [], migrations: [] });
    expect(readFileSummary('# modelshift.dev/v1 in a comment\napiVersion: apps/v1\nkind: Agent\n')).toEqual({ valid: true, agents: [], migrations: [] });
  });

  it('marks a version invalid when it does not parse or an agent has no readable model', () => {
    expect(readFileSummary('apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: a\n')).toEqual({ valid: false });
    expect(readFileSummary(agent('4'))).toEqual({ valid: false });
    expect(readFileSummary('apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: a }\nspec: {}\n')).toEqual({ valid: false });
  });
});
