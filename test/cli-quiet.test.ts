import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptSignal } from '../src/cli.js';

const repo = path.resolve(import.meta.dirname, '..');

describe('quiet output', () => {
  it('the Ctrl-C signal takes a listener per in-flight request without MaxListenersExceededWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const signal = interruptSignal();
      for (let i = 0; i < 64; i++) signal.addEventListener('abort', () => undefined);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      process.removeAllListeners('SIGINT');
    }
  });

  it('`plan … | head -1` exits quietly when the reader closes the pipe', () => {
    if (!existsSync(path.join(repo, 'dist/src/cli.js'))) throw new Error('run npm run build first');
    // A plan far larger than a pipe's buffer, so stdout is still being written when head exits.
    const root = mkdtempSync(path.join(tmpdir(), 'modelshift-epipe-'));
    try {
      mkdirSync(path.join(root, 'agents'));
      mkdirSync(path.join(root, 'providers'));
      mkdirSync(path.join(root, 'migrations'));
      writeFileSync(path.join(root, 'providers/openai.yaml'), 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, apiKeyEnv: OPENAI_API_KEY }\n');
      writeFileSync(path.join(root, 'migrations/m.yaml'), 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: m }\nspec:\n  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n  params: { rename: { max_tokens: max_completion_tokens } }\n');
      for (let i = 0; i < 400; i++) {
        writeFileSync(path.join(root, `agents/a${i}.yaml`), `apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: agent-${i} }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 100 } }\n  instructions: Help with case ${i}.\n`);
      }
      const run = spawnSync('sh', ['-c', `node ${path.join(repo, 'bin/modelshift.js')} -C ${root} --format json plan m | head -c 1 >/dev/null`], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
