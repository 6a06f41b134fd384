import { describe, expect, it } from 'vitest';
import { IsoDate } from '../../src/schema/common.js';

describe('IsoDate', () => {
  it('takes real calendar days and refuses what only looks like one', () => {
    expect(['2027-01-14', '2028-02-29'].map((d) => IsoDate.safeParse(d).success)).toEqual([true, true]);
    for (const day of ['2027-13-45', '2027-02-30', '2027-00-10']) {
      expect(IsoDate.safeParse(day).error?.issues.map((i) => i.message)).toEqual(['is not a date on the calendar; write a real day as YYYY-MM-DD']);
    }
    expect(IsoDate.safeParse('soon').error?.issues.map((i) => i.message)).toEqual(['must be a date written YYYY-MM-DD']);
  });
});
