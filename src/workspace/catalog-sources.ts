import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExternalSource } from '../catalog/external.js';
import { parseLitellmCostMap } from '../catalog/litellm.js';
import type { CatalogSource } from '../schema/workspace.js';

/** A configured source that could not be used, for a finding at `spec.catalog.sources.<index>`. */
export interface SourceProblem {
  index: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ReadSources {
  sources: ExternalSource[];
  problems: SourceProblem[];
}

export interface SourceOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** Fetch URL sources whose cached copy is missing or a day old; otherwise only the cache is read. */
  fetch?: boolean;
  /** Where fetched copies are kept (the eval cache folder). */
  cacheDir: string;
  timeoutMs?: number;
}

const DAY_MS = 86_400_000;

/**
 * Reads the catalog sources of modelshift.yaml. A path source is read every
 * time; a URL source only when the command may fetch (`watch`, `catalog`),
 * and then at most once a day: validate in CI never reaches the network.
 */
export async function readCatalogSources(root: string, configured: readonly CatalogSource[], options: SourceOptions): Promise<ReadSources> {
  const result: ReadSources = { sources: [], problems: [] };
  for (const [index, source] of configured.entries()) {
    const read = 'path' in source ? await readPathSource(root, source.path, options.today) : await readUrlSource(source.url, options);
    if ('message' in read) result.problems.push({ index, ...read });
    else result.sources.push(read);
  }
  return result;
}

async function readPathSource(root: string, file: string, today: string): Promise<ExternalSource | Omit<SourceProblem, 'index'>> {
  const full = path.resolve(root, file);
  const real = await realpath(full).catch(() => full);
  if (!(await isInside(root, real))) return { severity: 'error', message: `${file} is outside the workspace; vendor the file into the repository and give its path relative to modelshift.yaml` };
  const text = await readFile(full, 'utf8').catch((error: NodeJS.ErrnoException) => ({ error }));
  if (typeof text !== 'string') return { severity: 'error', message: `cannot read ${file}: ${text.error.code ?? text.error.message}; check the path` };
  return parseSource(file, text, today);
}

async function isInside(root: string, target: string): Promise<boolean> {
  const base = await realpath(root).catch(() => root);
  const relative = path.relative(base, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function parseSource(label: string, text: string, read: string): ExternalSource | Omit<SourceProblem, 'index'> {
  try {
    return { label, read, facts: parseLitellmCostMap(JSON.parse(text)) };
  } catch (error) {
    return { severity: 'error', message: `${label} ${error instanceof SyntaxError ? `is not valid JSON (${error.message})` : (error as Error).message}` };
  }
}

interface CachedCopy {
  url: string;
  fetchedAt: string;
  text: string;
}

async function readUrlSource(url: string, options: SourceOptions): Promise<ExternalSource | Omit<SourceProblem, 'index'>> {
  const label = redactUrl(url);
  const file = path.join(options.cacheDir, 'catalog', `${createHash('sha256').update(url).digest('hex').slice(0, 16)}.json`);
  const cached = await readFile(file, 'utf8').then((text) => JSON.parse(text) as CachedCopy, () => undefined);
  const fresh = cached && Date.parse(`${options.today}T00:00:00Z`) - Date.parse(cached.fetchedAt) < DAY_MS;
  if (cached && (fresh || !options.fetch)) return parseSource(label, cached.text, cached.fetchedAt.slice(0, 10));
  if (!options.fetch) {
    return { severity: 'warning', message: `${label} has not been fetched yet, so its facts are not used; run \`modelshift catalog list\` (or \`watch\`) once to fetch it` };
  }
  const fetched = await fetchText(url, options.timeoutMs ?? 10_000);
  if (typeof fetched !== 'string') {
    if (cached) return parseSource(label, cached.text, cached.fetchedAt.slice(0, 10));
    return { severity: 'warning', message: `cannot fetch ${label}: ${fetched.reason}; its facts are not used this run` };
  }
  const parsed = parseSource(label, fetched, options.today);
  if ('facts' in parsed) {
    await mkdir(path.dirname(file), { recursive: true });
    const copy: CachedCopy = { url: label, fetchedAt: new Date(`${options.today}T00:00:00Z`).toISOString(), text: fetched };
    await writeFile(`${file}.tmp`, JSON.stringify(copy));
    await rename(`${file}.tmp`, file);
  }
  return parsed;
}

async function fetchText(url: string, timeoutMs: number): Promise<string | { reason: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) return { reason: `HTTP ${response.status}` };
    return await response.text();
  } catch (error) {
    const name = (error as Error).name;
    return { reason: name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : ((error as { cause?: { code?: string } }).cause?.code ?? name) };
  }
}

/** A URL as it may be printed: no userinfo, no query (either may carry a token). */
function redactUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
