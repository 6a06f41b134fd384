import { describe, expect, it } from 'vitest';
import { parseDateArg } from '../../src/history/dates.js';

describe('parseDateArg', () => {
  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T14:30', '2026-11-20T14:30:00.000Z'],
    ['2026-11-20T14:30:15.123456Z', '2026-11-20T14:30:15.123Z'],
    ['2026-11-20 14:30:00+0200', '2026-11-20T12:30:00.000Z'],
    ['2026-11-20T14:30:00-05:00', '2026-11-20T19:30:00.000Z'],
  ])('%s is %s', (value, iso) => expect(parseDateArg(value)?.toISOString()).toBe(iso));

  it.each(['2026-02-30', '2026-13-01', '20/11/2026', 'yesterday', '2026-11-20T25:00', ''])('%j is not a date', (value) =>
    expect(parseDateArg(value)).toBeUndefined(),
  );
});
