// Preloaded with `node --import` by tests that check what a process loads:
// logs every package whose code it ran, as "resolved <package>", on stderr.
// - ES modules from node_modules, as they resolve.
// - Files of the CLI's bundle (dist/cli): each module inside starts with its
//   source path as a comment (`// node_modules/openai/client.mjs`), read at exit.
// - CommonJS modules loaded with require (ajv), from the require cache at exit.
import { readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const PACKAGE = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/;
const BUNDLED = /^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm;

const { port1, port2 } = new MessageChannel();

register(
  'data:text/javascript,' +
    encodeURIComponent(`
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = ${PACKAGE}.exec(r.url);
  if (m) process._rawDebug('resolved ' + m[1]);
  else if (r.url.includes('/dist/cli/')) port.postMessage(r.url);
  return r;
}`),
  { data: { port: port2 }, transferList: [port2] },
);

process.on('exit', () => {
  const seen = new Set();
  const bundleFiles = new Set();
  // The hooks run on a thread of their own; what they sent is taken here, synchronously, at exit.
  for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) bundleFiles.add(m.message);
  for (const url of bundleFiles) for (const m of readFileSync(fileURLToPath(url), 'utf8').matchAll(BUNDLED)) seen.add(m[1]);
  for (const file of Object.keys(createRequire(import.meta.url).cache)) {
    const m = PACKAGE.exec(file);
    if (m) seen.add(m[1]);
  }
  for (const name of seen) process._rawDebug(`resolved ${name}`);
});
