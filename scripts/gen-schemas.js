// Writes schemas/<kind>.schema.json from the zod schemas, for editors (the
// `# yaml-language-server: $schema=…` modeline) and other tools.
//
//   npm run schemas        (builds first: the schemas are read from dist/)
//
// test/schema/json-schema.test.ts imports renderSchemas() and fails when a
// committed file differs from what it returns.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { Kinds } from '../dist/src/schema/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** File name → contents, one per document kind (`EvalSuite` → `evalsuite.schema.json`). */
export function renderSchemas() {
  const files = {};
  for (const [kind, schema] of Object.entries(Kinds)) {
    // `input`: what a person writes, so fields with defaults (repeat) are optional.
    files[`${kind.toLowerCase()}.schema.json`] = `${JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2)}\n`;
  }
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.join(repo, 'schemas');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(renderSchemas())) {
    writeFileSync(path.join(dir, name), text);
    console.log(`wrote schemas/${name}`);
  }
}
