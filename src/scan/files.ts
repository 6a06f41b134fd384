import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { ExternalError } from '../errors.js';
import { listedFileFilter, MAX_FILE_BYTES, skippedPath } from './paths.js';
import { CHUNK, chunkReader, type Candidate } from './read-files.js';
import { ReadingThread, type ChunkRead, type ThreadRead } from './read-thread.js';

export type { Candidate } from './read-files.js';

/**
 * An extended regular expression (POSIX ERE, the same for `git grep -E` and JavaScript)
 * matching every line that could hold a model id: the providers' id shapes and the
 * workspace's own model names. Files without a match are never decoded or parsed.
 */
export function prefilterPattern(additions: readonly string[]): string {
  const escaped = additions.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return ['gpt-[0-9]', 'chatgpt-[0-9]', 'claude-', '(^|[^A-Za-z0-9_])o[1-9]', ...escaped].join('|');
}

export interface ListOptions {
  root: string;
  /** Paths under root to scan (relative); empty: all of it. */
  paths: readonly string[];
  /** Read from modelshift.yaml while git lists the files. */
  settings: Promise<{
    /** Ids of no provider's shape that the workspace adds (they join the pre-filter). */
    additions: readonly string[];
    /** spec.ignore of modelshift.yaml. */
    ignore: readonly string[];
  }>;
  /**
   * What to do with each candidate, once the modules it needs (the finders) have loaded. It
   * answers a promise when it must wait for more (the YAML parser, for some files). Module
   * loading needs the event loop, which synchronous reading would hold until the last file,
   * so while either is pending this thread gives it a turn after each chunk it reads.
   */
  consumer: Promise<(candidate: Candidate) => Promise<unknown> | void>;
}

/**
 * Hands each file under root that may hold a model id, with its text, to the consumer, in no
 * particular order. In a git work tree, git lists the tracked files (from the index, at once)
 * and the untracked ones that `.gitignore` does not exclude (a walk, so it runs while the
 * tracked files are read); elsewhere the folder is walked with its `.gitignore` files applied.
 * Each file scan reads by name is read here in one pass and tested with one regular
 * expression over its raw bytes; only a match is decoded. Returns how many files were read.
 */
export async function candidateFiles(opts: ListOptions): Promise<{ considered: number }> {
  const pathspecs = opts.paths.length ? opts.paths : ['.'];
  // Both at once: the walk for untracked files is the long one, and runs while the tracked files are read here.
  const listing = git(opts.root, ['ls-files', '-z', '--cached', '--', ...pathspecs]);
  const untracked = git(opts.root, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs]);
  for (const pending of [listing, untracked]) pending.catch(() => undefined); // awaited below, once the settings are read
  // A second thread takes a while to start: for a whole work tree with a large index, it starts while git lists the files.
  let thread = !opts.paths.length && largeIndex(opts.root) ? ReadingThread.start() : undefined;
  try {
    const tracked = await listing;
    // git lists an unmerged path once per stage, next to each other; untracked files are never tracked ones.
    const files = tracked?.filter((file, i) => file !== tracked[i - 1]) ?? (await walk(opts.root, opts.paths));
    if (files.length >= PARALLEL_FROM) thread ??= ReadingThread.start();
    const { additions, ignore } = await opts.settings;
    const reading: Reading = { root: opts.root, ignore, keep: await listedFileFilter(ignore), pattern: prefilter(additions), consumer: opts.consumer };
    let considered = await readFiles(reading, files, thread);
    const more = tracked ? ((await untracked) ?? []) : [];
    if (more.length >= PARALLEL_FROM) thread ??= ReadingThread.start();
    considered += await readFiles(reading, more, more.length >= PARALLEL_FROM ? thread : undefined);
    return { considered };
  } finally {
    thread?.close();
  }
}

