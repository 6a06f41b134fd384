import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { runCli } from './helpers/run-cli.js';

describe('cli', () => {
  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const run = await runCli(['--version'], process.cwd());
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('exits 2 on an unknown command or flag, with usage help and no stack trace', async () => {
    const run = await runCli(['frobnicate'], process.cwd());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'frobnicate'/);
    const flag = await runCli(['validate', '--bogus'], process.cwd());
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--bogus'/);
    expect(flag.stderr).not.toMatch(/\n\s+at /);
  });

  it('has --help on every command', async () => {
    for (const command of ['validate', 'plan', 'apply', 'pr', 'init']) {
      const run = await runCli([command, '--help'], process.cwd());
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Usage: modelshift ${command}`));
    }
  });
});
