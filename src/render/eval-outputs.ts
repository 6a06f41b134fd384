import type { EvalReport } from '../eval/types.js';
import { renderHtmlReport } from '../report/index.js';
import { renderEvalJunit } from './eval-junit.js';
import { renderEvalMarkdown } from './eval-markdown.js';
import { renderEvalCsv, renderEvalJsonl } from './eval-rows.js';

/** A file format of `eval --output PATH`: the report in, the file's text out (pure). */
export type EvalFileRenderer = (report: EvalReport) => string;

/**
 * Formats by how the path ends; the longest suffix wins (`.junit.xml` before
 * `.xml`). A new format is one line here.
 */
export const EVAL_OUTPUT_FORMATS: Readonly<Record<string, EvalFileRenderer>> = {
  '.junit.xml': renderEvalJunit,
  '.jsonl': renderEvalJsonl,
  '.csv': renderEvalCsv,
  '.json': (report) => `${JSON.stringify(report, null, 2)}\n`,
  '.md': (report) => renderEvalMarkdown(report, { maxRegressions: Infinity, maxOutputChars: Infinity }),
  '.html': (report) => renderHtmlReport(report),
};

/** Formats that are planned but not built yet: a clear "not supported yet" instead of "unknown format". */
export const PLANNED_OUTPUT_FORMATS: Readonly<Record<string, string>> = {};

export type OutputFormat = { suffix: string; render: EvalFileRenderer } | { suffix: string; planned: string } | undefined;

/** The format a path asks for, by its ending (case-insensitive). */
export function outputFormatOf(path: string): OutputFormat {
  const lower = path.toLowerCase();
  const suffixes = [...Object.keys(EVAL_OUTPUT_FORMATS), ...Object.keys(PLANNED_OUTPUT_FORMATS)].sort((a, b) => b.length - a.length);
  const suffix = suffixes.find((s) => lower.endsWith(s));
  if (suffix === undefined) return undefined;
  const render = EVAL_OUTPUT_FORMATS[suffix];
  return render ? { suffix, render } : { suffix, planned: PLANNED_OUTPUT_FORMATS[suffix]! };
}
