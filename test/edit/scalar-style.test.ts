import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { editYaml } from '../../src/edit/index.js';

const setOne = (source: string, path: (string | number)[], value: unknown) => editYaml(source, [{ doc: 0, ops: [{ op: 'set', path, value }] }]);

describe('quoting of a replaced scalar', () => {
  test('a single-quoted value stays single-quoted, a double-quoted one double, a plain one plain', () => {
    const source = `a: 'gpt-4.1'   # single\nb: "gpt-4.1"\nc: gpt-4.1 # plain\n`;
    const out = editYaml(source, [
      {
        doc: 0,
        ops: [
          { op: 'set', path: ['a'], value: "gpt-5.1's" },
          { op: 'set', path: ['b'], value: 'gpt-5.1' },
          { op: 'set', path: ['c'], value: 'gpt-5.1' },
        ],
      },
    ]);
    expect(out).toBe(`a: 'gpt-5.1''s'   # single\nb: "gpt-5.1"\nc: gpt-5.1 # plain\n`);
  });

  test.each([
    ['4.1', '"4.1"'],
    ['123', '"123"'],
    ['null', '"null"'],
    ['true', '"true"'],
    ['on', '"on"'],
    ['yes', '"yes"'],
    ['~', '"~"'],
    ['', '""'],
    ['0o17', '"0o17"'],
    ['1_000', '"1_000"'],
    ['2027-01-15', '"2027-01-15"'],
    ['@acme/support', '"@acme/support"'],
    ['*star', '"*star"'],
    ['- dash', '"- dash"'],
    ['key: value', '"key: value"'],
    ['gpt #5', '"gpt #5"'],
    [' padded', '" padded"'],
    ['"hi" \\ there', '"\\"hi\\" \\\\ there"'],
    ['say "hi"', 'say "hi"'],
    ['gpt-5.1', 'gpt-5.1'],
    ['claude-sonnet-4.5', 'claude-sonnet-4.5'],
    ['a:b', 'a:b'],
    ['C#', 'C#'],
  ])('a plain string %j that would change type or meaning is written %s', (value, written) => {
    const out = setOne('name: gpt-4.1  # model\n', ['name'], value);
    expect(out).toBe(`name: ${written}  # model\n`);
    expect(parse(out)).toEqual({ name: value });
  });

  test('in a flow mapping a string with a comma or bracket is quoted', () => {
    expect(setOne('p: { a: x, b: y }\n', ['p', 'a'], 'x, y')).toBe('p: { a: "x, y", b: y }\n');
  });

  test('numbers, booleans and null are written plain, even over a quoted string', () => {
    const out = editYaml(`a: '1'\nb: "x"\nc: yes\nd: 1\n`, [
      {
        doc: 0,
        ops: [
          { op: 'set', path: ['a'], value: 1 },
          { op: 'set', path: ['b'], value: false },
          { op: 'set', path: ['c'], value: null },
          { op: 'set', path: ['d'], value: 0.5 },
          { op: 'set', path: ['e'], value: 1.5e-7 },
          { op: 'set', path: ['f'], value: -Infinity },
        ],
      },
    ]);
    expect(out).toBe(`a: 1\nb: false\nc: null\nd: 0.5\ne: 1.5e-7\nf: -.inf\n`);
  });

  test('a string with a line break or a control character in a quoted scalar is written double-quoted with escapes', () => {
    const out = editYaml(`i: one  # c\nj: 'x'\n`, [
      {
        doc: 0,
        ops: [
          { op: 'set', path: ['i'], value: 'a\nb' },
          { op: 'set', path: ['j'], value: "it's\tmulti\u0007" },
        ],
      },
    ]);
    expect(out).toBe(`i: |-  # c\n  a\n  b\nj: "it's\\tmulti\\u0007"\n`);
  });
});

describe('block scalars', () => {
  const source = [
    'spec:',
    '  instructions: |   # the prompt',
    '    You are the triage agent.  ',
    '    Route tickets.',
    '',
    '  note: |-',
    '    strip me',
    '  keep: |+',
    '    kept',
    '',
    '  folded: >',
    '    one',
    '    two',
    '  after: 1',
    '',
  ].join('\n');

  test('a new text keeps the indicator, the chomping, trailing spaces and the header comment', () => {
    const out = setOne(source, ['spec', 'instructions'], 'You are new.  \nBe brief.\n');
    expect(out).toBe(source.replace('    You are the triage agent.  \n    Route tickets.', '    You are new.  \n    Be brief.'));
  });

  test('a text the chomping cannot carry changes only the chomping', () => {
    const out = setOne(source, ['spec', 'instructions'], 'No final break');
    expect(out).toBe(source.replace('|   # the prompt\n    You are the triage agent.  \n    Route tickets.', '|-   # the prompt\n    No final break'));
    expect(setOne(source, ['spec', 'note'], 'two\nlines\n')).toBe(source.replace('note: |-\n    strip me', 'note: |\n    two\n    lines'));
  });

  test('keep chomping keeps its trailing blank lines', () => {
    const out = setOne(source, ['spec', 'keep'], 'new\n\n\n');
    expect(out).toBe(source.replace('    kept\n\n', '    new\n\n\n'));
    expect(parse(out).spec.keep).toBe('new\n\n\n');
  });

  test('a folded scalar stays folded: each line break is written as a blank line', () => {
    const out = setOne(source, ['spec', 'folded'], 'first\nsecond line\n');
    expect(out).toBe(source.replace('    one\n    two', '    first\n\n    second line'));
    expect(parse(out).spec.folded).toBe('first\nsecond line\n');
  });

  test('more-indented lines in a folded scalar keep their own line breaks', () => {
    const out = setOne('i: >\n  one\nj: 1\n', ['i'], 'a\n  indented\nend\n');
    expect(out).toBe('i: >\n  a\n    indented\n  end\nj: 1\n');
  });

  test('a text a block scalar cannot carry exactly is written double-quoted', () => {
    expect(setOne(source, ['spec', 'note'], '  leading space\nline')).toBe(source.replace('note: |-\n    strip me', 'note: "  leading space\\nline"'));
    expect(setOne(source, ['spec', 'note'], '')).toBe(source.replace('note: |-\n    strip me', 'note: ""'));
  });

  test('trailing blank lines need keep chomping, unless a blank line follows that it would take in', () => {
    expect(setOne(source, ['spec', 'note'], 'a\n\n')).toBe(source.replace('note: |-\n    strip me', 'note: |+\n    a\n'));
    const out = setOne(source, ['spec', 'instructions'], 'a\n\n');
    expect(out).toBe(source.replace('|   # the prompt\n    You are the triage agent.  \n    Route tickets.', '"a\\n\\n"   # the prompt'));
  });

  test('a new multi-line string is written as a literal block at the sibling indentation', () => {
    const out = setOne('spec:\n    model: x\n', ['spec', 'instructions'], 'Line one.\nLine two.\n');
    expect(out).toBe('spec:\n    model: x\n    instructions: |\n        Line one.\n        Line two.\n');
  });

  test('a multi-line string replacing a plain scalar becomes a literal block, its comment kept on the key\'s line', () => {
    expect(setOne('i: Be brief.  # c\nj: 1\n', ['i'], 'Be brief.\nBe kind.')).toBe('i: |-  # c\n  Be brief.\n  Be kind.\nj: 1\n');
  });

  test('a multi-line string replacing a quoted scalar stays quoted', () => {
    expect(setOne('i: "Be brief."\n', ['i'], 'Be brief.\nBe kind.')).toBe('i: "Be brief.\\nBe kind."\n');
  });
});
