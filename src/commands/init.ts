import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, UsageError } from '../errors.js';
import { API_VERSION } from '../schema/index.js';
import type { CommandContext, CommandResult } from './context.js';

const SCHEMA_BASE = 'https://raw.githubusercontent.com/modelshift/modelshift/main/schemas';

function modeline(kind: string): string {
  return `# yaml-language-server: $schema=${SCHEMA_BASE}/${kind}.schema.json`;
}

/** The starter files: one provider, one agent, the workspace settings. */
export function scaffold(): Record<string, string> {
  return {
    'modelshift.yaml': `${modeline('workspace')}
apiVersion: ${API_VERSION}
kind: Workspace
metadata:
  name: workspace
spec:
  eval:
    concurrency: 8
`,
    'providers/openai.yaml': `${modeline('provider')}
apiVersion: ${API_VERSION}
kind: Provider
metadata:
  name: openai
spec:
  type: openai
  # The NAME of the environment variable holding the key; never the key itself.
  apiKeyEnv: OPENAI_API_KEY
`,
    'agents/example-assistant.yaml': `${modeline('agent')}
apiVersion: ${API_VERSION}
kind: Agent
metadata:
  name: example-assistant
  labels: { team: platform }
  description: A first agent; copy this file for each agent you run
spec:
  model:
    provider: openai
    name: gpt-5.2
    params:
      max_completion_tokens: 1024
      reasoning_effort: low
  instructions: |
    You are a helpful assistant. Answer briefly and say when you are unsure.
`,
  };
}

/** The eval cache (spec.eval.cacheDir's default): answers of paid model calls, kept out of git unless chosen. */
export const CACHE_IGNORE = '.modelshift/cache/';

/**
 * `.gitignore` with the cache entry added, or undefined when an entry already
 * covers it. Pure, so the decision is testable without a disk.
 */
export function withCacheIgnored(existing: string | undefined): string | undefined {
  const lines = (existing ?? '').split(/\r?\n/).map((l) => l.trim());
  if (lines.some((l) => ['.modelshift', '.modelshift/', '/.modelshift/', '.modelshift/cache', '.modelshift/cache/', '/.modelshift/cache/'].includes(l))) return undefined;
  const head = existing === undefined || existing === '' ? '' : existing.endsWith('\n') ? existing : `${existing}\n`;
  return `${head}# modelshift eval cache: commit it only to replay evals offline in CI (see the README)\n${CACHE_IGNORE}\n`;
}

/** Writes the starter files; writes nothing when any of them exists already. */
export async function initCommand(ctx: CommandContext): Promise<CommandResult<{ created: string[]; gitignore: 'created' | 'updated' | 'unchanged' }>> {
  const files = Object.entries(scaffold());
  const existing: string[] = [];
  for (const [rel] of files) {
    if (await lstat(path.join(ctx.cwd, rel)).then(() => true, () => false)) existing.push(rel);
  }
  if (existing.length) {
    throw new UsageError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; init writes nothing over your files`, 'run init in a new folder, or copy the files you need from examples/');
  }
  for (const [rel, text] of files) {
    const target = path.join(ctx.cwd, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: 'wx' });
    ctx.stdout(`created ${rel}\n`);
  }
  const ignorePath = path.join(ctx.cwd, '.gitignore');
  const existingIgnore = await readFile(ignorePath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const ignore = withCacheIgnored(existingIgnore);
  const gitignore = ignore === undefined ? 'unchanged' : existingIgnore === undefined ? 'created' : 'updated';
  if (ignore !== undefined) {
    await writeFile(ignorePath, ignore);
    ctx.stdout(`${gitignore} .gitignore (${CACHE_IGNORE})\n`);
  }
  ctx.stdout('next: edit the agent, then run `modelshift validate`\n');
  return { exitCode: EXIT.ok, data: { created: files.map(([rel]) => rel), gitignore } };
}
