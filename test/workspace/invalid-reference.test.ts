import { describe, expect, it } from 'vitest';
import { agentYaml, workspaceFrom } from '../helpers/workspace.js';

describe('a reference to a document that failed its schema', () => {
  it('names the invalid file instead of saying the provider is not defined', () => {
    const ws = workspaceFrom({
      'providers/openai.yaml': 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, colour: blue }\n',
      'agents/a.yaml': agentYaml('support-a', 'gpt-4.1', '{ max_tokens: 100 }'),
    });
    const messages = ws.findings.map((f) => `${f.file}:${f.rule}: ${f.message}`);
    expect(messages).toContain('agents/a.yaml:provider-exists: provider "openai" is defined in providers/openai.yaml, but that file is invalid; fix its errors first');
    expect(messages.some((m) => m.startsWith('providers/openai.yaml:schema: unknown key "colour"'))).toBe(true);
  });
});
