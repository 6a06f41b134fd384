import type { z } from 'zod';

/** A zod issue as one line: where in the row, then what is wrong. */
export function issueText(issue: z.core.$ZodIssue, prefix = ''): string {
  const at = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  return `${at ? `${at}: ` : ''}${issue.message}`;
}
