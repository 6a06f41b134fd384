import { describe, expect, it } from 'vitest';
import { combine, parseProposal } from '../../src/repair/proposal.js';
import { shareOf } from '../../src/repair/split.js';

describe('the train/holdout split', () => {
  it('is deterministic, near the asked share, and adding cases moves none of the others', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `case ${i}`);
    const shares = names.map((n) => shareOf('m', 'suite', n, 0.3));
    expect(names.map((n) => shareOf('m', 'suite', n, 0.3))).toEqual(shares);
    const held = shares.filter((s) => s === 'holdout').length / names.length;
    expect(held).toBeGreaterThan(0.27);
    expect(held).toBeLessThan(0.33);
    expect(shareOf('m', 'suite', 'case 7', 0.3)).toBe(shares[7]);
    // Another migration draws another split.
    expect(names.map((n) => shareOf('other', 'suite', n, 0.3))).not.toEqual(shares);
  });
});

describe('parseProposal', () => {
  it('reads a bare object or one in a fenced block, and ignores keys it does not use', () => {
    expect(parseProposal('{"append":"Be brief."}')).toEqual({ append: 'Be brief.' });
    expect(parseProposal('Here you go:\n```json\n{"replace":[{"find":"a","with":"b"}],"notes":"x"}\n```\n')).toEqual({ replace: [{ find: 'a', with: 'b' }] });
  });

  it('says what is wrong with an answer it cannot use', () => {
    expect(() => parseProposal('Be brief.')).toThrow('the answer is not a JSON object (it starts "Be brief.")');
    expect(() => parseProposal('{"replace":[{"find":""}]}')).toThrow(/replace\.0\.find/);
    expect(() => parseProposal('{}')).toThrow('neither "append" nor "replace"');
  });
});

describe('combine', () => {
  it('adds the proposal after what the rule already does', () => {
    expect(combine({ append: 'One.', replace: [{ find: 'x', with: 'y' }] }, { append: 'Two.', replace: [{ find: 'p', with: 'q' }] }))
      .toEqual({ append: 'One.\n\nTwo.', replace: [{ find: 'x', with: 'y' }, { find: 'p', with: 'q' }] });
    expect(combine(undefined, { append: 'Only.' })).toEqual({ append: 'Only.' });
  });
});
