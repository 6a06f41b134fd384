import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { docReadsAs } from '../../src/edit/reads-as.js';
import { parseDocs } from '../../src/edit/locate.js';

const TEXTS = [
  'a: 1\nb: [x, y]\nc: { d: null, e: true }\n',
  'name: gpt-4.1\nparams: { temperature: 0.2, max_tokens: 800 }\n',
  'text: |\n  two\n  lines\n',
  '- 1\n- -0\n- .nan\n- "1"\n- ~\n',
  'key:\nother: ""\n',
  'tagged: !!str 12\nplain: 12\n',
  'base: &b { x: 1 }\nref: *b\n',
  '<<: { x: 1 }\ny: 2\n',
  '__proto__: { polluted: true }\nz: 1\n',
  'flow: [a: 1, b]\n',
  '1: one\ntrue: yes\n',
  'empty: []\nnone: {}\n',
  '---\n',
  'big: 123456789012345678901234567890\n',
];

/** The values each text is compared with: what it reads as, and that changed in one place or another. */
function variants(data: unknown): unknown[] {
  const out: unknown[] = [data, null, 1, 'x', [], {}];
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const without = { ...record };
      delete without[key];
      out.push(without, { ...record, [key]: 'changed' }, { ...record, [key]: undefined }, { ...record, extra: 1 });
    }
  }
  if (Array.isArray(data)) out.push(data.slice(1), [...data, 1], data.map(() => 0));
  return out;
}

describe('docReadsAs', () => {
  it.each(TEXTS)('answers as isDeepStrictEqual(toJS()) for %j', (text) => {
    const [doc] = parseDocs(text, 'verify', false);
    const data = doc!.toJS();
    for (const value of variants(data)) {
      expect(docReadsAs(doc!, value), JSON.stringify(value)).toBe(isDeepStrictEqual(data, value));
    }
  });

  it('tells a number from its text and -0 from 0', () => {
    const [doc] = parseDocs('a: 12\nb: -0\n', 'verify', false);
    expect(docReadsAs(doc!, { a: '12', b: -0 })).toBe(false);
    expect(docReadsAs(doc!, { a: 12, b: 0 })).toBe(false);
    expect(docReadsAs(doc!, { a: 12, b: -0 })).toBe(true);
  });
});
