import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExternalError, UsageError } from '../errors.js';
import { EVAL_OUTPUT_FORMATS, outputFormatOf, type EvalFileRenderer } from '../render/eval-outputs.js';

/** One `--output PATH`, checked before anything runs. */
export interface OutputTarget {
  /** As the user wrote it, for messages. */
  path: string;
  absolute: string;
  suffix: string;
  render: EvalFileRenderer;
}

const KNOWN = Object.keys(EVAL_OUTPUT_FORMATS).join(', ');

/** Checks every `--output` before the first call, so a typo costs no eval. */
export function resolveOutputs(cwd: string, paths: readonly string[]): OutputTarget[] {
  const seen = new Set<string>();
  return paths.map((p) => {
    const format = outputFormatOf(p);
    if (!format) throw new UsageError(`--output ${p}: unknown format`, `the format comes from the file's ending: ${KNOWN}`);
    if ('planned' in format) throw new UsageError(`--output ${p}: ${format.planned} (${format.suffix}) is not supported yet`, `use one of ${KNOWN}`);
    const absolute = path.resolve(cwd, p);
    if (seen.has(absolute)) throw new UsageError(`--output ${p} is given twice`, 'name each output file once');
    seen.add(absolute);
    return { path: p, absolute, suffix: format.suffix, render: format.render };
  });
}

/**
 * Renders every file first (`text` is usually the target's own renderer over
 * the report), then writes each to a temporary name and renames it, so a
 * reader never sees half a report.
 */
export async function writeOutputs(targets: readonly OutputTarget[], text: (target: OutputTarget) => string): Promise<void> {
  const rendered = targets.map((t) => ({ ...t, text: text(t) }));
  for (const { path: shown, absolute, text } of rendered) {
    const tmp = `${absolute}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(tmp, text);
      await rename(tmp, absolute);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new ExternalError(`cannot write --output ${shown}`, { cause: err, hint: 'check that the folder is writable' });
    }
  }
}
