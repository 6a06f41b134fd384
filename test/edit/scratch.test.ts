import { test } from 'vitest';
import { editYaml } from '../../src/edit/index.js';
import type { DocEdit } from '../../src/edit/index.js';

const agent = `# yaml-language-server: $schema=x
apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: support-triage         # unique
  labels: { team: support, tier: prod }
spec:
  model:
    provider: openai
    name: 'gpt-4.1'   # model
    params:                    # provider-native
      temperature: 0.2
      max_tokens: 800
  instructions: |
    You are the triage agent.  
    Be brief.

  tools:
    - name: lookup_order
      description: Look up
`;
function show(label: string, src: string, edits: DocEdit[]) {
  try {
    const out = editYaml(src, edits);
    console.log(`=== ${label}\n${out.replace(/\r/g, '\\r')}`);
  } catch (e) {
    console.log(`=== ${label} THROWS`, e);
  }
}
test('scratch', () => {
  show('name', agent, [{ doc: 0, ops: [{ op: 'set', path: ['spec', 'model', 'name'], value: 'gpt-5.1' }] }]);
  show('name 4.1', agent, [{ doc: 0, ops: [{ op: 'set', path: ['metadata', 'name'], value: '4.1' }] }]);
  show('rename', agent, [{ doc: 0, ops: [
    { op: 'delete', path: ['spec', 'model', 'params', 'max_tokens'] },
    { op: 'set', path: ['spec', 'model', 'params', 'max_completion_tokens'], value: 800 },
    { op: 'delete', path: ['spec', 'model', 'params', 'temperature'] },
  ] }]);
  show('delete all params', agent, [{ doc: 0, ops: [
    { op: 'delete', path: ['spec', 'model', 'params', 'max_tokens'] },
    { op: 'delete', path: ['spec', 'model', 'params', 'temperature'] },
  ] }]);
  show('labels', agent, [{ doc: 0, ops: [
    { op: 'delete', path: ['metadata', 'labels', 'team'] },
    { op: 'set', path: ['metadata', 'labels', 'owner'], value: 'x y' },
    { op: 'delete', path: ['metadata', 'labels', 'tier'] },
    { op: 'delete', path: ['metadata', 'labels', 'owner'] },
  ] }]);
  show('rollout', agent, [{ doc: 0, ops: [
    { op: 'set', path: ['spec', 'rollout'], value: { migration: 'a-to-b', weight: 10, model: { provider: 'openai', name: 'gpt-5.1', params: { max_completion_tokens: 800 } } } },
  ] }]);
  show('instructions', agent, [{ doc: 0, ops: [
    { op: 'set', path: ['spec', 'instructions'], value: 'You are new.  \nBe terse.\n' },
  ] }]);
  show('instructions strip', agent, [{ doc: 0, ops: [
    { op: 'set', path: ['spec', 'instructions'], value: 'You are new.\nBe terse.' },
  ] }]);
  show('tools', agent, [{ doc: 0, ops: [
    { op: 'set', path: ['spec', 'tools', 1], value: { name: 'x', description: 'multi\nline' } },
    { op: 'delete', path: ['spec', 'tools', 0] },
  ] }]);
  show('crlf', agent.replace(/\n/g, '\r\n'), [{ doc: 0, ops: [
    { op: 'set', path: ['spec', 'rollout', 'weight'], value: 10 },
    { op: 'set', path: ['spec', 'instructions'], value: 'a\nb' },
    { op: 'delete', path: ['spec', 'tools'] },
  ] }]);
  show('model whole', agent, [{ doc: 0, ops: [
    { op: 'set', path: ['spec', 'model'], value: { provider: 'anthropic', name: 'claude', params: { max_tokens: 800 } } },
  ] }]);
  show('alias', 'a: &x\n  p: 1\nb: *x\n', [{ doc: 0, ops: [{ op: 'set', path: ['b', 'p'], value: 2 }] }]);
  show('alias2', 'a: &x\n  p: 1\nb: *x\n', [{ doc: 0, ops: [{ op: 'set', path: ['a', 'p'], value: 2 }] }]);
});
