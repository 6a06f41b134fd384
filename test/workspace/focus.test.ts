import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesToPlan, longestLiteral } from '../../src/workspace/focus.js';

let root: string;
const agent = (name: string, model: string) => `apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: ${name} }\nspec:\n  model: { provider: openai, name: "${model}" }\n  instructions: hi\n`;
const FILES: Record<string, string> = {
  'migrations/m.yaml': 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: to-5 }\nspec:\n  from: { provider: openai, model: "gpt-4o*" }\n  to: { provider: openai, model: gpt-5.1 }\n',
  'providers/openai.yaml': 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai }\n',
  'agents/a.yaml': agent('a', 'gpt-4o-mini'),
  'agents/b.yaml': agent('b', 'gpt-5.1'),
  'agents/mixed.yaml': `${agent('c', 'gpt-5.1')}---\napiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: p }\nspec: { type: anthropic }\n`,
  'agents/broken.yaml': 'kind: Agent\nspec: [',
};

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'modelshift-focus-'));
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('filesToPlan', () => {
  it('keeps every file that is not purely agents, and the agents that name the source model', () => {
    const files = Object.keys(FILES);
    expect(filesToPlan(root, files, 'to-5', root)).toMatchObject({ support: ['migrations/m.yaml', 'providers/openai.yaml', 'agents/mixed.yaml'], candidates: ['agents/a.yaml'], candidateTexts: [FILES['agents/a.yaml']] });
    expect(filesToPlan(root, files, 'migrations/m.yaml', root)).toEqual(filesToPlan(root, files, 'to-5', root));
  });

  it('keeps everything when the migration is not found', () => {
    expect(filesToPlan(root, Object.keys(FILES), 'nope', root)).toEqual({ support: Object.keys(FILES), candidates: [], candidateTexts: [] });
  });

  it('takes the longest literal run of a glob', () => {
    expect(longestLiteral('gpt-4o*')).toBe('gpt-4o');
    expect(longestLiteral('claude-*-4-5-[0-9]*')).toBe('claude-');
    expect(longestLiteral('gpt-4.1')).toBe('gpt-4.1');
  });
});

describe('filesToPlan with an exact model name', () => {
  it('does not take a longer model name for the source model', async () => {
    await writeFile(path.join(root, 'migrations/m.yaml'), FILES['migrations/m.yaml']!.replace('"gpt-4o*"', 'gpt-4o'));
    await writeFile(path.join(root, 'agents/exact.yaml'), agent('d', 'gpt-4o'));
    const kept = filesToPlan(root, [...Object.keys(FILES), 'agents/exact.yaml'], 'to-5', root);
    expect(kept).toMatchObject({ support: ['migrations/m.yaml', 'providers/openai.yaml', 'agents/mixed.yaml'], candidates: ['agents/exact.yaml'] });
  });
});
