/**
 * What a source knows about one quantity (latency in seconds, tokens per
 * call) on one arm: every observation (spans from an OTLP file) or a
 * histogram (Prometheus buckets, OTLP histogram points). Pure.
 */
export type Distribution =
  | { kind: 'samples'; values: readonly number[] }
  | {
      kind: 'histogram';
      /** Upper bounds of the finite buckets, increasing; a last bucket up to +Inf follows. */
      bounds: readonly number[];
      /** Observations per bucket (not cumulative), `bounds.length + 1` of them. */
      counts: readonly number[];
      sum: number;
    };

export function count(d: Distribution): number {
  return d.kind === 'samples' ? d.values.length : d.counts.reduce((a, b) => a + b, 0);
}

export function mean(d: Distribution): number | undefined {
  const n = count(d);
  if (n === 0) return undefined;
  return d.kind === 'samples' ? d.values.reduce((a, b) => a + b, 0) / n : d.sum / n;
}

/**
 * The sample variance. A histogram only knows each observation's bucket, so
 * each counts at its bucket's midpoint (the +Inf bucket at the last bound):
 * an estimate, good enough to weigh a difference of means against noise.
 */
export function variance(d: Distribution): number | undefined {
  const n = count(d);
  const m = mean(d);
  if (m === undefined || n < 2) return undefined;
  if (d.kind === 'samples') return d.values.reduce((acc, v) => acc + (v - m) ** 2, 0) / (n - 1);
  let acc = 0;
  d.counts.forEach((c, i) => {
    const lower = i === 0 ? 0 : d.bounds[i - 1]!;
    const upper = d.bounds[i] ?? lower;
    acc += c * ((lower + upper) / 2 - m) ** 2;
  });
  return acc / (n - 1);
}

/**
 * The q-quantile. Samples: linear interpolation between order statistics.
 * Histograms: as Prometheus's histogram_quantile does it, linear within the
 * bucket, the first bucket starting at 0, and the highest finite bound when
 * the quantile falls in the +Inf bucket.
 */
export function quantile(d: Distribution, q: number): number | undefined {
  const n = count(d);
  if (n === 0) return undefined;
  if (d.kind === 'samples') {
    const sorted = [...d.values].sort((a, b) => a - b);
    const pos = (n - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, n - 1);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  }
  const rank = q * n;
  let seen = 0;
  for (let i = 0; i < d.counts.length; i++) {
    const c = d.counts[i]!;
    if (seen + c >= rank && c > 0) {
      if (i === d.bounds.length) return d.bounds.at(-1);
      const lower = i === 0 ? 0 : d.bounds[i - 1]!;
      return lower + (d.bounds[i]! - lower) * ((rank - seen) / c);
    }
    seen += c;
  }
  return d.bounds.at(-1);
}

/**
 * How many observations are above `threshold`. A histogram can only answer at
 * a bucket bound, so the threshold moves up to the next bound (both arms are
 * asked about the same bound, so a comparison stays fair); `at` says where it
 * was answered.
 */
export function exceeding(d: Distribution, threshold: number): { above: number; at: number } {
  if (d.kind === 'samples') return { above: d.values.filter((v) => v > threshold).length, at: threshold };
  const index = d.bounds.findIndex((b) => b >= threshold);
  if (index === -1) return { above: 0, at: Infinity };
  return { above: d.counts.slice(index + 1).reduce((a, b) => a + b, 0), at: d.bounds[index]! };
}
