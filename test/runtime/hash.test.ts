import { describe, expect, it } from 'vitest';
import { murmur3, utf8 } from '../../src/runtime/hash.js';

describe('murmur3', () => {
  it('matches the reference MurmurHash3_x86_32 vectors', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('', 1)).toBe(0x514e28b7);
    expect(murmur3('hello')).toBe(0x248bfa47);
    expect(murmur3('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
    // Tails of one, two and three bytes.
    expect(murmur3('a')).toBe(0x3c2569b2);
    expect(murmur3('ab')).toBe(0x9bbfd75f);
    expect(murmur3('abc')).toBe(0xb3dd93fa);
  });
});

describe('utf8', () => {
  it('encodes like Node, astral characters and lone surrogates included', () => {
    for (const text of ['', 'plain', 'é', '€', '日本語', '😀 conv', 'a\ud800b', '\udc00', 'x\u0000y']) {
      expect(utf8(text)).toEqual([...Buffer.from(text, 'utf8')]);
    }
  });
});
