import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Catalog } from '../src/catalog/index.js';

const root = path.resolve(import.meta.dirname, '..');
const readme = await readFile(path.join(root, 'README.md'), 'utf8');
const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six'];

describe('README truths', () => {
  it('counts the Action modes action.yml offers', async () => {
    const action = parse(await readFile(path.join(root, 'action.yml'), 'utf8')) as { inputs: { mode: { description: string } } };
    const modes = [...action.inputs.mode.description.matchAll(/\b(check|migrate|sync|watch)\b(?= \(on)/g)].length;
    expect(readme).toContain(`It has ${words[modes]} modes:`);
    for (const mode of ['check', 'migrate', 'sync', 'watch']) expect(readme).toContain(`- **\`mode: ${mode}\`**`);
  });

  it('counts the catalog models', () => {
    const entries = new Catalog().entries();
    const openai = entries.filter((e) => e.provider === 'openai').length;
    expect(readme).toContain(`holds facts for ${entries.length} OpenAI and Anthropic chat models\n(${openai} and ${entries.length - openai})`);
  });

  it('says how to run before the package is published, and pins no dependency that needs Node 22', async () => {
    expect(readme).toContain('npx --yes ~/modelshift init');
    const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
    const needs22 = Object.entries(lock.packages).filter(([, p]) => /^>=\s*2[2-9]/.test(p.engines?.node ?? '')).map(([name]) => name);
    expect(needs22).toEqual([]);
  });
});
