// Bundles the compiled CLI (dist/src, from `tsc`) and its dependencies into
// dist/cli, which bin/modelshift.js runs. Node 20 loads ~450 separate ES
// modules for an eval (resolve, read, compile each): about 250 ms of a run's
// start on a 2-core machine. Bundled, a run loads a few dozen files.
//
// - Code split at every dynamic import: what a command does not use still does
//   not load (an OpenAI-only eval never reads the Anthropic SDK's code).
// - One flat folder: the worker scripts sit next to the chunks that start them,
//   where `new URL('./parse-worker.js', import.meta.url)` looks.
// - Not minified: stack traces stay readable, and each module keeps the path
//   comment the module-load tests read.
//
//   node scripts/bundle.js   (run by `npm run build`, after tsc)
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/cli`;

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/cli.js', 'dist/src/workspace/parse-worker.js', 'dist/src/scan/read-worker.js'],
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The CommonJS packages inside (commander, picomatch) call `require` for Node's own modules.
  banner: { js: "import { createRequire as __modelshiftRequire } from 'node:module'; const require = __modelshiftRequire(import.meta.url);" },
  logLevel: 'warning',
});
