import { describe, expect, it } from 'vitest';
import { diffEntries, diffValues } from '../../src/sync/diff.js';

const map = (entries: Record<string, unknown>) => new Map(Object.entries(entries));

describe('diffEntries', () => {
  const current = map({ a: { v: 1 }, b: { v: 1 }, gone: { v: 9 } });
  const desired = map({ c: { v: 3 }, b: { v: 2 }, a: { v: 1 } });

  it('sorts git agents into created, updated and unchanged, and keeps what only the target has', () => {
    const diff = diffEntries(current, desired, false);
    expect(diff.agents.map((a) => [a.name, a.action])).toEqual([['a', 'unchanged'], ['b', 'updated'], ['c', 'created'], ['gone', 'extra']]);
    expect(diff.agents[1]!.changes).toEqual([{ path: 'v', before: 1, after: 2 }]);
    expect(diff.counts).toEqual({ created: 1, updated: 1, unchanged: 1, pruned: 0, extra: 1 });
    expect([...diff.entries.keys()]).toEqual(['a', 'b', 'c', 'gone']);
    expect(diff.entries.get('gone')).toEqual({ v: 9 });
    expect(diff).toMatchObject({ changed: true, drift: true });
  });

  it('removes what only the target has under prune', () => {
    const diff = diffEntries(current, desired, true);
    expect(diff.agents.at(-1)).toEqual({ name: 'gone', action: 'pruned', changes: [] });
    expect(diff.entries.has('gone')).toBe(false);
    expect(diff.counts.pruned).toBe(1);
  });

  it('needs no write when the target holds git, and reports drift for an extra agent alone', () => {
    expect(diffEntries(map({ a: { v: 1 } }), map({ a: { v: 1 } }), false)).toMatchObject({ changed: false, drift: false });
    expect(diffEntries(map({ a: { v: 1 }, x: {} }), map({ a: { v: 1 } }), false)).toMatchObject({ changed: false, drift: true });
  });
});

describe('diffValues', () => {
  it('walks into lists of the same length and reports a list that changed length whole', () => {
    const before = [{ p: { weight: 90 } }, { p: { weight: 10 } }];
    expect(diffValues(before, [{ p: { weight: 50 } }, { p: { weight: 50 } }])).toEqual([
      { path: '0.p.weight', before: 90, after: 50 },
      { path: '1.p.weight', before: 10, after: 50 },
    ]);
    expect(diffValues(before, [{ p: {} }])).toEqual([{ path: '', before, after: [{ p: {} }] }]);
    expect(diffValues({ a: 1 }, { b: 1 })).toEqual([{ path: 'b', before: undefined, after: 1 }, { path: 'a', before: 1, after: undefined }]);
  });
});
