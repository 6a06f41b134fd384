import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDERS, agentYaml } from '../helpers/workspace.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('naming a migration whose file is invalid', () => {
  it('reports the file problem by name as by path, not "no migration named"', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'modelshift-arg-'));
    const files = {
      ...PROVIDERS,
      'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 10 }'),
      'migrations/m.yaml': 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: to-5-1 }\nspec:\n  form: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n',
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    const byName = await runCli(['plan', 'to-5-1'], dir);
    const byPath = await runCli(['plan', 'migrations/m.yaml'], dir);
    expect(byName.code).toBe(1);
    expect(byPath.code).toBe(1);
    expect(byName.stderr).toMatch(/^migrations\/m\.yaml:\d+:\d+: error: migration to-5-1 is invalid: /);
    expect(byName.stderr).not.toContain('no migration named');
  });
});
