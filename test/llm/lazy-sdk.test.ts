import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const hook = fileURLToPath(new URL('../helpers/resolve-log.mjs', import.meta.url));

/** The packages a fresh process resolves while it runs `script` (an ES module body). */
function packagesLoaded(script: string): { before: Set<string>; after: Set<string>; stdout: string } {
  if (!existsSync(`${repo}dist/src/llm/index.js`)) throw new Error('dist/ is missing: run `npm run build` before this test');
  const run = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' });
  const [head = '', tail = ''] = run.stderr.split('MARK\n');
  const names = (text: string) => new Set([...text.matchAll(/^resolved (.+)$/gm)].map((m) => m[1]!));
  return { before: names(head), after: names(tail), stdout: run.stdout };
}

describe('provider SDKs load on a client\'s first call', () => {
  it('an OpenAI client loads neither SDK when made, and only openai when called', () => {
    const { before, after, stdout } = packagesLoaded(`
      const { createClient } = await import('./dist/src/llm/index.js');
      const client = createClient({ metadata: { name: 'o' }, spec: { type: 'openai', baseURL: 'http://127.0.0.1:9/v1' } }, { apiKey: 'k' }, { timeoutMs: 200, maxRetries: 0 });
      process._rawDebug('MARK');
      await client.complete({ model: 'm', params: {}, messages: [{ role: 'user', content: 'x' }] }).catch((e) => console.log(e.name, e.kind));
    `);
    expect(before.has('openai') || before.has('@anthropic-ai/sdk')).toBe(false);
    expect(after.has('openai')).toBe(true);
    expect(after.has('@anthropic-ai/sdk')).toBe(false);
    // Port 9 refuses the connection: an outside-world error, not a model answer.
    expect(stdout).toMatch(/^LlmError /);
  });

  it('a missing key is still refused when the client is made', () => {
    const { stdout } = packagesLoaded(`
      const { createClient } = await import('./dist/src/llm/index.js');
      try { createClient({ metadata: { name: 'a' }, spec: { type: 'anthropic', apiKeyEnv: 'K' } }, {}, { timeoutMs: 200, maxRetries: 0 }); } catch (e) { console.log(e.name, e.kind); }
    `);
    expect(stdout).toBe('LlmError auth\n');
  });
});
