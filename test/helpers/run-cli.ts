import { main } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process as a user would from `cwd`, with only the given environment. */
export async function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}, now = new Date('2026-11-22T12:00:00Z')): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
    env,
    cwd,
    now,
  });
  return { code, stdout, stderr };
}
