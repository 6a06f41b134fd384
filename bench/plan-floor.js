// The floor for a verified rewrite (issue 11): one thread that reads every
// file, parses the ones that name the source model once, makes the edits,
// re-parses each result once and writes it in place. It knows the generated
// workspace's exact text, which modelshift does not, and nothing else: no
// schema, no cross-file rules, no diff. Its output must equal `modelshift
// apply`'s byte for byte (bench/plan.js checks).
//   node bench/plan-floor.js DIR [--dry-run]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const [dir, flag] = process.argv.slice(2);
const write = flag !== '--dry-run';
const SOURCE = /name: gpt-4\.1(?![\w.-])/;
let rewritten = 0;
for (const rel of readdirSync(dir, { recursive: true })) {
  if (!/\.ya?ml$/.test(rel)) continue;
  const file = path.join(dir, rel);
  const text = readFileSync(file, 'utf8');
  if (!SOURCE.test(text)) continue;
  const before = parseDocument(text).toJS();
  if (before?.kind !== 'Agent' || before.spec.model.name !== 'gpt-4.1') continue;
  const out = text
    .replace('name: gpt-4.1 ', 'name: gpt-5.1 ')
    .replace('{ temperature: 0.2, max_tokens: 800 }', '{ max_completion_tokens: 800, reasoning_effort: low }')
    .replace('Be verbose.', 'Be brief.');
  const after = parseDocument(out).toJS();
  if (after.spec.model.name !== 'gpt-5.1' || after.spec.model.params.max_completion_tokens !== 800) throw new Error(`${rel}: the floor's edit did not read back`);
  if (write) writeFileSync(file, out);
  rewritten++;
}
console.log(rewritten);
