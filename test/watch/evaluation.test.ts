import { describe, expect, it } from 'vitest';
import { parseCheckMarker } from '../../src/render/comment-marker.js';
import { describeEvaluation, evaluationOf } from '../../src/watch/evaluation.js';

const marker = (extra: string) => parseCheckMarker(`<!-- modelshift {"tool":"modelshift","kind":"check","v":1,"head":"aaaaaaa1111","at":"2026-12-15T09:00:00Z"${extra}} -->`);

describe('evaluationOf', () => {
  it('maps the four gate verdicts and says which commit and when', () => {
    const cases: [string, string][] = [['passed', '✅ gate passed'], ['failed', '❌ gate failed'], ['none', 'evals ran, no gate'], ['skipped', '⏭️ not evaluated']];
    for (const [gate, text] of cases) {
      const evaluation = evaluationOf(marker(`,"gate":"${gate}","evaluatedAt":"2026-12-15T09:05:00.000Z"`), 'aaaaaaa1111');
      expect(describeEvaluation(evaluation, 'aaaaaaa1111')).toBe(`${text} on aaaaaaa (2026-12-15 09:05 UTC)`);
    }
  });

  it('is stale for another head, never for an unknown one; an old or unknown verdict is "not recorded"', () => {
    const passed = marker(',"gate":"passed"');
    expect(evaluationOf(passed, 'bbbbbbb2222')).toMatchObject({ verdict: 'passed', stale: true });
    expect(describeEvaluation(evaluationOf(passed, 'bbbbbbb2222'), 'bbbbbbb2222')).toBe('stale: ✅ gate passed on aaaaaaa; head is now bbbbbbb');
    expect(evaluationOf(passed, undefined).stale).toBe(false);
    expect(evaluationOf(marker(''), 'aaaaaaa1111').verdict).toBe('not recorded');
    expect(evaluationOf(marker(',"gate":"quarantined"'), 'aaaaaaa1111').verdict).toBe('not recorded');
    expect(evaluationOf(marker(',"gate":"constructor"'), 'aaaaaaa1111').verdict).toBe('not recorded');
    expect(evaluationOf(undefined, 'aaaaaaa1111')).toEqual({ verdict: 'no check yet', stale: false });
  });
});
