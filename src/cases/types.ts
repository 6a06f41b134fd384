import type { Finding } from '../workspace/types.js';
import type { EvalCase } from '../schema/eval-suite.js';

/** A case read from a file, with the line it came from. */
export interface SourcedCase {
  case: EvalCase;
  line: number;
}

/** What a case file gave: its cases and every problem, each at its line in that file. */
export interface CasesRead {
  cases: SourcedCase[];
  findings: Finding[];
}

/** A problem at a line (and column) of a case file. */
export function fileFinding(file: string, line: number, column: number, path: string, message: string, severity: Finding['severity'] = 'error'): Finding {
  return { file, line, column, path, rule: 'case-file', message, severity };
}

/** Where a case row's shape is described, for the end of each schema finding. */
export const CASE_FILE_HINT = 'see the README, "Cases from files", for the fields a row takes';
