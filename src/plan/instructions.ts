import type { MigrationSpec } from '../schema/index.js';

/** Applies `replace` then `append`; a `find` that matches nothing is a warning, not a silent no-op. */
export function adaptInstructions(text: string, rule: MigrationSpec['instructions']): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  let result = text;
  for (const { find, with: replacement } of rule?.replace ?? []) {
    if (!result.includes(find)) {
      warnings.push(`instructions: "${find}" was not found, so it was not replaced`);
      continue;
    }
    result = result.split(find).join(replacement);
  }
  if (rule?.append) {
    // A new paragraph at the end (DESIGN §7); a trailing newline stays a trailing newline.
    const ending = /\n$/.test(result) ? '\n' : '';
    const body = result.trimEnd();
    result = `${body}${body ? '\n\n' : ''}${rule.append.trim()}${ending}`;
  }
  return { text: result, warnings };
}
