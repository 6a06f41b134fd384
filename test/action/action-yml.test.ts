import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../../action/inputs.js';
import { OUTPUT_NAMES } from '../../action/mode.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

describe('action.yml', async () => {
  const action = parse(await readFile(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

  it('declares exactly the inputs main.ts reads, and their defaults parse', () => {
    const read: string[] = [];
    const defaults = parseInputs((name) => {
      read.push(name);
      return action.inputs[name]?.default ?? '';
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
    expect(defaults).toMatchObject({ mode: 'check', workingDirectory: '.', evalMode: 'auto', failOn: 'gate', comment: true });
  });

  it('declares exactly the outputs main.ts sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it('runs the committed bundle on node24', async () => {
    expect(action.runs.using).toBe('node24');
    await access(path.join(ROOT, action.runs.main));
  });
});
