import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/examples.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const hook = fileURLToPath(new URL('../helpers/resolve-log.mjs', import.meta.url));

/** The packages the built CLI resolves while it runs `args` on examples/. */
function packagesLoaded(args: string[]): Set<string> {
  if (!existsSync(`${repo}dist/src/cli.js`)) throw new Error('dist/ is missing: run `npm run build` before this test');
  const run = spawnSync(process.execPath, ['--import', hook, `${repo}bin/modelshift.js`, ...args, '-C', EXAMPLES_DIR, '--format', 'json'], { encoding: 'utf8' });
  expect([0, 1]).toContain(run.status);
  return new Set([...run.stderr.matchAll(/^resolved (.+)$/gm)].map((m) => m[1]!));
}

describe('the planner (editor, diff) loads only for a command that plans', () => {
  it('validate never loads the diff package', () => {
    const loaded = packagesLoaded(['validate']);
    expect(loaded.has('yaml')).toBe(true);
    expect(loaded.has('diff')).toBe(false);
  });

  it('plan does', () => {
    expect(packagesLoaded(['plan', 'gpt-4.1-to-gpt-5.1']).has('diff')).toBe(true);
  });
});
