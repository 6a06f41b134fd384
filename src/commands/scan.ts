import path from 'node:path';
import { EXIT, UsageError } from '../errors.js';
import { renderScanMarkdown } from '../render/scan-markdown.js';
import { scanJson } from '../render/scan-common.js';
import { renderScanSarif } from '../render/scan-sarif.js';
import { renderScanText } from '../render/scan-text.js';
import { candidateFiles } from '../scan/files.js';
import { readScanSettings } from '../scan/settings.js';
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
  const settings = await readScanSettings(root);
  if (settings.warning) ctx.stderr(`warning: ${settings.warning}\n`);
  // The finders (and the YAML parser) load while git lists the files.
  const finders = import('../scan/scan.js');
  const { candidates, considered } = await candidateFiles({ root, paths: relative, additions: settings.ids.additions, ignore: settings.ignore });
  const { scanResult, scanText } = await finders;
  const day = ctx.now.toISOString().slice(0, 10);
  const references: Reference[] = [];
  for (const { file, text } of candidates) references.push(...scanText(file, text, settings.ids, day));
  return scanResult(references, considered, day);
}

export function renderScan(result: ScanResult, format: ScanFormat, colour: boolean): string {
  if (format === 'json') return `${JSON.stringify(scanJson(result), null, 2)}\n`;
  if (format === 'sarif') return renderScanSarif(result);
  if (format === 'markdown') return renderScanMarkdown(result);
  return renderScanText(result, colour);
}

export async function scanCommand(ctx: CommandContext, opts: ScanOptions): Promise<CommandResult<ScanResult>> {
  const result = await scanRepository(ctx, opts.paths);
  ctx.stdout(renderScan(result, opts.format, ctx.isTTY));
  const failing = opts.failOn ? FAILING[opts.failOn] : opts.exitCode ? FAILING.retiring : [];
  const fails = result.references.some((ref) => ref.kind !== 'docs' && failing.includes(ref.verdict));
  return { exitCode: fails ? EXIT.findings : EXIT.ok, data: result };
}
