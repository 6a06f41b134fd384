import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { ExternalError } from '../errors.js';
import { MAX_FILE_BYTES, scannable, skippedPath } from './paths.js';

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
 * greps the tracked files (through the index: the fast path) while it lists the untracked
 * ones that `.gitignore` does not exclude, which are tested here; elsewhere the folder is
 * walked with its `.gitignore` files applied.
 */
export async function candidateFiles(opts: ListOptions): Promise<{ files: string[]; considered: number }> {
  const ignored = opts.ignore.length ? picomatch([...opts.ignore], { dot: true }) : () => false;
  const keep = (file: string) => scannable(file) && !ignored(file) && !opts.ignore.some((glob) => file.startsWith(`${glob.replace(/\/?\*\*$/, '')}/`));
  const pathspecs = opts.paths.length ? opts.paths : ['.'];
  const [tracked, untracked] = await Promise.all([
    git(opts.root, ['grep', '-z', '-l', '-I', '-E', '-e', opts.pattern, '--', ...pathspecs]),
    git(opts.root, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs]),
  ]);
  if (tracked && untracked) {
    const matched = await matching(opts.root, untracked.filter(keep), opts.pattern);
    return { files: [...new Set([...tracked.filter(keep), ...matched])].sort(), considered: tracked.length + untracked.length };
  }
  const walked = (await walk(opts.root, opts.paths)).filter(keep);
  return { files: (await matching(opts.root, walked, opts.pattern)).sort(), considered: walked.length };
}

async function matching(root: string, files: readonly string[], pattern: string): Promise<string[]> {
  const re = new RegExp(pattern, 'm');
  const out: string[] = [];
  await eachLimited(files, 16, async (file) => {
    const text = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (text !== undefined && text.length <= MAX_FILE_BYTES && re.test(text)) out.push(file);
  });
  return out;
}

/** Runs git for a NUL-separated list of paths; undefined when root is not in a git work tree (or git is missing). */
function git(root: string, args: string[]): Promise<string[] | undefined> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      // git grep exits 1 when nothing matches.
      if (!error || (code === 1 && args[0] === 'grep' && !stderr)) return resolve(stdout.split('\0').filter(Boolean));
      if (code === 'ENOENT' || (code === 128 && /not a git repository/i.test(stderr))) return resolve(undefined);
      reject(new ExternalError(`git ${args[0]} failed in ${root}: ${stderr.trim() || String(error)}`, { cause: error }));
    });
  });
}

/** Reads a candidate as UTF-8 text, or undefined when it is gone, too large or not a regular file. */
export function readText(root: string, file: string): string | undefined {
  const full = path.join(root, file);
  try {
    const info = statSync(full);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
    return readFileSync(full, 'utf8');
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
