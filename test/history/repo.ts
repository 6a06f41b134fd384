import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CommandContext } from '../../src/commands/context.js';

/** git that ignores the machine's config, so a developer's settings cannot change a test. */
export const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' };

export interface Who {
  /** `Name <email>`-less display name; the email is derived from it. */
  author?: string;
  /** ISO time; otherwise the repository clock, one hour after the previous commit. */
  date?: string;
}

/**
 * A real repository in a temp folder, with a clock: every commit, merge or
 * rebase gets the next hour (from 2026-01-01T10:00Z) as author and committer
 * date unless told otherwise, so date filters are testable.
 */
export class TestRepo {
  private clock = Date.parse('2026-01-01T10:00:00Z');

  private constructor(readonly dir: string) {}

  static create(): TestRepo {
    const repo = new TestRepo(mkdtempSync(join(tmpdir(), 'modelshift-history-')));
    repo.git(['init', '-q', '-b', 'main']);
    return repo;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  write(path: string, text: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
  }

  delete(path: string): void {
    rmSync(join(this.dir, path));
  }

  /** `git mv`, creating the destination folder first. */
  move(from: string, to: string): void {
    mkdirSync(dirname(join(this.dir, to)), { recursive: true });
    this.git(['mv', from, to]);
  }

  /** Stages everything and commits; returns the new commit id. */
  commit(message: string, who: Who = {}): string {
    this.git(['add', '-A']);
    this.git(['commit', '-q', '--allow-empty', '-m', message], who);
    return this.head();
  }

  /** A real merge commit (`--no-ff`) of `branch` into the current branch. */
  merge(branch: string, message: string, who: Who = {}): string {
    this.git(['merge', '-q', '--no-ff', '-m', message, branch], who);
    return this.head();
  }

  /** GitHub's "squash and merge": one commit on the current branch with the branch's changes. */
  squashMerge(branch: string, message: string, who: Who = {}): string {
    this.git(['merge', '-q', '--squash', branch], who);
    return this.commit(message, who);
  }

  /** GitHub's "rebase and merge": the branch's commits replayed onto the current branch, fast-forwarded. */
  rebaseMerge(branch: string, who: Who = {}): string {
    const target = this.git(['rev-parse', '--abbrev-ref', 'HEAD']).trim();
    this.git(['rebase', '-q', target, branch], who);
    this.git(['checkout', '-q', target]);
    this.git(['merge', '-q', '--ff-only', branch]);
    return this.head();
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']).trim();
  }

  git(args: string[], who: Who = {}): string {
    const author = who.author ?? 'Alice';
    const date = who.date ?? new Date(this.tick()).toISOString();
    const email = `${author.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`;
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...GIT_ENV,
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: author,
        GIT_COMMITTER_EMAIL: email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
  }

  private tick(): number {
    this.clock += 3_600_000;
    return this.clock;
  }
}

export interface Captured {
  ctx: CommandContext;
  out: () => string;
  err: () => string;
}

/** A command context over `cwd` that keeps what the command prints. */
export function capture(cwd: string): Captured {
  let out = '';
  let err = '';
  const ctx: CommandContext = {
    cwd,
    env: GIT_ENV,
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    isTTY: false,
    now: new Date('2027-01-01T00:00:00Z'),
  };
  return { ctx, out: () => out, err: () => err };
}

export interface AgentFile {
  name: string;
  provider?: string;
  model?: string;
  /** Extra text for the top comment, to make comment-only edits. */
  comment?: string;
  /** Write params as a flow mapping instead of a block: same values, other bytes. */
  flowParams?: boolean;
  instructions?: string;
}

export function agentYaml({ name, provider = 'openai', model = 'gpt-4.1', comment = '', flowParams = false, instructions = 'You are helpful.' }: AgentFile): string {
  const params = flowParams ? ['    params: { temperature: 0.2, max_tokens: 800 }'] : ['    params:', '      temperature: 0.2', '      max_tokens: 800'];
  return [
    `# yaml-language-server: $schema=https://modelshift.dev/schemas/agent.schema.json${comment}`,
    'apiVersion: modelshift.dev/v1',
    'kind: Agent',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  model:',
    `    provider: ${provider}`,
    `    name: ${model}`,
    ...params,
    '  instructions: |',
    `    ${instructions}`,
    '',
  ].join('\n');
}

export function migrationYaml(name: string, to: { provider: string; model: string }): string {
  return [
    'apiVersion: modelshift.dev/v1',
    'kind: Migration',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  from: { provider: openai, model: gpt-4.1 }',
    `  to: { provider: ${to.provider}, model: ${to.model} }`,
    '',
  ].join('\n');
}
