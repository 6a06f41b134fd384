import { describe, expect, test } from 'vitest';
import { EditError, editYaml } from '../../src/edit/index.js';
import type { DocEdit } from '../../src/edit/index.js';
import { EditFailure } from '../../src/edit/errors.js';
import { verify } from '../../src/edit/verify.js';

function refusal(source: string, edits: DocEdit[]): EditError {
  try {
    editYaml(source, edits);
  } catch (error) {
    if (error instanceof EditError) return error;
    throw error;
  }
  throw new Error('expected an EditError');
}

const shared = `defaults: &model
  provider: openai
  name: gpt-4.1
spec:
  model: *model
  fallback: &fb gpt-4o
  other: *fb
  instructions: Be brief.
`;

describe('anchors and aliases', () => {
  test('a value reached through an alias is refused, pointing at the alias', () => {
    const error = refusal(shared, [{ doc: 0, ops: [{ op: 'set', path: ['spec', 'model', 'name'], value: 'gpt-5.1' }] }]);
    expect(error).toMatchObject({ reason: 'alias', line: 5, column: 10 });
    expect(error.message).toContain('spec.model.name is shared through the anchor &model');
    expect(error.message).toContain('would silently change that place too');
    expect(error.message).toContain('Inline the value');
  });

  test('a value inside an anchored node that an alias uses is refused, pointing at the anchor', () => {
    const error = refusal(shared, [{ doc: 0, ops: [{ op: 'set', path: ['defaults', 'name'], value: 'gpt-5.1' }] }]);
    expect(error).toMatchObject({ reason: 'alias', line: 1, column: 11 });
  });

  test('an anchored scalar, an alias itself, and a subtree holding a used anchor are refused', () => {
    const cases: DocEdit['ops'] = [
      { op: 'set', path: ['spec', 'fallback'], value: 'gpt-5.1' },
      { op: 'delete', path: ['spec', 'other'] },
      { op: 'delete', path: ['defaults'] },
      { op: 'set', path: ['spec', 'model', 'params', 'max_tokens'], value: 800 },
    ];
    for (const op of cases) expect(refusal(shared, [{ doc: 0, ops: [op] }]).reason).toBe('alias');
  });

  test('the rest of a document that uses aliases can be edited; setting an alias to its own value is no change', () => {
    const ops: DocEdit['ops'] = [
      { op: 'set', path: ['spec', 'instructions'], value: 'Be kind.' },
      { op: 'set', path: ['spec', 'model'], value: { provider: 'openai', name: 'gpt-4.1' } },
    ];
    expect(editYaml(shared, [{ doc: 0, ops }])).toBe(shared.replace('Be brief.', 'Be kind.'));
  });

  test('positions point into the caller’s source even after earlier ops moved lines', () => {
    const ops: DocEdit['ops'] = [
      { op: 'delete', path: ['defaults', 'provider'] },
      { op: 'set', path: ['spec', 'other'], value: 'x' },
    ];
    const source = shared.replace('defaults: &model\n  provider: openai\n', 'defaults:\n  provider: openai\n  keep: &model x\n');
    expect(refusal(source, [{ doc: 0, ops }])).toMatchObject({ reason: 'alias', line: 8, column: 10 });
  });
});

describe('other refusals', () => {
  test('a file that does not parse is a syntax error at the problem', () => {
    expect(refusal('a: 1\nb: [1, 2\nc: 3\n', [{ doc: 0, ops: [] }])).toMatchObject({ reason: 'syntax', line: 3 });
    expect(refusal('a: 1\na: 2\n', [{ doc: 0, ops: [] }])).toMatchObject({ reason: 'syntax', line: 2, column: 1 });
  });

  test('shapes the editor does not rewrite are unsupported, with a hint to edit by hand', () => {
    const cases: [string, DocEdit][] = [
      ['a: 1\n', { doc: 1, ops: [{ op: 'set', path: ['a'], value: 2 }] }],
      ['a: !!str 1\n', { doc: 0, ops: [{ op: 'set', path: ['a'], value: 2 }] }],
      ['a: text\n', { doc: 0, ops: [{ op: 'set', path: ['a', 'b'], value: 2 }] }],
      ['a: [1]\n', { doc: 0, ops: [{ op: 'set', path: ['a', 5], value: 2 }] }],
      ['a: 1\n', { doc: 0, ops: [{ op: 'set', path: [], value: {} }] }],
      ['a: 1\n', { doc: 0, ops: [{ op: 'set', path: ['a'], value: new Date(0) }] }],
    ];
    for (const [source, edit] of cases) {
      const error = refusal(source, [edit]);
      expect(error.reason).toBe('unsupported');
      expect(error.message).toMatch(/edit this value by hand|no document 2/);
    }
  });

  test('verification rejects text that does not read back as intended, naming the path', () => {
    const run = () => verify('a: 1\n', [{ a: 2 }], ['spec', 'model', 'name'], 0);
    expect(run).toThrow(EditFailure);
    expect(run).toThrow(/spec\.model\.name/);
    expect(() => verify('a: 1\n---\nb: 2\n', [{ a: 1 }], ['a'], 0)).toThrow(/2 documents instead of 1/);
    expect(() => verify('a: [\n', [{ a: [] }], ['a'], 0)).toThrow(/would not parse/);
  });

  test('an EditError carries 1-based line and column and its reason', () => {
    const error = refusal('a: 1\nb:\n  c: !!int 2\n', [{ doc: 0, ops: [{ op: 'set', path: ['b', 'c'], value: 3 }] }]);
    expect(error).toBeInstanceOf(EditError);
    expect(error).toMatchObject({ name: 'EditError', reason: 'unsupported', line: 3, column: 12 });
  });
});
