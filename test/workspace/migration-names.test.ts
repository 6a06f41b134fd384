import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../src/workspace/load.js';
import { parseFile } from '../../src/workspace/parse-file.js';

const rule = (name: string) => `apiVersion: modelshift.dev/v1
kind: Migration
metadata:
  name: ${name}
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
`;
const PROVIDER = 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai }\n';

function findings(name: string) {
  const files = { 'providers/openai.yaml': PROVIDER, 'migrations/m.yaml': rule(name) };
  const parsed = Object.entries(files).map(([file, text]) => parseFile(file, new TextEncoder().encode(text)));
  return buildWorkspace('/workspace', parsed, [], { today: '2026-11-22' }).findings.filter((f) => f.rule === 'migration-name');
}

/** What git itself says about every branch modelshift makes from the name. */
function gitAccepts(name: string): boolean {
  return [`modelshift/${name}`, `modelshift/${name}-promote-50`, `modelshift/${name}-rollback`].every((branch) => {
    try {
      execFileSync('git', ['check-ref-format', '--branch', branch], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}

describe('migration names', () => {
  it('are refused exactly when git refuses a branch made from them', () => {
    const names = ['gpt-4.1-to-gpt-5.1', 'a..b', 'x.lock', 'x.lock.y', 'x-lock', 'a.b.c', 'a_b', '1', 'a--b', 'a.-b', 'a-.b', 'x.loc', 'lock', 'a...b', 'v1..2.lock'];
    for (const name of names) {
      const found = findings(name);
      expect({ name, refused: found.length > 0 }).toEqual({ name, refused: !gitAccepts(name) });
    }
    expect(findings('a..b')[0]).toMatchObject({ file: 'migrations/m.yaml', line: 4, column: 9, severity: 'error' });
    expect(findings('x.lock')[0]?.message).toBe('migration name "x.lock" cannot be a git branch name: git refuses a ref ending in ".lock" (git check-ref-format); drop or change the suffix');
  });

  it('fit in a GitHub label', () => {
    expect(findings('a'.repeat(50))).toEqual([]);
    expect(findings('a'.repeat(51)).map((f) => f.message)).toEqual([`migration name "${'a'.repeat(51)}" is 51 characters; GitHub labels hold at most 50, so shorten it`]);
  });
});
