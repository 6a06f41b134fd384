import { describe, expect, it } from 'vitest';
import { planMigration } from '../../src/plan/plan.js';
import { codeSpan, escapeHtml, escapeMarkdown, stripControlChars } from '../../src/render/escape.js';
import { renderPlanMarkdown } from '../../src/render/plan-markdown.js';
import { PROVIDERS, agentYaml, workspaceFrom } from '../helpers/workspace.js';

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

/** Markdown outside code spans: where HTML renders and `@` pings. */
function outsideCode(markdown: string): string {
  return markdown.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

describe('markdown escaping', () => {
  it('strips every bidi override and isolate, in every escaping function', () => {
    const name = `support${BIDI.join('')}-triage`;
    for (const escaped of [stripControlChars(name), escapeMarkdown(name), escapeHtml(name), codeSpan(name)]) {
      expect([...escaped].some((c) => BIDI.includes(c))).toBe(false);
    }
    expect(stripControlChars(name)).toBe('support-triage');
  });

  it('keeps text with backticks and pipes inside one code span that cannot split a table row', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('a|b', true)).toBe('`a\\|b`');
  });
});

describe('plan markdown', () => {
  it('a hostile rename target cannot inject HTML, split the table or mention a team', () => {
    const evil = '<img src=x onerror=alert(1)>` | @acme/security |';
    const rule = `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: to-5-1 }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  params: { rename: { max_tokens: ${JSON.stringify(evil)} } }
`;
    const ws = workspaceFrom({ ...PROVIDERS, 'agents/a.yaml': agentYaml('support-a', 'gpt-4.1', '{ max_tokens: 100 }'), 'migrations/m.yaml': rule });
    const markdown = renderPlanMarkdown(planMigration(ws, ws.migrations.get('to-5-1')!));
    const row = markdown.split('\n').find((line) => line.startsWith('| support-a'))!;
    // Three cells: agent, file, change — the pipes of the target are escaped.
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(3);
    expect(outsideCode(row)).not.toMatch(/<img|@acme/);
  });
});
