import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { indexPositions, locate } from '../../src/workspace/positions.js';

function positionsOf(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return indexPositions(doc.contents, lines);
}

const TEXT = `# modeline
apiVersion: modelshift.dev/v1
metadata:
  name: triage
  labels: { team: support, tier: prod }
spec:
  model:
    params:
      temperature: 0.2
  tools:
    - name: lookup
      description: Looks up
    - { name: refund }
  instructions:
`;

describe('indexPositions + locate', () => {
  const positions = positionsOf(TEXT);

  it('finds keys and values in block mappings', () => {
    expect(locate(positions, 'metadata.name', 'key')).toEqual([4, 3]);
    expect(locate(positions, 'metadata.name', 'value')).toEqual([4, 9]);
    expect(locate(positions, 'spec.model.params.temperature', 'value')).toEqual([9, 20]);
  });

  it('finds keys and values in flow mappings', () => {
    expect(locate(positions, 'metadata.labels.tier', 'key')).toEqual([5, 28]);
    expect(locate(positions, 'metadata.labels.tier', 'value')).toEqual([5, 34]);
  });

  it('finds list items by index, block and flow', () => {
    expect(locate(positions, 'spec.tools.0', 'key')).toEqual([11, 7]);
    expect(locate(positions, 'spec.tools.1', 'value')).toEqual([13, 7]);
    expect(locate(positions, 'spec.tools.1.name', 'value')).toEqual([13, 15]);
  });

  it('points a missing key at the nearest key that exists (the parent key, §7)', () => {
    expect(locate(positions, 'spec.model.name', 'key')).toEqual([7, 3]);
    expect(locate(positions, 'spec.model.params.top_p.deeper', 'key')).toEqual([8, 5]);
  });

  it('points a key without a value at the key', () => {
    expect(locate(positions, 'spec.instructions', 'value')).toEqual([14, 3]);
  });

  it('leaves the top level to the caller', () => {
    expect(locate(positions, '', 'key')).toBeUndefined();
    expect(locate(positions, 'kind', 'key')).toBeUndefined();
  });

  it('does not confuse a path with a longer one that starts the same', () => {
    const p = positionsOf('ab: 1\na: 2\n');
    expect(locate(p, 'a', 'key')).toEqual([2, 1]);
  });

  it('keeps keys holding dots whole', () => {
    const p = positionsOf('models:\n  gpt-4.1:\n    price: 1\n');
    expect(locate(p, 'models.gpt-4.1', 'key')).toEqual([2, 3]);
    expect(locate(p, 'models.gpt-4.1.price', 'value')).toEqual([3, 12]);
    expect(locate(p, 'models.gpt-4.1.checked', 'key')).toEqual([2, 3]);
  });

  it('counts columns in characters, not bytes', () => {
    const p = positionsOf('description: "Café"\nname: x\n');
    expect(locate(p, 'name', 'value')).toEqual([2, 7]);
    expect(locate(positionsOf('a: "é"\nb: { c: 1 }\n'), 'b.c', 'key')).toEqual([2, 6]);
  });

  it('skips keys holding a newline or tab and points under them at the parent', () => {
    const p = positionsOf('spec:\n  "odd\\nkey":\n    x: 1\n');
    expect(p.index).not.toContain('odd');
    expect(locate(p, 'spec.odd\nkey.x', 'key')).toEqual([1, 1]);
  });
});
