import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { exampleFiles } from '../helpers/examples.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const exec = promisify(execFile);

export const ACTION_ENTRY = fileURLToPath(new URL('../../action/dist/index.js', import.meta.url));

/**
 * The examples workspace with the catalog's retirement dates pinned far
 * ahead: the examples' models retire within months, and a check must not
 * turn red on the day one of them does.
 */
export async function pinnedExamples(): Promise<Record<string, string>> {
  const files = await exampleFiles();
  const pinned = ['gpt-4.1', 'gpt-4o', 'claude-sonnet-4-5'].map((id) => `      ${id}: { retires: 2099-12-31 }`).join('\n');
  files['modelshift.yaml'] = `${files['modelshift.yaml']!.trimEnd()}\n  catalog:\n    models:\n${pinned}\n`;
  return files;
}

export interface PullRequestFixture {
  repo: TestRepo;
  base: string;
  head: string;
}

/** A repository whose `main` holds `baseFiles` and whose `feature` branch adds one commit of `changes`. */
export async function pullRequestRepo(baseFiles: Record<string, string>, changes: Record<string, string | null>): Promise<PullRequestFixture> {
  const repo = await createTestRepo(baseFiles);
  const base = (await repo.git(['rev-parse', 'HEAD'])).trim();
  await repo.git(['checkout', '--quiet', '-b', 'feature']);
  const head = await repo.commit(changes, 'change agents');
  return { repo, base, head };
}

export interface EventOptions {
  number?: number;
  base: string;
  head: string;
  updatedAt?: string;
  /** The head branch lives in another repository. */
  fork?: boolean;
}

/** A `pull_request` payload shaped like GitHub's (the fields the check reads, and their neighbours). */
export function pullRequestPayload(opts: EventOptions): unknown {
  const repo = { full_name: 'acme/agents', name: 'agents', owner: { login: 'acme' }, fork: false };
  const headRepo = opts.fork ? { full_name: 'mallory/agents', name: 'agents', owner: { login: 'mallory' }, fork: true } : repo;
  return {
    action: 'synchronize',
    number: opts.number ?? 1,
    pull_request: {
      number: opts.number ?? 1,
      state: 'open',
      updated_at: opts.updatedAt ?? '2026-11-22T10:00:00Z',
      user: { login: opts.fork ? 'mallory' : 'alice', type: 'User' },
      base: { ref: 'main', sha: opts.base, repo },
      head: { ref: 'feature', sha: opts.head, repo: headRepo },
    },
    repository: repo,
    sender: { login: 'alice' },
  };
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunOptions {
  /** Inputs by their action.yml name; the runner's env names keep hyphens (`INPUT_GITHUB-TOKEN`). */
  inputs: Record<string, string>;
  workspace: string;
  eventName: string;
  payload?: unknown;
  env?: Record<string, string>;
}

/** Runs the bundled Action with `node`, as the runner does, and reads back what it wrote. */
export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const temp = await mkdtemp(path.join(tmpdir(), 'modelshift-runner-'));
  try {
    const files = { event: path.join(temp, 'event.json'), output: path.join(temp, 'output'), summary: path.join(temp, 'summary.md') };
    await writeFile(files.event, JSON.stringify(opts.payload ?? {}));
    await writeFile(files.output, '');
    await writeFile(files.summary, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? temp,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: opts.eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_WORKSPACE: opts.workspace,
      GITHUB_REPOSITORY: 'acme/agents',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_REF_NAME: 'main',
      RUNNER_TEMP: temp,
      ...Object.fromEntries(Object.entries(opts.inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])),
      ...opts.env,
    };
    const result = await exec(process.execPath, [ACTION_ENTRY], { env, cwd: opts.workspace, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
    );
    return { ...result, outputs: parseOutputs(await readFile(files.output, 'utf8')), summary: await readFile(files.summary, 'utf8') };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** `name<<delimiter\nvalue\ndelimiter` blocks, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** `::error file=…,line=…,col=…,title=…::message` lines the runner turns into annotations. */
export function annotations(stdout: string, level: 'error' | 'warning' | 'notice'): { props: Record<string, string>; message: string }[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${level} `) || line.startsWith(`::${level}::`))
    .map((line) => {
      const [, props = '', message = ''] = /^::\w+ ?([^:]*)::(.*)$/.exec(line) ?? [];
      return { props: Object.fromEntries(props.split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string])), message };
    });
}

export const RULE_FILE = 'migrations/2027-01-gpt-4.1-to-gpt-5.1.yaml';

/**
 * A pull request as `modelshift pr` makes it: `main` without the rule, the
 * branch adds the rule and applies it (through the CLI's own `apply`).
 */
export async function migrationPr(files: Record<string, string>): Promise<PullRequestFixture> {
  const { [RULE_FILE]: rule, ...rest } = files;
  const repo = await createTestRepo(rest);
  const base = (await repo.git(['rev-parse', 'HEAD'])).trim();
  await repo.git(['checkout', '--quiet', '-b', 'feature']);
  await writeFile(path.join(repo.dir, RULE_FILE), rule!);
  const applied = await runCli(['apply', 'gpt-4.1-to-gpt-5.1'], repo.dir);
  if (applied.code !== 0) throw new Error(`apply failed: ${applied.stderr}`);
  // No paths: `git add --all` takes in everything apply wrote.
  const head = await repo.commit({}, 'migrate support agents to gpt-5.1');
  return { repo, base, head };
}
