/** Number formats shared by the gate's reasons and the renderers, so both say the same thing. */

/** How a case failing at head compares with base, in words (FailingCase['trend']). */
export const TREND_LABEL = { worse: 'regression', same: 'fails on both sides', better: 'fails less than on base', unpaired: 'no base result to compare' } as const;

export function percent(rate: number | null, digits = 0): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(digits)}%`;
}

/** Relative change as `+12%` / `−31%` (a real minus sign, as in the PR comment). */
export function signedPercent(relative: number | null): string {
  if (relative === null) return 'n/a';
  if (!Number.isFinite(relative)) return relative > 0 ? '+∞%' : '−∞%';
  const rounded = Math.round(relative * 100);
  if (rounded === 0) return '±0%';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}

/** A difference of two rates in percentage points: `−2 pts`, or `2 pts` when `signed` is false. */
export function points(delta: number | null, signed = true): string {
  if (delta === null) return 'n/a';
  const rounded = Math.round(delta * 1000) / 10;
  if (!signed) return `${Math.abs(rounded)} pts`;
  if (rounded === 0) return '±0 pts';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)} pts`;
}

/** after − before, or null when either is unknown. */
export function difference(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}

export function usd(amount: number | null): string {
  if (amount === null) return 'n/a';
  if (amount === 0) return '$0';
  return amount >= 1 ? `$${amount.toFixed(2)}` : `$${amount.toPrecision(2)}`;
}

export function millis(ms: number | null): string {
  if (ms === null) return 'n/a';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function tokens(count: number): string {
  if (count >= 1_000_000) return `${(count / 1_000_000).toFixed(1)}M`;
  if (count >= 1000) return `${(count / 1000).toFixed(1)}k`;
  return String(count);
}

/** after / before − 1; +∞ when only `after` is positive; null when either is unknown. */
export function relativeChange(before: number | null, after: number | null): number | null {
  if (before === null || after === null) return null;
  if (before === 0) return after === 0 ? 0 : Number.POSITIVE_INFINITY;
  return after / before - 1;
}
