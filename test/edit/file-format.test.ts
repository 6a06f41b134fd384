import { describe, expect, test } from 'vitest';
import { editYaml } from '../../src/edit/index.js';
import type { DocEdit } from '../../src/edit/index.js';

const migrate: DocEdit['ops'] = [
  { op: 'set', path: ['spec', 'model', 'name'], value: 'gpt-5.1' },
  { op: 'delete', path: ['spec', 'model', 'params', 'max_tokens'] },
  { op: 'set', path: ['spec', 'model', 'params', 'max_completion_tokens'], value: 800 },
  { op: 'delete', path: ['spec', 'model', 'params', 'temperature'] },
];

describe('line endings and byte-order mark', () => {
  const lf = [
    'spec:',
    '  model:',
    '    name: gpt-4.1',
    '    params:',
    '      temperature: 0.2',
    '      max_tokens: 800',
    '  instructions: |',
    '    Be brief.',
    '',
  ].join('\n');
  const migrated = [
    'spec:',
    '  model:',
    '    name: gpt-5.1',
    '    params:',
    '      max_completion_tokens: 800',
    '  instructions: |',
    '    Be brief.',
    '  rollout:',
    '    weight: 10',
    '',
  ].join('\n');
  const ops: DocEdit['ops'] = [...migrate, { op: 'set', path: ['spec', 'rollout', 'weight'], value: 10 }];

  test('CRLF stays CRLF, new lines included', () => {
    const out = editYaml(lf.replaceAll('\n', '\r\n'), [{ doc: 0, ops }]);
    expect(out).toBe(migrated.replaceAll('\n', '\r\n'));
  });

  test('a block scalar rewritten in a CRLF file uses CRLF', () => {
    const out = editYaml(lf.replaceAll('\n', '\r\n'), [{ doc: 0, ops: [{ op: 'set', path: ['spec', 'instructions'], value: 'One.\nTwo.\n' }] }]);
    expect(out).toBe(lf.replace('    Be brief.', '    One.\n    Two.').replaceAll('\n', '\r\n'));
  });

  test('a UTF-8 BOM stays at the start, also when the first key goes', () => {
    const bom = '\uFEFF';
    expect(editYaml(bom + lf, [{ doc: 0, ops }])).toBe(bom + migrated);
    expect(editYaml(`${bom}a: 1\nb: 2\n`, [{ doc: 0, ops: [{ op: 'delete', path: ['a'] }] }])).toBe(`${bom}b: 2\n`);
  });

  test('a file without a final line break keeps it that way', () => {
    expect(editYaml('a: 1\nb: 2', [{ doc: 0, ops: [{ op: 'set', path: ['c'], value: 3 }] }])).toBe('a: 1\nb: 2\nc: 3');
    expect(editYaml('a: 1\nb: 2', [{ doc: 0, ops: [{ op: 'delete', path: ['b'] }] }])).toBe('a: 1');
  });
});

describe('comments on every line', () => {
  const source = [
    '# yaml-language-server: $schema=https://example.com/agent.schema.json',
    'apiVersion: modelshift.dev/v1   # version',
    'kind: Agent # kind',
    '# metadata follows',
    'metadata:   # meta',
    '  name: support-triage   # unique',
    '',
    'spec: # spec',
    '  model: # model',
    '    # which provider',
    '    provider: openai # provider',
    "    name: 'gpt-4.1' # name",
    '    params: # params',
    '      temperature: 0.2 # temperature',
    '      # the budget',
    '      max_tokens: 800 # max_tokens',
    '  # trailing comment',
    '',
  ].join('\n');

  test('only the changed values move; a new key follows the last key, not the comments after it', () => {
    const out = editYaml(source, [{ doc: 0, ops: migrate }]);
    expect(out).toBe(
      source
        .replace("'gpt-4.1' # name", "'gpt-5.1' # name")
        .replace('      temperature: 0.2 # temperature\n', '      max_completion_tokens: 800\n')
        .replace('      max_tokens: 800 # max_tokens\n', ''),
    );
  });
});

describe('multi-document files', () => {
  const doc0 = '# first\nkind: Provider\nspec:\n  type: openai   # type\n';
  const doc1 = '# second\nkind: Agent\nspec:\n  model:\n    name: gpt-4.1\n    params: { temperature: 0.2, max_tokens: 800 }\n';
  const doc2 = 'kind: Agent\nspec:\n  model:\n    name: gpt-4.1\n';

  test('editing document 1 leaves documents 0 and 2 byte-identical', () => {
    const source = `${doc0}---\n${doc1}---\n${doc2}`;
    const out = editYaml(source, [{ doc: 1, ops: migrate }]);
    expect(out).toBe(`${doc0}---\n${doc1.replace('gpt-4.1', 'gpt-5.1').replace('{ temperature: 0.2, max_tokens: 800 }', '{ max_completion_tokens: 800 }')}---\n${doc2}`);
  });

  test('a key added to the last mapping of a document stays in that document', () => {
    const source = `${doc0}...\n---\n${doc1}`;
    const out = editYaml(source, [{ doc: 0, ops: [{ op: 'set', path: ['spec', 'apiKeyEnv'], value: 'OPENAI_API_KEY' }] }]);
    expect(out).toBe(`${doc0}  apiKeyEnv: OPENAI_API_KEY\n...\n---\n${doc1}`);
  });

  test('edits to several documents in one call', () => {
    const source = `${doc0}---\n${doc1}`;
    const out = editYaml(source, [
      { doc: 1, ops: [{ op: 'set', path: ['spec', 'model', 'name'], value: 'gpt-5.1' }] },
      { doc: 0, ops: [{ op: 'set', path: ['spec', 'type'], value: 'anthropic' }] },
    ]);
    expect(out).toBe(`${doc0.replace('openai', 'anthropic')}---\n${doc1.replace('gpt-4.1', 'gpt-5.1')}`);
  });
});

describe('idempotency', () => {
  test('applying the same ops to the result changes nothing', () => {
    const source = "spec:\n  model:\n    name: 'gpt-4.1'\n    params: { temperature: 0.2, max_tokens: 800 }\n  instructions: |\n    Be brief.\n";
    const ops: DocEdit[] = [
      {
        doc: 0,
        ops: [
          ...migrate,
          { op: 'set', path: ['spec', 'instructions'], value: 'Be brief.\nBe kind.\n' },
          { op: 'set', path: ['spec', 'rollout'], value: { migration: 'm', weight: 10 } },
        ],
      },
    ];
    const once = editYaml(source, ops);
    expect(editYaml(once, ops)).toBe(once);
    expect(editYaml(source, [])).toBe(source);
  });
});
