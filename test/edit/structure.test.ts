import { describe, expect, test } from 'vitest';
import { editYaml } from '../../src/edit/index.js';
import type { EditOp } from '../../src/edit/index.js';

const edit = (source: string, ...ops: EditOp[]) => editYaml(source, [{ doc: 0, ops }]);

const agent = `spec:
  model:
    provider: openai   # provider
    name: gpt-4.1
    params: { temperature: 0.2, max_tokens: 800 }   # provider-native
  instructions: Be brief.
`;

describe('flow mappings keep their style', () => {
  test('set an existing value', () => {
    expect(edit(agent, { op: 'set', path: ['spec', 'model', 'params', 'temperature'], value: 1 })).toBe(agent.replace('temperature: 0.2', 'temperature: 1'));
  });

  test('rename as delete + set: the key moves to the end', () => {
    const out = edit(
      agent,
      { op: 'delete', path: ['spec', 'model', 'params', 'max_tokens'] },
      { op: 'set', path: ['spec', 'model', 'params', 'max_completion_tokens'], value: 800 },
    );
    expect(out).toBe(agent.replace('{ temperature: 0.2, max_tokens: 800 }', '{ temperature: 0.2, max_completion_tokens: 800 }'));
  });

  test('delete the first, then the last key: `{}` stays', () => {
    const first = edit(agent, { op: 'delete', path: ['spec', 'model', 'params', 'temperature'] });
    expect(first).toBe(agent.replace('{ temperature: 0.2, max_tokens: 800 }', '{ max_tokens: 800 }'));
    const both = edit(first, { op: 'delete', path: ['spec', 'model', 'params', 'max_tokens'] });
    expect(both).toBe(agent.replace('{ temperature: 0.2, max_tokens: 800 }', '{}'));
    expect(edit(both, { op: 'set', path: ['spec', 'model', 'params', 'reasoning_effort'], value: 'low' })).toBe(
      agent.replace('{ temperature: 0.2, max_tokens: 800 }', '{ reasoning_effort: low }'),
    );
  });

  test('a nested value added to a flow mapping is written in flow style', () => {
    const out = edit(agent, { op: 'set', path: ['spec', 'model', 'params', 'stop'], value: { at: ['END', 'a, b'] } });
    expect(out).toBe(agent.replace('max_tokens: 800 }', 'max_tokens: 800, stop: { at: [END, "a, b"] } }'));
  });

  test('a flow mapping written one entry per line gets its new entry on its own line', () => {
    const source = 'params: {\n  temperature: 0.2,  # t\n  max_tokens: 800  # m\n}\n';
    expect(edit(source, { op: 'set', path: ['params', 'top_p'], value: 1 })).toBe('params: {\n  temperature: 0.2,  # t\n  max_tokens: 800,  # m\n  top_p: 1\n}\n');
    expect(edit(source, { op: 'delete', path: ['params', 'max_tokens'] })).toBe('params: {\n  temperature: 0.2,  # t\n}\n');
    expect(edit(source, { op: 'delete', path: ['params', 'temperature'] })).toBe('params: {\n  max_tokens: 800  # m\n}\n');
  });
});

