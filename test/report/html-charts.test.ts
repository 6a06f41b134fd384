import { describe, expect, it } from 'vitest';
import { latencyChart } from '../../src/report/html-charts.js';
import { response, result } from '../eval/fixtures.js';

const at = (side: 'base' | 'head', latencyMs: number) => result('pass', { side, response: response('ok', { latencyMs }) });
const titles = (svg: string) => [...svg.matchAll(/<title>(\d+) (base|head) calls from ([^<]+)<\/title>/g)].map((m) => ({ n: Number(m[1]), side: m[2], bin: m[3]! }));

describe('latencyChart', () => {
  it('labels every bin with its own range, even when the latencies span less than a second', () => {
    const results = [...Array.from({ length: 40 }, (_, i) => at('base', 1000 + i * 7)), ...Array.from({ length: 40 }, (_, i) => at('head', 1100 + i * 5))];
    const bins = titles(latencyChart(results));
    const ranges = [...new Set(bins.map((b) => b.bin))];
    expect(ranges).toHaveLength(16);
    expect(ranges[0]).toBe('1000 ms to 1020 ms');
    // Every call lands in exactly one bin of its side.
    expect(bins.filter((b) => b.side === 'base').reduce((sum, b) => sum + b.n, 0)).toBe(40);
    expect(bins.filter((b) => b.side === 'head').reduce((sum, b) => sum + b.n, 0)).toBe(40);
  });

  it('keeps bins at least a millisecond wide when every call took the same time', () => {
    const bins = titles(latencyChart([at('base', 50), at('head', 50)]));
    expect(new Set(bins.map((b) => b.bin)).size).toBe(16);
    expect(bins.find((b) => b.side === 'base' && b.n === 1)?.bin).toBe('50 ms to 51 ms');
  });
});
