import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Parses one EvalSuite in a fresh process (the built dist/) and runs its case's
 * check; prints whether ajv was loaded before and after, and what the parse and check said.
 */
function run(assertion: string): { before: boolean; after: boolean; issues: string[]; pass: boolean } {
  if (!existsSync(`${repo}dist/src/schema/eval-suite.js`)) throw new Error('dist/ is missing: run `npm run build` before this test');
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const ajvLoaded = () => Object.keys(require.cache).some((f) => f.includes('/node_modules/ajv/'));
    const { EvalSuite } = await import('./dist/src/schema/eval-suite.js');
    const { checkAssertions } = await import('./dist/src/eval/assertions.js');
    const before = ajvLoaded();
    const suite = { apiVersion: 'modelshift.dev/v1', kind: 'EvalSuite', metadata: { name: 's' }, spec: { cases: [{ name: 'c', input: 'x', assert: [${assertion}] }] } };
    const parsed = EvalSuite.safeParse(suite);
    const issues = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    const results = parsed.success ? await checkAssertions(parsed.data.spec.cases[0].assert, { text: '{"a": 1}', toolCalls: [], usage: { inputTokens: 0, outputTokens: 0 }, latencyMs: 1, finishReason: 'stop' }, { judge: async () => { throw new Error('no judge'); } }) : [];
    console.log(JSON.stringify({ before, after: ajvLoaded(), issues, pass: results.every((r) => r.pass) }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { before: boolean; after: boolean; issues: string[]; pass: boolean };
}

describe('ajv loads only when a check has a JSON Schema', () => {
  it('a suite without a schema never loads it', () => {
    expect(run(`{ type: 'is-json' }, { type: 'contains', value: 'a' }`)).toEqual({ before: false, after: false, issues: [], pass: true });
  });

  it('a schema loads it, is checked when the suite is parsed, and is applied to the reply', () => {
    expect(run(`{ type: 'is-json', schema: { type: 'object', required: ['a'] } }`)).toEqual({ before: false, after: true, issues: [], pass: true });
    expect(run(`{ type: 'is-json', schema: { type: 'object', required: ['b'] } }`)).toMatchObject({ after: true, pass: false });
    expect(run(`{ type: 'is-json', schema: { type: 'no-such-type' } }`).issues[0]).toMatch(/not a valid JSON Schema/);
  });
});