describe('block mappings', () => {
  const block = `spec:
  model:
    name: gpt-4.1   # model
    params:   # provider-native
      # sampling
      temperature: 0.2   # t
      max_tokens: 800
  instructions: |
    Be brief.

# the end
`;

  test('a new key lands after the last sibling, at its indentation', () => {
    expect(edit(block, { op: 'set', path: ['spec', 'model', 'params', 'top_p'], value: 0.9 })).toBe(block.replace('      max_tokens: 800\n', '      max_tokens: 800\n      top_p: 0.9\n'));
    expect(edit(block, { op: 'set', path: ['spec', 'owner'], value: 'team' })).toBe(block.replace('    Be brief.\n', '    Be brief.\n  owner: team\n'));
  });

  test('removing a key removes its line, same-line comment included, and nothing else', () => {
    expect(edit(block, { op: 'delete', path: ['spec', 'model', 'params', 'temperature'] })).toBe(block.replace('      temperature: 0.2   # t\n', ''));
  });

  test('removing a key with a nested block removes the block; comments above it stay', () => {
    expect(edit(block, { op: 'delete', path: ['spec', 'model', 'params'] })).toBe(block.replace(/ {4}params:[^]*max_tokens: 800\n/, ''));
    expect(edit(block, { op: 'delete', path: ['spec', 'instructions'] })).toBe(block.replace('  instructions: |\n    Be brief.\n', ''));
  });

  test('removing the last key of a block mapping leaves `key: {}`, the key comment kept', () => {
    const out = edit(block, { op: 'delete', path: ['spec', 'model', 'params', 'temperature'] }, { op: 'delete', path: ['spec', 'model', 'params', 'max_tokens'] });
    expect(out).toBe(block.replace(/params: {3}# provider-native\n[^]*max_tokens: 800\n/, 'params: {}   # provider-native\n      # sampling\n'));
  });

  test('removing the only key of a document leaves `{}`', () => {
    expect(edit('# top\nonly: 1   # c\n', { op: 'delete', path: ['only'] })).toBe('# top\n{}\n');
  });

  test('deleting a key that is not there changes nothing', () => {
    expect(edit(block, { op: 'delete', path: ['spec', 'model', 'params', 'top_p'] }, { op: 'delete', path: ['spec', 'rollout', 'weight'] })).toBe(block);
  });

  test('setting a whole mapping over an existing one rewrites only the entries that differ', () => {
    const out = edit(block, { op: 'set', path: ['spec', 'model'], value: { name: 'claude-sonnet-4.5', params: { max_tokens: 800 }, provider: 'anthropic' } });
    expect(out).toBe(
      block
        .replace('name: gpt-4.1   # model', 'name: claude-sonnet-4.5   # model')
        .replace('      temperature: 0.2   # t\n', '')
        .replace('      max_tokens: 800\n', '      max_tokens: 800\n    provider: anthropic\n'),
    );
  });
});

describe('new nested mappings', () => {
  test('a rollout mapping is written in block style with the file’s indentation step', () => {
    const source = 'spec:\n    model:\n        name: gpt-4.1\n    instructions: Be brief.   # short\n';
    const out = edit(source, {
      op: 'set',
      path: ['spec', 'rollout'],
      value: { migration: 'gpt-4.1-to-gpt-5.1', weight: 10, model: { provider: 'openai', name: 'gpt-5.1', params: { max_completion_tokens: 800 } } },
    });
    expect(out).toBe(
      source +
        [
          '    rollout:',
          '        migration: gpt-4.1-to-gpt-5.1',
          '        weight: 10',
          '        model:',
          '            provider: openai',
          '            name: gpt-5.1',
          '            params:',
          '                max_completion_tokens: 800',
          '',
        ].join('\n'),
    );
  });

  test('missing parents are created; an empty value becomes the parent', () => {
    expect(edit('spec:\n  model:\n    name: x\n', { op: 'set', path: ['spec', 'model', 'params', 'max_tokens'], value: 800 })).toBe(
      'spec:\n  model:\n    name: x\n    params:\n      max_tokens: 800\n',
    );
    expect(edit('spec:\n  params:   # none yet\n  x: 1\n', { op: 'set', path: ['spec', 'params', 'max_tokens'], value: 800 })).toBe(
      'spec:\n  params:   # none yet\n    max_tokens: 800\n  x: 1\n',
    );
  });

  test('lists are written in block style; a list of mappings starts each item on its `-` line', () => {
    const out = edit('spec:\n  name: x\n', { op: 'set', path: ['spec', 'tools'], value: [{ name: 'lookup', description: 'Find' }, 'plain'] });
    expect(out).toBe('spec:\n  name: x\n  tools:\n    - name: lookup\n      description: Find\n    - plain\n');
  });

  test('a scalar replaced by a mapping keeps its comment on the key line', () => {
    expect(edit('a: 1  # c\nb: 2\n', { op: 'set', path: ['a'], value: { x: 1 } })).toBe('a:  # c\n  x: 1\nb: 2\n');
    expect(edit('a:\n  x: 1\nb: 2\n', { op: 'set', path: ['a'], value: 'flat' })).toBe('a: flat\nb: 2\n');
  });
});

describe('sequences', () => {
  const source = 'models: [gpt-4.1, gpt-5.1]\ntools:\n  - name: a   # first\n    description: A\n  - name: b\n';

  test('append and delete items', () => {
    expect(edit(source, { op: 'set', path: ['models', 2], value: 'o3' }, { op: 'delete', path: ['models', 0] })).toBe(source.replace('[gpt-4.1, gpt-5.1]', '[gpt-5.1, o3]'));
    expect(edit(source, { op: 'set', path: ['tools', 2], value: { name: 'c' } })).toBe(`${source}  - name: c\n`);
    expect(edit(source, { op: 'delete', path: ['tools', 0] })).toBe('models: [gpt-4.1, gpt-5.1]\ntools:\n  - name: b\n');
  });

  test('deleting the last item leaves `[]`', () => {
    const out = edit(source, { op: 'delete', path: ['tools', 1] }, { op: 'delete', path: ['tools', 0] }, { op: 'delete', path: ['models', 1] }, { op: 'delete', path: ['models', 0] });
    expect(out).toBe('models: []\ntools: []\n');
  });

  test('the first key of an item mapping is removed from its `-` line', () => {
    expect(edit(source, { op: 'delete', path: ['tools', 0, 'name'] })).toBe('models: [gpt-4.1, gpt-5.1]\ntools:\n  - description: A\n  - name: b\n');
    expect(edit(source, { op: 'delete', path: ['tools', 1, 'name'] })).toBe('models: [gpt-4.1, gpt-5.1]\ntools:\n  - name: a   # first\n    description: A\n  - {}\n');
  });

  test('setting a list over a list changes only the items that differ', () => {
    expect(edit(source, { op: 'set', path: ['models'], value: ['gpt-4.1', 'gpt-5.2', 'o3'] })).toBe(source.replace('[gpt-4.1, gpt-5.1]', '[gpt-4.1, gpt-5.2, o3]'));
  });
});
