// Preloaded with `node --import` by tests that check what a process loads:
// logs every package module resolved, as "resolved <package>", on stderr.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /\\/node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(r.url);
  if (m) process._rawDebug('resolved ' + m[1]);
  return r;
}`));
