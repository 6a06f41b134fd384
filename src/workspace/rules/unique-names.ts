import type { Finding } from '../types.js';
import { locate } from '../positions.js';
import { findingAt, type DocRef, type Rule } from './context.js';

/** `metadata.name` is unique per kind; the second occurrence names the first. */
export const uniqueNames: Rule = (input) => {
  const findings: Finding[] = [];
  const groups: [string, DocRef<{ metadata: { name: string } }>[]][] = [
    ['agent', input.agents],
    ['provider', input.providers],
    ['migration', input.migrations],
    ['eval suite', input.evalSuites],
  ];
  for (const [kind, refs] of groups) {
    const first = new Map<string, DocRef>();
    for (const ref of refs) {
      const name = ref.value.metadata.name;
      const earlier = first.get(name);
      if (!earlier) {
        first.set(name, ref);
        continue;
      }
      const [line] = locate(earlier.doc.positions, 'metadata.name', 'value') ?? [earlier.doc.line];
      findings.push(findingAt(ref, 'metadata.name', 'unique-name', `${kind} name "${name}" is already used by ${earlier.file}:${line}; rename one of them`));
    }
  }
  return findings;
};
