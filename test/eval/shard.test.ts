import { describe, expect, it } from 'vitest';
import { parsePart } from '../../src/eval/part-file.js';
import { inShard, mergeParts, PartsMismatch, type EvalPart } from '../../src/eval/shard.js';
import { result } from './fixtures.js';

function part(index: number, count: number, agents: { name: string; total: number }[], run = 'r'): EvalPart {
  return {
    kind: 'modelshift-eval-part',
    version: 1,
    shard: { index, count },
    run,
    migration: 'm',
    gate: null,
    skipped: [],
    agents: agents.map(({ name, total }) => {
      const units = Array.from({ length: total }, (_, i) => i).filter((i) => i % count === index - 1);
      const runs = (side: 'base' | 'head') => units.map((u) => result('pass', { agent: name, side, case: `c${u}` }));
      return { name, base: { provider: 'p', model: 'a' }, head: { provider: 'p', model: 'b' }, total, units, results: [...runs('base'), ...runs('head')] };
    }),
    prices: [],
    calls: 1,
    cached: 2,
    interrupted: false,
  };
}

describe('shards', () => {
  it('partitions units round robin: each in exactly one shard, sizes within one', () => {
    for (const count of [1, 2, 3, 7]) {
      const sizes = Array.from({ length: count }, (_, k) => Array.from({ length: 100 }, (_, u) => u).filter((u) => inShard(u, { index: k + 1, count })).length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('merges parts back into the unsharded order and sums the counts', () => {
    const agents = [{ name: 'x', total: 5 }];
    const merged = mergeParts([part(2, 2, agents), part(1, 2, agents)]);
    expect(merged.agents[0]!.results.map((r) => `${r.side}:${r.case}`)).toEqual(['base:c0', 'base:c1', 'base:c2', 'base:c3', 'base:c4', 'head:c0', 'head:c1', 'head:c2', 'head:c3', 'head:c4']);
    expect(merged).toMatchObject({ calls: 2, cached: 4, interrupted: false });
  });

  it('refuses parts that are not one run', () => {
    const agents = [{ name: 'x', total: 4 }];
    expect(() => mergeParts([part(1, 2, agents), part(2, 2, [{ name: 'y', total: 4 }])])).toThrow(PartsMismatch);
    expect(() => mergeParts([part(1, 2, agents), part(2, 2, agents, 'other')])).toThrow(/comes from another run/);
    expect(() => mergeParts([part(1, 3, agents), part(3, 3, agents)])).toThrow('shard 2 of 3 missing');
    expect(() => mergeParts([])).toThrow('no part files');
  });

  it('reads back what it writes, and names what is wrong in a damaged part', () => {
    const good = JSON.parse(JSON.stringify(part(1, 2, [{ name: 'x', total: 4 }])));
    expect(parsePart(good)).toEqual({ part: good });
    const swapped = { ...good, agents: [{ ...good.agents[0], results: [...good.agents[0].results].reverse() }] };
    expect(parsePart(swapped)).toEqual({ problem: 'x: result 0 is not where its agent and side belong (base\'s runs first, then head\'s)' });
    expect(parsePart({ ...good, version: 2 })).toMatchObject({ problem: expect.stringMatching(/^version: /) });
  });
});
