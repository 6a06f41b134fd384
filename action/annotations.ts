import type { RepoFinding } from '../src/commands/check.js';

/** GitHub shows at most 10 annotations of each level per step; more are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface Annotation {
  level: 'error' | 'warning';
  message: string;
  title: string;
  file: string;
  line: number;
  column: number;
}

/**
 * The annotations worth GitHub's limited slots: the pull request's own files
 * first, then by file and position; a notice counts what did not fit.
 */
export function pickAnnotations(findings: readonly RepoFinding[], limit = ANNOTATIONS_PER_LEVEL): { annotations: Annotation[]; notice?: string } {
  const ordered = [...findings].sort(
    (a, b) => Number(b.inPr) - Number(a.inPr) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  const annotations: Annotation[] = [];
  const left = { error: 0, warning: 0 };
  for (const level of ['error', 'warning'] as const) {
    const all = ordered.filter((f) => f.severity === level);
    for (const f of all.slice(0, limit)) {
      annotations.push({ level, message: f.message, title: `modelshift: ${f.rule}`, file: f.file, line: f.line, column: f.column });
    }
    left[level] = Math.max(0, all.length - limit);
  }
  if (!left.error && !left.warning) return { annotations };
  const parts = [left.error && `${left.error} more error${left.error === 1 ? '' : 's'}`, left.warning && `${left.warning} more warning${left.warning === 1 ? '' : 's'}`].filter(Boolean);
  return { annotations, notice: `${parts.join(' and ')} not shown as annotations (GitHub shows ${limit} per level); the job summary lists every finding` };
}