/**
 * The pre-filter as a regular expression over a file's bytes read as latin1 (one byte, one
 * character: no decoding, and no match lost to invalid UTF-8). Workspace ids are written as
 * their UTF-8 bytes the same way.
 */
function prefilter(additions: readonly string[]): RegExp {
  return new RegExp(prefilterPattern(additions.map((id) => Buffer.from(id, 'utf8').toString('latin1'))), 'm');
}

/** What each reading thread needs besides its share of the listing; `keep` is this thread's filter, built from `ignore`. */
interface Reading extends Pick<ListOptions, 'root' | 'consumer'> {
  ignore: readonly string[];
  keep: (file: string) => boolean;
  pattern: RegExp;
}

/** Below this many files a second thread costs more to start than it saves. */
const PARALLEL_FROM = 4000;

/**
 * Whether root's git index lists about PARALLEL_FROM files or more (an entry takes about 100
 * bytes). Only where root is the top of a work tree with a `.git` folder; elsewhere the
 * listing decides, once it is there.
 */
function largeIndex(root: string): boolean {
  try {
    return statSync(path.join(root, '.git', 'index')).size >= PARALLEL_FROM * 100;
  } catch {
    return false;
  }
}

/**
 * Reads the listed files and hands the candidates to the consumer. With a second thread,
 * both take chunks from one shared counter, and this one scans, between its own chunks,
 * what it read and what the other thread has sent so far: the scanning is spread over the
 * reading, and a thread busy scanning simply reads fewer chunks. Until the consumer's
 * modules have loaded, this thread gives the event loop (which loads them) a turn after
 * each chunk, and keeps the candidates. A thread that fails has the chunks it did not send
 * back read here.
 */
async function readFiles({ root, ignore, keep, pattern, consumer }: Reading, files: readonly string[], thread: ReadingThread | undefined): Promise<number> {
  const read = chunkReader(root, keep, pattern);
  const unread = new Set<number>();
  for (let from = 0; from < files.length; from += CHUNK) unread.add(from);
  let considered = 0;
  let consume: ((candidate: Candidate) => Promise<unknown> | void) | undefined;
  consumer.then((ready) => (consume = ready)).catch(() => undefined); // its failure is thrown below
  let loading: Promise<unknown> | undefined;
  const kept: Candidate[] = [];
  const take = ({ from, candidates, ...counts }: ChunkRead) => {
    unread.delete(from);
    considered += counts.considered;
    if (!consume) {
      kept.push(...candidates);
      return;
    }
    for (const candidate of candidates) {
      const wait = consume(candidate);
      if (wait && !loading) {
        const done = () => (loading = undefined);
        loading = wait.then(done, done);
      }
    }
  };
  let theirs: ThreadRead | undefined;
  let next: () => number;
  if (thread) {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    counter[0] = CHUNK;
    theirs = thread.read({ root, files, ignore, pattern: pattern.source, counter: counter.buffer });
    next = () => Atomics.add(counter, 0, CHUNK);
  } else {
    let at = -CHUNK;
    next = () => (at += CHUNK);
  }
  for (let from = next(); from < files.length; from = next()) {
    take({ from, ...read(files, from) });
    for (const chunk of theirs?.received() ?? []) take(chunk);
    if (!consume || loading) await turn();
  }
  if (theirs) {
    const finished = await theirs.finished.then(
      () => true,
      () => false,
    );
    for (const chunk of theirs.received()) take(chunk);
    if (!finished) for (const from of [...unread]) take({ from, ...read(files, from) });
  }
  const ready = await consumer;
  for (const candidate of kept) ready(candidate);
  return considered;
}

/** Runs git for a NUL-separated list of paths; undefined when root is not in a git work tree (or git is missing). */
function git(root: string, args: string[]): Promise<string[] | undefined> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = (error as { code?: unknown } | null)?.code;
      if (!error) return resolve(stdout.split('\0').filter(Boolean));
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
  const { default: picomatch } = await import('picomatch');
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
