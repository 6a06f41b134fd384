import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, ExternalError, UsageError } from '../errors.js';
import { buildReport, type EvalReport } from '../eval/index.js';
import { parsePart } from '../eval/part-file.js';
import { mergeParts, PartsMismatch, type EvalPart, type Shard } from '../eval/shard.js';
import type { CommandContext, CommandResult, Format } from './context.js';
import { resolveOutputs, writeOutputs } from './eval-output.js';
import { renderEval } from './eval.js';

export interface EvalMergeOptions {
  parts: string[];
  format: Format;
  outputs?: string[];
}

/** `--shard K/N` as given on the command line. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || count < 1 || index > count) {
    throw new UsageError(`--shard ${text} is not K/N with 1 ≤ K ≤ N`, 'e.g. --shard 2/4 runs the second of four parts');
  }
  return { index, count };
}

/**
 * `modelshift eval merge part-*.json`: the parts of a sharded run back into
 * one report, with the paired statistics and the gate of the whole run,
 * exactly as the unsharded run would give them.
 */
export async function evalMergeCommand(ctx: CommandContext, opts: EvalMergeOptions): Promise<CommandResult<EvalReport>> {
  if (!opts.parts.length) throw new UsageError('name the part files to merge', 'modelshift eval merge part-*.json');
  const outputs = resolveOutputs(ctx.cwd, opts.outputs ?? []);
  const parts: EvalPart[] = [];
  for (const file of opts.parts) parts.push(await readPart(path.resolve(ctx.cwd, file), file));
  const report = mergedReport(parts, opts.parts.join(' '));
  await writeOutputs(outputs, (target) => target.render(report));
  ctx.stdout(await renderEval(report, opts.format, ctx.isTTY));
  return { exitCode: report.gate.passed ? EXIT.ok : EXIT.findings, data: report };
}

/** Reads and checks one part file; `shown` names it in messages. */
export async function readPart(absolute: string, shown: string): Promise<EvalPart> {
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (err) {
    throw new ExternalError(`cannot read ${shown}`, { cause: err, hint: 'pass the files `eval --shard K/N --output FILE` wrote' });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${shown} is not JSON: ${(err as Error).message}`, 'pass the files `eval --shard K/N --output FILE` wrote');
  }
  const parsed = parsePart(data);
  if ('problem' in parsed) throw new UsageError(`${shown} is not an eval part file: ${parsed.problem}`, 'pass the files `eval --shard K/N --output FILE` wrote');
  return parsed.part;
}

/** The report of the whole run; parts that do not make one run are a usage error naming `what`. */
export function mergedReport(parts: EvalPart[], what: string): EvalReport {
  try {
    return buildReport(mergeParts(parts));
  } catch (err) {
    if (err instanceof PartsMismatch) throw new UsageError(`cannot merge ${what}: ${err.message}`, 'merge every part of one `eval --shard K/N` run, each once');
    throw err;
  }
}
