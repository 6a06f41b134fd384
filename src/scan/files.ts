import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { ExternalError } from '../errors.js';
import { MAX_FILE_BYTES, skippedPath } from './paths.js';
import { scannable } from './scan.js';

/**
 * An extended regular expression (POSIX ERE, the same for `git grep -E` and JavaScript)
 * matching every line that could hold a model id: the providers' id shapes and the
 * workspace's own model names. Files without a match are never opened.
 */
export function prefilterPattern(additions: readonly string[]): string {
  const escaped = additions.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return ['gpt-[0-9]', 'chatgpt-[0-9]', 'claude-', '(^|[^A-Za-z0-9_])o[1-9]', ...escaped].join('|');
}

export interface ListOptions {
  root: string;
  /** Paths under root to scan (relative); empty: all of it. */
  paths: readonly string[];
  pattern: string;
  /** spec.ignore of modelshift.yaml. */
  ignore: readonly string[];
}

/**
 * Files under root that may hold a model id, relative with `/`. In a git work tree, git
 * lists them (tracked and untracked-but-not-ignored, so `.gitignore` holds) and greps them
 * in one pass; elsewhere the folder is walked with its `.gitignore` files applied.
 */
export async function candidateFiles(opts: ListOptions): Promise<{ files: string[]; considered: number }> {
  const ignored = opts.ignore.length ? picomatch([...opts.ignore], { dot: true }) : () => false;
  const keep = (file: string) => scannable(file) && !ignored(file) && !opts.ignore.some((glob) => file.startsWith(`${glob.replace(/\/?\*\*$/, '')}/`));
  const fromGit = await gitGrep(opts);
  if (fromGit) return { files: fromGit.filter(keep).sort(), considered: fromGit.length };
  const walked = (await walk(opts.root, opts.paths)).filter(keep);
  const re = new RegExp(opts.pattern, 'm');
  const files: string[] = [];
  await eachLimited(walked, 16, async (file) => {
    const text = await readText(opts.root, file);
    if (text !== undefined && re.test(text)) files.push(file);
  });
  return { files: files.sort(), considered: walked.length };
}

/** `git grep -l` over the work tree; undefined when root is not in a git work tree. */
function gitGrep(opts: ListOptions): Promise<string[] | undefined> {
  const args = ['grep', '-z', '-l', '-I', '--untracked', '-E', '-e', opts.pattern, '--', ...(opts.paths.length ? opts.paths : ['.'])];
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: opts.root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      if (!error || code === 1) return resolve(stdout.split('\0').filter(Boolean));
      if (code === 128 && /not a git repository/i.test(stderr)) return resolve(undefined);
      if (code === 'ENOENT') return resolve(undefined); // no git: walk instead
      reject(new ExternalError(`git grep failed in ${opts.root}: ${stderr.trim() || String(error)}`, { cause: error }));
    });
  });
}

/** Reads a candidate as UTF-8 text, or undefined when it is gone, too large or not a regular file. */
export async function readText(root: string, file: string): Promise<string | undefined> {
  const full = path.join(root, file);
  try {
    const info = await stat(full);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
    return await readFile(full, 'utf8');
  } catch {
    return undefined; // deleted or unreadable since it was listed: nothing to report in it
  }
}

export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

interface IgnoreRule {
  base: string;
  test: (rel: string) => boolean;
  negate: boolean;
  dirOnly: boolean;
}

/** A folder walk applying `.gitignore` files (the usual subset: globs, `/` anchors, trailing `/`, `!`). */
async function walk(root: string, paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, rules: IgnoreRule[]): Promise<void> => {
    const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch((error: unknown) => {
      if (dir === '') throw new ExternalError(`cannot read ${root}`, { cause: error });
      return [];
    });
    const own = entries.some((e) => e.name === '.gitignore') ? [...rules, ...(await gitignoreRules(root, dir))] : rules;
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      if (isIgnored(own, rel, isDir)) continue;
      if (isDir) {
        if (!skippedPath(`${rel}/x`)) await visit(rel, own);
      } else if (entry.isFile()) out.push(rel);
    }
  };
  if (!paths.length) await visit('', []);
  for (const p of paths) {
    const rel = p.split(path.sep).join('/').replace(/^\.\/?/, '').replace(/\/$/, '');
    const info = await stat(path.join(root, rel)).catch(() => undefined);
    if (!info) throw new ExternalError(`${p} does not exist under ${root}`);
    if (info.isFile()) out.push(rel);
    else await visit(rel, []);
  }
  return out;
}

async function gitignoreRules(root: string, dir: string): Promise<IgnoreRule[]> {
  const text = await readFile(path.join(root, dir, '.gitignore'), 'utf8').catch(() => '');
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    const glob = anchored ? line.replace(/^\//, '') : `**/${line}`;
    rules.push({ base: dir, test: picomatch(glob, { dot: true }), negate, dirOnly });
  }
  return rules;
}

function isIgnored(rules: readonly IgnoreRule[], rel: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    const local = rule.base ? (rel.startsWith(`${rule.base}/`) ? rel.slice(rule.base.length + 1) : undefined) : rel;
    if (local !== undefined && rule.test(local)) ignored = !rule.negate;
  }
  return ignored;
}
