// Preloaded with `node --import ./bench/count-modules.js …`: on exit, writes to
// stderr how many modules (ESM through a loader hook, CommonJS from the
// require cache) the process loaded, and which packages they came from.
// bench/eval.js uses it to show what start-up costs.
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const { port1, port2 } = new MessageChannel();
const urls = new Set();
port1.on('message', (url) => urls.add(url));
port1.unref();
register(new URL('./count-modules-hooks.js', import.meta.url), { data: { port: port2 }, transferList: [port2] });
process.on('exit', () => {
  for (const file of Object.keys(require.cache)) urls.add(pathToFileURL(file).href);
  const files = [...urls].filter((u) => u.startsWith('file:'));
  const packages = new Set(files.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1]).filter(Boolean));
  process.stderr.write(`\nmodules loaded: ${files.length} (packages: ${[...packages].sort().join(', ')})\n`);
});
