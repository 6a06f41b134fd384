import type { MetricUnit } from './types.js';

/** A metric value as people read it; the renderers and the verdict reasons share it. Pure. */
export function formatValue(unit: MetricUnit, x: number): string {
  switch (unit) {
    case 'ratio':
      return `${(x * 100).toFixed(2)}%`;
    case 'seconds':
      return x < 1 ? `${Math.round(x * 1000)} ms` : `${x.toFixed(2)} s`;
    case 'tokens':
      return `${Math.round(x)} tokens`;
    case 'usd':
      return `$${x.toFixed(5)}`;
    case 'number':
      return String(Math.round(x * 1000) / 1000);
  }
}

/** A relative change with its sign: +37.5%, −12%. */
export function signedPercent(x: number): string {
  const rounded = Math.round(x * 1000) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded)}%`;
}

export function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** `p < 0.001`, `p = 0.042`. */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}
