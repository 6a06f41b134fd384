// Preloaded with `node --import ./bench/count-modules.js …`: on exit, writes to
// stderr how many files (ESM through a loader hook, CommonJS from the require
// cache) the process loaded, how many modules they hold (each module in the
// CLI's bundle starts with its source path as a comment), and the packages.
// bench/eval.js uses it to show what start-up costs.
import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const { port1, port2 } = new MessageChannel();
register(new URL('./count-modules-hooks.js', import.meta.url), { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => {
  const urls = new Set();
  for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) urls.add(m.message);
  for (const file of Object.keys(require.cache)) urls.add(pathToFileURL(file).href);
  const files = [...urls].filter((u) => u.startsWith('file:'));
  const modules = files.flatMap((u) => {
    if (!u.includes('/dist/cli/')) return [u];
    return [...readFileSync(fileURLToPath(u), 'utf8').matchAll(/^\/\/ ((?:node_modules|dist)\/\S+\.[cm]?js)$/gm)].map((m) => m[1]);
  });
  const packages = new Set(modules.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter(Boolean));
  process.stderr.write(`\nfiles loaded: ${files.length}, holding ${modules.length} modules (packages: ${[...packages].sort().join(', ')})\n`);
});
