import { describe, expect, it } from 'vitest';
import type { AgentReport, EvalReport, SideStats, Stats } from '../../src/eval/types.js';
import { escapeHtml, escapeMarkdown, neutralizeMentions } from '../../src/render/escape.js';
import { renderEvalMarkdown } from '../../src/render/eval-markdown.js';
import { progressLine, renderEvalText } from '../../src/render/eval-text.js';

function stats(extra: Partial<Stats> = {}): Stats {
  return {
    passRate: 0.96,
    cases: 50,
    passed: 48,
    failed: 2,
    errors: 0,
    errorRate: 0,
    notRun: 0,
    costUsd: 0.0421,
    unpriced: [],
    latencyP50Ms: 640,
    latencyP95Ms: 1250,
    inputTokens: 48_200,
    outputTokens: 9_100,
    judge: { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
    ...extra,
  };
}

const hostile = 'Sorry @here </details><img src=x onerror=alert(1)> | **bold** `code` \u001b[31mred';

const triage: AgentReport = {
  name: 'support-triage',
  base: { provider: 'openai', model: 'gpt-4.1', ...stats() } satisfies SideStats,
  head: { provider: 'openai', model: 'gpt-5.1', ...stats({ passRate: 0.94, passed: 47, errors: 1, costUsd: 0.029, latencyP95Ms: 1400 }) },
  regressions: [
    {
      suite: 'support-tickets',
      case: 'refund <b>request</b> @acme/support',
      repeat: 1,
      base: { status: 'pass', output: 'We will refund order 1182.', toolCalls: [{ name: 'lookup_order', arguments: { id: '1182' } }], failed: [] },
      head: { status: 'fail', output: hostile, toolCalls: [], failed: [{ type: 'contains', pass: false, reason: 'does not contain "refund"' }] },
      passes: { base: { passed: 1, runs: 1 }, head: { passed: 0, runs: 1 } },
    },
  ],
  improvements: [
    {
      suite: 'support-tickets',
      case: 'greeting',
      repeat: 2,
      base: { status: 'fail', output: 'yo', toolCalls: [], failed: [{ type: 'regex', pass: false, reason: 'no match for /hello/' }] },
      head: { status: 'pass', output: 'hello', toolCalls: [], failed: [] },
      passes: { base: { passed: 1, runs: 3 }, head: { passed: 3, runs: 3 } },
    },
  ],
  failing: [
    {
      suite: 'support-tickets',
      case: 'warranty',
      repeat: 1,
      trend: 'same',
      base: { status: 'fail', output: 'base says no', toolCalls: [], failed: [{ type: 'contains', pass: false, reason: 'does not contain "warranty"' }] },
      head: { status: 'fail', output: 'head says no', toolCalls: [], failed: [{ type: 'contains', pass: false, reason: 'does not contain "warranty"' }] },
      passes: { base: { passed: 0, runs: 1 }, head: { passed: 0, runs: 1 } },
    },
  ],
  significance: { test: 'mcnemar-exact', pairs: 50, discordant: 1, pValue: 1, significant: false, pWorse: 0.5, worse: false },
  coverage: { cases: 50, evaluated: 49 },
  results: [],
  errors: [{ side: 'head', suite: 'support-tickets', case: 'timeout case', repeat: 1, kind: 'timeout', message: 'openai: no response before the timeout' }],
};

const report: EvalReport = {
  agents: [triage],
  skipped: [{ name: 'billing-bot', reason: 'no eval suite applies to this agent' }],
  summary: { base: stats(), head: stats({ passRate: 0.94, costUsd: 0.029, latencyP95Ms: 1400 }) },
  gate: { passed: true, reasons: [] },
  calls: 100,
  cached: 0,
  interrupted: false,
  costUsd: { models: 0.0711, judge: 0, total: 0.0711 },
};

describe('renderEvalMarkdown', () => {
  const md = renderEvalMarkdown(report);

  it('starts with the summary line, then the gate verdict', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('**Eval:** pass rate 96% → 94% · cost −31% · p95 latency +12%');
    expect(lines[2]).toBe('✅ **Gate passed**');
  });

  it('shows the agent table with changes and significance', () => {
    expect(md).toContain(
      '| support-triage | gpt-4.1 → gpt-5.1 | 96% → 94% | −2 pts | not significant (p = 1.0) | 0 → 1 | $0.042 → $0.029 (−31%) | 48.2k / 9.1k → 48.2k / 9.1k | 640 ms → 640 ms | 1.3 s → 1.4 s (+12%) |',
    );
  });

  it('escapes model output so it cannot close the details, inject HTML or ping anyone', () => {
    // Ours: one for the regression, one for the case failing on both sides, one for the errors; none from the output.
    expect(md.match(/<details>/g)).toHaveLength(3);
    expect(md.match(/<\/details>/g)).toHaveLength(3);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<b>');
    expect(md).not.toMatch(/@here|@acme/);
    expect(md).toContain('&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('@\u200dhere');
    expect(md).toContain('<summary>support-triage · support-tickets / refund &lt;b&gt;request&lt;/b&gt; @\u200dacme/support</summary>');
  });

  it('shows every case failing at head with the reason and both outputs, and names the improvements', () => {
    expect(md).toContain('### Failing at head, not regressions (1)');
    expect(md).toContain('<summary>support-triage · support-tickets / warranty — fails on both sides</summary>');
    expect(md).toContain('**Base** (gpt-4.1): ❌ fail — contains: does not contain "warranty"');
    expect(md).toContain('base says no');
    expect(md).toContain('head says no');
    expect(md).toContain('### Improvements (1)\n\n- support-triage · support-tickets / greeting (passed 1/3 → 3/3)');
    const text = renderEvalText(report, { color: false });
    expect(text).toContain('Failing at head, not regressions (1)');
    expect(text).toContain('    base: fail contains: does not contain "warranty"');
    expect(text).toContain('      head says no');
    expect(text).toContain('Improvements (1)\n  support-triage  support-tickets / greeting  passed 1/3 → 3/3');
  });

  it('lists failed gate checks, escaped', () => {
    const failed = renderEvalMarkdown({ ...report, gate: { passed: false, reasons: ['support-triage: pass rate 80.0% is below the minimum 85.0%', 'x_y: <script>'] } });
    expect(failed).toContain('❌ **Gate failed**\n- support-triage: pass rate 80.0% is below the minimum 85.0%\n- x\\_y: &lt;script&gt;');
  });

  it('caps the number of regressions and the output length', () => {
    const many = { ...triage, regressions: Array.from({ length: 5 }, () => triage.regressions[0]!) };
    const capped = renderEvalMarkdown({ ...report, agents: [many] }, { maxRegressions: 2, maxOutputChars: 10 });
    expect(capped.match(/<summary>support-triage · support-tickets \/ refund/g)).toHaveLength(2);
    expect(capped).toContain('…and 3 more (see the JSON report).');
    expect(capped).toContain('more characters)');
  });

  it('matches the snapshot', () => {
    expect(md).toMatchSnapshot();
  });
});

describe('renderEvalText', () => {
  it('has no colour unless asked, and strips control characters from model output', () => {
    const plain = renderEvalText(report, { color: false });
    expect(plain).not.toContain('\u001b');
    expect(plain.split('\n')[0]).toBe('Eval: pass rate 96% → 94% · cost −31% · p95 latency +12%');
    expect(plain).toContain('Regressions (1)');
    expect(plain).toContain('openai: no response before the timeout');
    expect(renderEvalText(report, { color: true })).toContain('\u001b[32m');
    expect(plain).toMatchSnapshot();
  });
});

describe('progressLine', () => {
  it('says how far the run is', () => {
    const last = { agent: 'a', side: 'head' as const, suite: 's', case: 'c', status: 'pass' as const };
    expect(progressLine({ done: 120, total: 400, calls: 80, cached: 40, errors: 2, last })).toBe('eval 120/400 · 80 calls · 40 cached · 2 errors');
  });
});

describe('escape helpers', () => {
  it('escapeMarkdown keeps one line, entities for HTML, backslashes for markdown, no pings', () => {
    expect(escapeMarkdown('a|b *c* _d_ [e](f) `g` #1 <h>&\n@team')).toBe('a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\#1 &lt;h&gt;&amp; @\u200dteam');
  });
  it('escapeHtml and neutralizeMentions', () => {
    expect(escapeHtml(`<a href="x">'@bob'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;@\u200dbob&#39;&lt;/a&gt;');
    expect(neutralizeMentions('mail me@example.com, @ alone')).toBe('mail me@\u200dexample.com, @ alone');
  });
});
