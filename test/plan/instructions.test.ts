import { describe, expect, it } from 'vitest';
import { adaptInstructions } from '../../src/plan/instructions.js';

describe('adaptInstructions', () => {
  it('replaces every occurrence and appends a new paragraph, keeping the trailing newline', () => {
    const result = adaptInstructions('Be verbose.\nHelp.\nBe verbose.\n', { replace: [{ find: 'Be verbose.', with: 'Be brief.' }], append: 'Answer in three sentences.' });
    expect(result).toEqual({ text: 'Be brief.\nHelp.\nBe brief.\n\nAnswer in three sentences.\n', warnings: [] });
  });

  it('warns when a find matches nothing instead of doing nothing silently', () => {
    const result = adaptInstructions('Hello.', { replace: [{ find: 'Bye.', with: 'x' }] });
    expect(result.text).toBe('Hello.');
    expect(result.warnings).toEqual(['instructions: "Bye." was not found, so it was not replaced']);
  });

  it('appends to text without a trailing newline without adding one', () => {
    expect(adaptInstructions('One line', { append: 'Two.' }).text).toBe('One line\n\nTwo.');
  });
});
