import path from 'node:path';
import { EXIT, UsageError } from '../errors.js';
import { candidateFiles, type Candidate } from '../scan/files.js';
import type { Reference, ScanResult, Verdict } from '../scan/types.js';
import type { CommandContext, CommandResult } from './context.js';

export type ScanFormat = 'text' | 'json' | 'markdown' | 'sarif';
export type FailOn = 'retired' | 'retiring' | 'unknown';

export interface ScanOptions {
  paths: string[];
  format: ScanFormat;
  /** Exit 1 when a retired or retiring reference exists. */
  exitCode?: boolean;
  /** Exit 1 from this verdict up: retired < retiring < unknown. */
  failOn?: FailOn;
}

/** The verdicts each `--fail-on` level fails on. */
const FAILING: Record<FailOn, readonly Verdict[]> = {
  retired: ['retired'],
  retiring: ['retired', 'retiring'],
  unknown: ['retired', 'retiring', 'unknown'],
};

/** Every model id reference under `ctx.cwd` (or the given paths): read at the edge, judged by the pure scan core. */
export async function scanRepository(ctx: CommandContext, paths: readonly string[] = []): Promise<ScanResult> {
  const root = ctx.cwd;
  const relative = paths.map((p) => {
    const rel = path.relative(root, path.resolve(root, p));
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${p} is outside the folder being scanned (${root})`, 'pass paths inside it, or run with -C DIR');
    return rel === '' ? '.' : rel.split(path.sep).join('/');
  });
  // git lists the files while the settings, the catalog and the finders load (the YAML parser only if a file needs it).
  const settings = import('../scan/settings.js').then(({ readScanSettings }) => readScanSettings(root));
  const finders = import('../scan/scan.js');
  const day = ctx.now.toISOString().slice(0, 10);
  const references: Reference[] = [];
  // Files that need the full YAML parser while it loads wait here, and are scanned once it has.
  const waiting: Array<{ candidate: Candidate; loaded: Promise<void> }> = [];
  const consumer = Promise.all([settings, finders]).then(([{ ids }, { scanText, ParserLoading }]) => (candidate: Candidate) => {
    try {
      references.push(...scanText(candidate.file, candidate.text, ids, day));
    } catch (error) {
      if (!(error instanceof ParserLoading)) throw error;
      waiting.push({ candidate, loaded: error.loaded });
      return error.loaded;
    }
  });
  const listed = candidateFiles({ root, paths: relative, settings: settings.then(({ ids, ignore }) => ({ additions: ids.additions, ignore })), consumer });
  const [{ ids, warning }, { considered }, { scanResult, scanText }] = await Promise.all([settings, listed, finders]);
  if (warning) ctx.stderr(`warning: ${warning}\n`);
  for (const { candidate, loaded } of waiting) {
    await loaded;
    references.push(...scanText(candidate.file, candidate.text, ids, day));
  }
  return scanResult(references, considered, day);
}

/** The renderer of a format, loaded only for that format. */
async function renderer(format: ScanFormat): Promise<(result: ScanResult, colour: boolean) => string> {
  if (format === 'json') {
    const { scanJson } = await import('../render/scan-common.js');
    return (result) => `${JSON.stringify(scanJson(result), null, 2)}\n`;
  }
  if (format === 'sarif') return (await import('../render/scan-sarif.js')).renderScanSarif;
  if (format === 'markdown') return (await import('../render/scan-markdown.js')).renderScanMarkdown;
  return (await import('../render/scan-text.js')).renderScanText;
}

export async function scanCommand(ctx: CommandContext, opts: ScanOptions): Promise<CommandResult<ScanResult>> {
  // The renderer loads while the files are read.
  const [render, result] = await Promise.all([renderer(opts.format), scanRepository(ctx, opts.paths)]);
  ctx.stdout(render(result, ctx.isTTY));
  const failing = opts.failOn ? FAILING[opts.failOn] : opts.exitCode ? FAILING.retiring : [];
  const fails = result.references.some((ref) => ref.kind !== 'docs' && failing.includes(ref.verdict));
  return { exitCode: fails ? EXIT.findings : EXIT.ok, data: result };
}
