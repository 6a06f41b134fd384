import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDERS, agentYaml } from '../helpers/workspace.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

async function write(files: Record<string, string>): Promise<void> {
  dir = await mkdtemp(path.join(tmpdir(), 'modelshift-arg-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

const migration = (name: string, to: string, agent: string) =>
  `apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: ${name} }\nspec:\n  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: ${to} }\n  select: { names: [${agent}] }\n`;

/** Every file under the folder with its text, to show a command wrote nothing. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[path.relative(root, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

const COMMANDS = ['plan', 'apply', 'pr', 'eval', 'promote', 'rollback', 'repair', 'analyze'];

describe('a command that takes a migration, run without one', () => {
  it('lists the workspace\'s migrations with their files and says how to run it (exit 2, nothing written)', async () => {
    await write({
      ...PROVIDERS,
      'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 10 }'),
      'agents/b.yaml': agentYaml('b', 'gpt-4.1', '{ max_tokens: 10 }'),
      'migrations/to-5-1.yaml': migration('to-5-1', 'gpt-5.1', 'a'),
      // Two rules in one file, one of them to a retired model: planning either is refused until that is fixed.
      'migrations/minis.yaml': `${migration('to-mini', 'gpt-5.2', 'b')}---\n${migration('to-nano', 'gpt-4.1-nano', 'b')}`,
      // A rule that fails its schema is no migration a command can run, but the user may be looking for it.
      'migrations/broken.yaml': migration('broken', 'gpt-5.1', 'a').replace('from:', 'form:'),
    });
    const before = await snapshot(dir);
    for (const command of COMMANDS) {
      const run = await runCli([command], dir);
      expect(run.code, command).toBe(2);
      expect(run.stdout, command).toBe('');
      expect(run.stderr, command).not.toContain('missing required argument');
      const hint = command === 'eval' ? 'hint: modelshift eval to-5-1, or compare two refs: modelshift eval --base REF [--head REF]\n' : `hint: modelshift ${command} to-5-1\n`;
      expect(run.stderr, command).toBe(
        `error: ${command} needs a migration: its name or the path of its file. The workspace has 3 migrations:\n` +
          '  to-5-1     migrations/to-5-1.yaml\n' +
          '  to-mini    migrations/minis.yaml  (the file has errors: modelshift validate shows them)\n' +
          '  to-nano    migrations/minis.yaml  (the file has errors: modelshift validate shows them)\n' +
          '  (invalid)  migrations/broken.yaml  (the file has errors: modelshift validate shows them)\n' +
          hint,
      );
    }
    expect(await snapshot(dir)).toEqual(before);
  });

  it('says how to write one when the workspace has none', async () => {
    await write({ ...PROVIDERS, 'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 10 }') });
    const run = await runCli(['plan'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: plan needs a migration, and the workspace ${dir} has none\n` +
        'hint: write one under migrations/ (kind: Migration with spec.from and spec.to; see "Migration" in the README), or let modelshift watch --dry-run draft one for each model in use that retires soon\n',
    );
  });

  it('still shows <migration> as required in --help', async () => {
    await write(PROVIDERS);
    for (const command of COMMANDS.filter((c) => c !== 'eval')) {
      const help = await runCli([command, '--help'], dir);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: modelshift ${command} [options] <migration>\n`);
    }
  });
});

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
