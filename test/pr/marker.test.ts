import { describe, expect, it } from 'vitest';
import { parseMarker, renderMarker, withMarker } from '../../src/pr/marker.js';

describe('PR body marker', () => {
  it('renders a hidden JSON comment and reads it back', () => {
    expect(renderMarker({ migration: 'gpt-4.1-to-gpt-5.1', planHash: 'abc' })).toBe(
      '<!-- modelshift {"tool":"modelshift","migration":"gpt-4.1-to-gpt-5.1","planHash":"abc"} -->',
    );
    const body = withMarker('## Migration\n\ntext\n', { migration: 'm', planHash: 'h' });
    expect(body).toBe('## Migration\n\ntext\n\n<!-- modelshift {"tool":"modelshift","migration":"m","planHash":"h"} -->\n');
    expect(parseMarker(body)).toEqual({ tool: 'modelshift', migration: 'm', planHash: 'h' });
  });

  it('replaces an existing marker instead of adding a second', () => {
    const once = withMarker('text', { migration: 'm', planHash: 'h1' });
    const twice = withMarker(once, { migration: 'm', planHash: 'h2' });
    expect(twice.match(/<!-- modelshift/g)).toHaveLength(1);
    expect(parseMarker(twice)?.planHash).toBe('h2');
  });

  it('cannot be closed early by a value', () => {
    const body = withMarker('x', { migration: 'evil --> <b>', planHash: 'h' });
    expect(body).not.toContain('evil -->');
    expect(parseMarker(body)?.migration).toBe('evil --> <b>');
  });

  it('ignores bodies without a valid marker', () => {
    expect(parseMarker('no marker')).toBeUndefined();
    expect(parseMarker('<!-- modelshift {not json} -->')).toBeUndefined();
    expect(parseMarker('<!-- modelshift {"tool":"other","migration":"m","planHash":"h"} -->')).toBeUndefined();
  });
});
