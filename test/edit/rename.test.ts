import { describe, expect, it } from 'vitest';
import { EditError, editYaml } from '../../src/edit/index.js';

const rename = (source: string, path: string[], to: string) => editYaml(source, [{ doc: 0, ops: [{ op: 'rename', path, to }] }]);

describe('rename op', () => {
  it('renames a block key where it stands, keeping its value, comments and line', () => {
    const source = 'params:\n  # cap\n  max_tokens: 800   # tuned\n  temperature: 0.2\n';
    expect(rename(source, ['params', 'max_tokens'], 'max_completion_tokens')).toBe(
      'params:\n  # cap\n  max_completion_tokens: 800   # tuned\n  temperature: 0.2\n',
    );
  });

  it('renames inside a flow map and keeps CRLF', () => {
    const source = 'params: { max_tokens: 600, top_p: 0.9 }\r\nname: x\r\n';
    expect(rename(source, ['params', 'max_tokens'], 'max_completion_tokens')).toBe('params: { max_completion_tokens: 600, top_p: 0.9 }\r\nname: x\r\n');
  });

  it('quotes a new key that would not read back as the same string', () => {
    expect(rename('a:\n  b: 1\n', ['a', 'b'], 'true')).toBe('a:\n  "true": 1\n');
  });

  it('does nothing when the key is missing, and refuses to overwrite an existing key', () => {
    expect(rename('a: 1\n', ['b'], 'c')).toBe('a: 1\n');
    expect(() => rename('a: 1\nb: 2\n', ['a'], 'b')).toThrow(EditError);
  });
});

describe('a phrase replaced inside a block scalar', () => {
  it('is replaced where it stands, so a folded scalar keeps its line breaks', () => {
    const source = 'spec:\n  instructions: >-\n    Line one\n    Be verbose.\n    Line three\n  x: 1\n';
    const out = editYaml(source, [{ doc: 0, ops: [{ op: 'set', path: ['spec', 'instructions'], value: 'Line one Be brief: two sentences. Line three' }] }]);
    expect(out).toBe('spec:\n  instructions: >-\n    Line one\n    Be brief: two sentences.\n    Line three\n  x: 1\n');
  });
});
