import type { Finding } from '../types.js';
import { findingAt, type Rule } from './context.js';

/**
 * GitHub refuses a label name over 50 characters ("name is too long (maximum
 * is 50 characters)", https://github.com/github/docs/issues/32156).
 */
export const LABEL_MAX = 50;

/**
 * A migration's name becomes a git branch (`modelshift/<name>`,
 * `…-promote-<step>`, `…-rollback`) and a label, so it must be valid as both.
 * `metadata.name`'s own pattern already rules out most of what
 * `git check-ref-format` refuses (spaces, `~^:?*[\`, `@{`, a leading or
 * trailing `.`); what it still lets through is `..` inside a name and a
 * `.lock` suffix, which git keeps for its own lock files.
 */
export const migrationNames: Rule = (input) => {
  const findings: Finding[] = [];
  for (const ref of input.migrations) {
    const name = ref.value.metadata.name;
    const problem = refProblem(name);
    if (problem) findings.push(findingAt(ref, 'metadata.name', 'migration-name', `migration name "${name}" cannot be a git branch name: ${problem}`));
    if (name.length > LABEL_MAX) {
      findings.push(findingAt(ref, 'metadata.name', 'migration-name', `migration name "${name}" is ${name.length} characters; GitHub labels hold at most ${LABEL_MAX}, so shorten it`));
    }
  }
  return findings;
};

function refProblem(name: string): string | undefined {
  if (name.includes('..')) return 'git refuses ".." in a ref (git check-ref-format); use a single "." or "-"';
  if (name.endsWith('.lock')) return 'git refuses a ref ending in ".lock" (git check-ref-format); drop or change the suffix';
  return undefined;
}
