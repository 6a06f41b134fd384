import { EvalCase } from '../schema/eval-suite.js';
import { issueFindings } from '../workspace/schema-findings.js';
import { CASE_FILE_HINT, fileFinding, type CasesRead } from './types.js';

/** Lines of a JSONL file that hold something, with their 1-based numbers. */
export function jsonLines(text: string): { line: number; text: string }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => l.text.trim() !== '');
}

/**
 * Cases from JSONL: one `{name?, input | messages, assert?, tags?}` object a
 * line. A case without a name is named after its file and line.
 */
export function readJsonlCases(file: string, text: string): CasesRead {
  const out: CasesRead = { cases: [], findings: [] };
  const base = file.split('/').pop()!;
  for (const { line, text: json } of jsonLines(text)) {
    let row: unknown;
    try {
      row = JSON.parse(json);
    } catch (error) {
      out.findings.push(fileFinding(file, line, 1, '', `not valid JSON (${(error as Error).message}); write one JSON object per line`));
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      out.findings.push(fileFinding(file, line, 1, '', 'each line must be a JSON object like {"input": "…", "assert": […]}'));
      continue;
    }
    const data = { name: `${base}:${line}`, ...row };
    const parsed = EvalCase.safeParse(data);
    if (!parsed.success) {
      out.findings.push(...issueFindings(parsed.error.issues, EvalCase, data, (path, message) => fileFinding(file, line, 1, path, message), CASE_FILE_HINT));
      continue;
    }
    out.cases.push({ case: parsed.data, line });
  }
  return out;
}
