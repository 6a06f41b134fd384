import { applyPatch, createTwoFilesPatch, parsePatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/render/unified-diff.js';

/** The diff of the whole texts, as the line differ gives it. */
const whole = (before: string, after: string) => createTwoFilesPatch('a/f.yaml', 'b/f.yaml', before, after, '', '', { context: 3 }).replace(/^={10,}\n/, '');

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');

describe('unifiedDiff', () => {
  const cases: [string, string, string][] = [
    ['one line in the middle', lines(20), lines(20).replace('line 10\n', 'LINE 10\n')],
    ['first line', lines(10), lines(10).replace('line 1\n', 'first\n')],
    ['last line without a newline', 'a\nb\nc', 'a\nb\nC'],
    ['a newline added at the end', 'a\nb\nc', 'a\nb\nc\n'],
    ['two changes far apart', lines(40), lines(40).replace('line 5\n', 'five\n').replace('line 35\n', 'thirty-five\n')],
    ['two changes close together', lines(40), lines(40).replace('line 5\n', 'five\n').replace('line 9\n', 'nine\n')],
    ['changes six lines apart: one hunk', lines(30), lines(30).replace('line 5\n', 'five\n').replace('line 12\n', 'twelve\n')],
    ['changes seven lines apart: two hunks', lines(30), lines(30).replace('line 5\n', 'five\n').replace('line 13\n', 'thirteen\n')],
    ['lines inserted', lines(12), lines(12).replace('line 6\n', 'line 6\nnew a\nnew b\n')],
    ['lines removed', lines(12), lines(12).replace('line 6\nline 7\n', '')],
    ['an empty line replaced', 'a\n\nb\n', 'a\nc\nb\n'],
    ['empty lines at the top', '\n\n\n\nx\n', '\n\n\n\ny\n'],
    ['CRLF line endings', 'a\r\nb\r\nc\r\nd\r\ne\r\n', 'a\r\nb\r\nC\r\nd\r\ne\r\n'],
    ['every line of a long file (the general differ)', lines(100), lines(100, 'row')],
    ['from empty', '', 'a\nb\n'],
    ['to empty', 'a\nb\n', ''],
    ['an agent file', agent('gpt-4.1   # chosen', '{ temperature: 0.2, max_tokens: 800 }', 'Be verbose.'), agent('gpt-5.1   # chosen', '{ max_completion_tokens: 800, reasoning_effort: low }', 'Be brief.')],
  ];
  it.each(cases)('equals the whole-text diff: %s', (_, before, after) => {
    expect(unifiedDiff('f.yaml', 'f.yaml', before, after)).toBe(whole(before, after));
  });

  it('names the two sides', () => {
    expect(unifiedDiff('old.yaml', 'new.yaml', 'a\n', 'b\n').split('\n').slice(0, 2)).toEqual(['--- a/old.yaml', '+++ b/new.yaml']);
  });

  it('places a repeated line differently from the general differ, as small a diff and with full context', () => {
    const before = 'a\n\nc\r\na\n\n\na\n\nc\r\n\n\nc\r\n\nc\r\n';
    const after = 'c\r\n\n\nc\r\na\n\n\na\n\nc\r\n\n\nc\r\n\nc\r\n';
    const patch = unifiedDiff('f.yaml', 'f.yaml', before, after);
    expect(patch).not.toBe(whole(before, after));
    expectSound(before, after, patch);
  });

  it('turns the old text into the new one with a minimal diff and full context, for edits of every shape', () => {
    // A fixed pseudo-random sequence: the same cases every run. Few distinct lines, so ties are common.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['a\n', 'b\n', '\n', 'a', 'c\r\n', 'b'];
    for (let round = 0; round < 500; round++) {
      const before = Array.from({ length: next(30) }, () => alphabet[next(alphabet.length)]).join('');
      const chars = [...before];
      for (let edits = next(4); edits >= 0; edits--) chars.splice(next(chars.length + 1), next(3), ...Array.from({ length: next(3) }, () => alphabet[next(alphabet.length)]!));
      const after = chars.join('');
      expectSound(before, after, unifiedDiff('f.yaml', 'f.yaml', before, after));
    }
  });
});

/** Applies, changes as many lines as the general differ does, and gives each hunk 3 lines of context where the file has them. */
function expectSound(before: string, after: string, patch: string): void {
  const why = JSON.stringify({ before, after, patch });
  expect(applyPatch(before, patch), why).toBe(after);
  const count = (p: string, sign: string) => p.split('\n').filter((l) => l.startsWith(sign) && !l.startsWith(`${sign}${sign}${sign} `)).length;
  const reference = whole(before, after);
  expect([count(patch, '+'), count(patch, '-')], why).toEqual([count(reference, '+'), count(reference, '-')]);
  const oldLines = before === '' ? 0 : before.split('\n').length - (before.endsWith('\n') ? 1 : 0);
  for (const hunk of parsePatch(patch)[0]!.hunks) {
    const body = hunk.lines.filter((l) => !l.startsWith('\\'));
    const lead = body.findIndex((l) => l[0] !== ' ');
    const trail = body.toReversed().findIndex((l) => l[0] !== ' ');
    // Fewer than 3 only where the hunk starts at the top or ends at the bottom of the file.
    if (lead !== 3) expect([lead < 3, hunk.oldStart <= 1], why).toEqual([true, true]);
    if (trail !== 3) expect([trail < 3, hunk.oldStart - 1 + hunk.oldLines >= oldLines], why).toEqual([true, true]);
  }
}

function agent(model: string, params: string, style: string): string {
  return `# Agent 1\napiVersion: modelshift.dev/v1\nkind: Agent\nmetadata:\n  name: a1\n  labels: { team: t }\nspec:\n  model:\n    provider: openai\n    name: ${model}\n    params: ${params}\n  instructions: |\n    You are agent 1.\n    Answer politely.\n    ${style}\n  tools:\n    - name: lookup\n      description: Look up\n`;
}
