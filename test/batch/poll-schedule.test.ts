import { describe, expect, it } from 'vitest';
import { pollSchedule } from '../../src/commands/eval.js';
import { UsageError } from '../../src/errors.js';

describe('MODELSHIFT_BATCH_POLL_MS', () => {
  it('defaults to 5 s backing off to 60 s, and takes INITIAL or INITIAL,MAX', () => {
    expect(pollSchedule(undefined)).toEqual({ initialMs: 5_000, maxMs: 60_000 });
    expect(pollSchedule('20')).toEqual({ initialMs: 20, maxMs: 20 });
    expect(pollSchedule('100, 400')).toEqual({ initialMs: 100, maxMs: 400 });
    for (const bad of ['0', 'fast', '1,2,3', '500,100', '1.5', '99999999999999999999', '5,2147483648']) expect(() => pollSchedule(bad)).toThrow(UsageError);
  });
});
