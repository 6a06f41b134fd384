import { commentedOut, idsInProse, type IdMatcher } from '../ids.js';
import type { Found } from '../types.js';
import type { Finder } from './finder.js';
import { modelKey } from './finder.js';

/** `.env` files: `KEY=value` (optionally `export`, quoted, with a trailing `# comment`); `#` lines are docs. */
export const envFinder: Finder = {
  find(_file, text, ids) {
    const found: Found[] = [];
    forEachLine(text, (line, at) => {
      const comment = /^\s*#/.exec(line);
      if (comment) {
        found.push(...proseIds(text, at + comment[0].length, at + line.length, ids, true));
        return;
      }
      const m = /^(\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*)(["']?)([^"'#\s]*)\3/.exec(line);
      if (!m) return;
      const ref = valueRef(m[4]!, at + m[1]!.length + m[3]!.length, modelKey(m[2]!), 'env', ids);
      if (ref) found.push(ref);
    });
    return { place: 'dotenv', found };
  },
};

/** TOML read line by line: `key = "value"` and arrays of strings under a key; `#` comments are docs. */
export const tomlFinder: Finder = {
  find(_file, text, ids) {
    const found: Found[] = [];
    let key = '';
    forEachLine(text, (line, at) => {
      const assign = /^\s*([A-Za-z0-9_."-]+)\s*=/.exec(line);
      if (assign) key = assign[1]!.replace(/"/g, '').split('.').at(-1)!;
      else if (/^\s*\[/.test(line)) key = '';
      const strings = /"([^"\\\n]*)"|'([^'\n]*)'|#(.*)$/g;
      for (let m = strings.exec(line); m; m = strings.exec(line)) {
        if (m[3] !== undefined) {
          found.push(...proseIds(text, at + m.index + 1, at + line.length, ids, true));
          break;
        }
        const ref = valueRef(m[1] ?? m[2]!, at + m.index + 1, modelKey(key), 'config', ids);
        if (ref) found.push(ref);
      }
    });
    return { place: 'toml', found };
  },
};

/** Markdown, reStructuredText and plain text: ids the catalog knows, in prose and code blocks alike, as docs. */
export const docsFinder = (place: 'markdown' | 'text'): Finder => ({
  find(_file, text, ids) {
    return { place, found: proseIds(text, 0, text.length, ids) };
  },
});

export function envValueRef(value: string, at: number, strong: boolean, ids: IdMatcher): Found | undefined {
  return valueRef(value, at, strong, 'env', ids);
}

function valueRef(value: string, at: number, strong: boolean, kind: 'env' | 'config', ids: IdMatcher): Found | undefined {
  const id = ids.parse(value, strong);
  if (!id) return undefined;
  const start = at + id.offset;
  const rewrite: Found['rewrite'] = id.bedrock ? { via: 'none', reason: 'a Bedrock id carries its own version suffix' } : { via: 'text' };
  return { start, end: start + id.model.length, id, kind, rewrite };
}

export function proseIds(text: string, from: number, to: number, ids: IdMatcher, comment = false): Found[] {
  return idsInProse(text, from, to, ids)
    .filter(({ start, id }) => !comment || !commentedOut(text.slice(from, start - id.offset)))
    .map(({ start, id }) => ({ start, end: start + id.model.length, id, kind: 'docs', rewrite: { via: 'text' } }));
}

function forEachLine(text: string, visit: (line: string, at: number) => void): void {
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    visit(text.slice(at, end).replace(/\r$/, ''), at);
    if (nl === -1) break;
    at = nl + 1;
  }
}
