import { describe, expect, it } from 'vitest';
import type { HistoryAt, HistoryEvent } from '../../src/history/types.js';
import { escapeCell, renderAtMarkdown, renderHistoryMarkdown, renderTimelineMarkdown } from '../../src/render/history-markdown.js';
import { renderAtText, renderHistoryText, renderTimelineText } from '../../src/render/history-text.js';

const SHA1 = 'abc1234'.padEnd(40, '0');
const SHA2 = 'def5678'.padEnd(40, '0');
const GPT41 = { provider: 'openai', model: 'gpt-4.1' };
const GPT51 = { provider: 'openai', model: 'gpt-5.1' };

function event(agent: string, over: Partial<HistoryEvent> = {}): HistoryEvent {
  return {
    kind: 'model',
    commit: SHA1,
    date: '2026-11-20T09:00:00+01:00',
    author: 'alice',
    migration: 'gpt-4.1-to-gpt-5.1',
    pr: 12,
    agent,
    file: `agents/${agent}.yaml`,
    from: GPT41,
    to: GPT51,
    ...over,
  };
}

/** Newest first, as the command passes them. */
const EVENTS = [
  event('x', { commit: SHA2, date: '2026-11-21T10:00:00Z', author: 'bob', migration: null, pr: null, from: GPT51, to: { provider: 'anthropic', model: 'claude-sonnet-4.5' } }),
  ...Array.from({ length: 14 }, (_, i) => event(`agent-${i}`)),
];

const STATE: HistoryAt = {
  at: '2026-11-20T12:00:00.000Z',
  commit: SHA2,
  agents: [
    { agent: 'billing', file: 'agents/billing.yaml', ...GPT51, commit: SHA1 },
    { agent: 'triage', file: 'agents/support/triage.yaml', provider: 'anthropic', model: 'claude-sonnet-4.5', commit: SHA2 },
  ],
};

describe('text', () => {
  it('groups a commit’s agents by change, one aligned line each', () => {
    expect(renderHistoryText(EVENTS, 'none')).toBe(
      [
        '2026-11-21  def5678  bob    -                   -    openai/gpt-5.1 → anthropic/claude-sonnet-4.5  1 agent',
        '2026-11-20  abc1234  alice  gpt-4.1-to-gpt-5.1  #12  openai/gpt-4.1 → openai/gpt-5.1               14 agents',
        '',
      ].join('\n'),
    );
    expect(renderHistoryText([], 'No model changes.')).toBe('No model changes.\n');
  });

  it('shows a timeline with creations, deletions and files', () => {
    const timeline = [event('a', { commit: SHA2, from: GPT51, to: null, pr: null, migration: null }), event('a', { from: null, to: GPT41 })];
    expect(renderTimelineText('a', timeline, 'none')).toBe(
      [
        'a',
        '2026-11-20  def5678  alice  -                   -    deleted (was on openai/gpt-5.1)  agents/a.yaml',
        '2026-11-20  abc1234  alice  gpt-4.1-to-gpt-5.1  #12  created on openai/gpt-4.1        agents/a.yaml',
        '',
      ].join('\n'),
    );
  });

  it('lists the agents at a moment', () => {
    expect(renderAtText(STATE)).toBe(
      [
        'Agents at 2026-11-20T12:00:00.000Z (commit def5678)',
        'billing  openai/gpt-5.1               agents/billing.yaml         since abc1234',
        'triage   anthropic/claude-sonnet-4.5  agents/support/triage.yaml  since def5678',
        '',
      ].join('\n'),
    );
    expect(renderAtText({ at: STATE.at, commit: null, agents: [] })).toBe('Agents at 2026-11-20T12:00:00.000Z (before the first commit)\nNo agents.\n');
  });

  it('keeps control characters from commit metadata out of the terminal', () => {
    expect(renderHistoryText([event('a', { author: 'eve\u001b[2J\u0007' })], '')).toContain('eve?[2J?');
  });
});

describe('markdown', () => {
  it('renders a table with one row per commit and change', () => {
    expect(renderHistoryMarkdown(EVENTS, 'none')).toBe(
      [
        '| Date | Commit | Author | Migration | PR | Change | Agents |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| 2026-11-21 | `def5678` | bob | – | – | openai/gpt-5.1 → anthropic/claude-sonnet-4.5 | 1 |',
        '| 2026-11-20 | `abc1234` | alice | gpt-4.1-to-gpt-5.1 | #12 | openai/gpt-4.1 → openai/gpt-5.1 | 14 |',
        '',
      ].join('\n'),
    );
  });

  it('escapes an author named `@everyone | <b>` so it breaks nothing and pings no one', () => {
    const row = renderHistoryMarkdown([event('a', { author: '@everyone | <b>' })], '').split('\n')[2];
    expect(row).toBe('| 2026-11-20 | `abc1234` | @&#8203;everyone \\| &lt;b&gt; | gpt-4.1-to-gpt-5.1 | #12 | openai/gpt-4.1 → openai/gpt-5.1 | 1 |');
  });

  it('escapes markdown and HTML in any cell', () => {
    expect(escapeCell('*bold* _it_ [link](x) `code` ~s~ #1 a&b\nnext')).toBe('\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\~s\\~ \\#1 a&amp;b next');
  });

  it('renders the timeline and the state at a moment', () => {
    expect(renderTimelineMarkdown('a|b', [event('a|b', { from: null, to: GPT41 })], 'none')).toBe(
      [
        '### a\\|b',
        '',
        '| Date | Commit | Author | Migration | PR | Change | File |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| 2026-11-20 | `abc1234` | alice | gpt-4.1-to-gpt-5.1 | #12 | created on openai/gpt-4.1 | agents/a\\|b.yaml |',
        '',
      ].join('\n'),
    );
    expect(renderAtMarkdown(STATE).split('\n').slice(0, 4)).toEqual([
      'Agents at 2026-11-20T12:00:00.000Z (commit `def5678`)',
      '',
      '| Agent | Model | File | Since |',
      '| --- | --- | --- | --- |',
    ]);
  });
});
