import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeStats } from '../../src/eval/stats.js';
import type { AgentReport, CaseDiff, CaseResult, EvalReport, SideStats } from '../../src/eval/types.js';
import { renderHtmlReport } from '../../src/report/index.js';
import { pairResults } from '../../src/report/html-cases.js';
import { response, result } from '../eval/fixtures.js';

const noPrice = () => undefined;

function side(results: CaseResult[], model: string): SideStats {
  return { provider: 'openai', model, ...computeStats(results, noPrice) };
}

/** The comparison's verdicts, as CaseDiffs (only suite and case are read by the page). */
function diffs(results: CaseResult[], when: (base: string, head: string) => boolean): CaseDiff[] {
  const head = (b: CaseResult) => results.find((r) => r.side === 'head' && r.case === b.case)!;
  return results.filter((b) => b.side === 'base' && when(b.status, head(b).status)).map((b) => ({ suite: b.suite, case: b.case, repeat: 1 }) as CaseDiff);
}

/** A report over `results` as the evaluation would shape it (the renderer only reads it). */
function reportOf(results: CaseResult[], gate = { passed: false, reasons: ['support-triage: pass rate dropped 50 pts (100.0% → 50.0%), more than the allowed 5 pts'] }): EvalReport {
  const agents: AgentReport[] = [...new Set(results.map((r) => r.agent))].map((name) => {
    const mine = results.filter((r) => r.agent === name);
    return {
      name,
      base: side(mine.filter((r) => r.side === 'base'), 'gpt-4.1'),
      head: side(mine.filter((r) => r.side === 'head'), 'gpt-5.1'),
      regressions: diffs(mine, (b, h) => b === 'pass' && h === 'fail'),
      improvements: diffs(mine, (b, h) => b !== 'pass' && h === 'pass'),
      failing: [],
      coverage: { cases: 0, evaluated: 0 },
      results: mine,
      significance: { test: 'mcnemar-exact', pairs: 0, discordant: 0, pValue: 1, significant: false, pWorse: 1, worse: false },
      errors: [],
    };
  });
  return {
    agents,
    skipped: [],
    summary: { base: computeStats(results.filter((r) => r.side === 'base'), noPrice), head: computeStats(results.filter((r) => r.side === 'head'), noPrice) },
    gate,
    calls: results.length,
    cached: 0,
    interrupted: false,
    costUsd: { models: null, judge: null, total: null },
  };
}

const r = (side: 'base' | 'head', name: string, status: CaseResult['status'], text: string, extra: Partial<CaseResult> = {}) =>
  result(status, { agent: 'support-triage', side, case: name, suite: 'tickets', response: response(text), assertions: [{ type: 'contains', pass: status === 'pass', reason: 'contains "refund"' }], ...extra });

const results = [
  r('base', 'refund', 'pass', 'We will refund order 1182 today.'),
  r('head', 'refund', 'fail', 'We will look at order 1182 today.'),
  r('base', 'greeting', 'fail', 'Hi'),
  r('head', 'greeting', 'pass', 'Hello there'),
  r('base', 'timeout', 'pass', 'fine'),
  { ...r('head', 'timeout', 'error', ''), response: undefined, assertions: [], error: { kind: 'timeout' as const, message: 'openai: no response before the timeout' } },
  r('base', 'same', 'pass', 'same words'),
  r('head', 'same', 'pass', 'same words'),
];

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(reportOf(results), { title: 'gpt-4.1-to-gpt-5.1' });

  it('puts the summary and the gate verdict first, then the agent table', () => {
    const verdictAt = html.indexOf('id="verdict"');
    expect(verdictAt).toBeGreaterThan(0);
    expect(verdictAt).toBeLessThan(html.indexOf('<table'));
    expect(html).toContain('✗ Gate failed<ul><li>support-triage: pass rate dropped 50 pts (100.0% → 50.0%), more than the allowed 5 pts</li></ul>');
    expect(html).toContain('<p class="summary">1 agent evaluated · pass rate 75% → 67% · 1 error · cost n/a · p95 latency ±0%</p>');
  });

  it('classifies every pair and counts the filters', () => {
    const byCase = Object.fromEntries(pairResults(reportOf(results)).map((p) => [p.case, p.categories]));
    expect(byCase).toEqual({ refund: ['regression', 'failing'], greeting: ['improved'], timeout: ['failing', 'error'], same: [] });
    for (const label of ['All (4)', 'Regressions (1)', 'Failing (2)', 'Improved (1)', 'Errors (1)']) expect(html).toContain(label);
    // Regressions come first.
    expect(html.indexOf('/ refund')).toBeLessThan(html.indexOf('/ greeting'));
  });

  it('shows a word-level diff: base marks what head dropped, head what it added', () => {
    expect(html).toContain('<pre>We will <del>refund</del> order 1182 today.</pre>');
    expect(html).toContain('<pre>We will <ins>look at</ins> order 1182 today.</pre>');
    expect(html).toContain('openai: no response before the timeout');
  });

  it('escapes everything a model or a user wrote and loads nothing', () => {
    const evil = [r('base', '<script>alert(1)</script>', 'pass', '<img src=x onerror=alert(1)>'), r('head', '<script>alert(1)</script>', 'fail', '"><svg onload=alert(2)>', { agent: 'support-triage', model: '"><b>m</b>' })];
    const page = renderHtmlReport(reportOf(evil), { title: '</title><script>x</script>' });
    expect(page).not.toMatch(/<img|<svg onload|<script>alert|<script>x|<b>m<\/b>/);
    expect(page.replace(/<\/?(del|ins)>/g, '')).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).not.toMatch(/\b(src|href)=/);
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
  });

  it('allows exactly its own style and script by hash in a strict CSP', () => {
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)![1]!.replace(/&#39;/g, "'");
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(html).not.toMatch(/ style=/);
  });

  it('keeps a 5,000-result report under 10 MB and clips a huge output', () => {
    const many: CaseResult[] = [];
    const sentence = 'Thanks for reaching out about your order; a refund of the duplicate charge is on its way and should arrive within five business days. ';
    for (let i = 0; i < 2_500; i++) {
      many.push(r('base', `case ${i}`, 'pass', `${sentence.repeat(3)}Order ${i}.`));
      many.push(r('head', `case ${i}`, i % 10 ? 'pass' : 'fail', `${sentence.repeat(2)}We looked into order ${i} and escalated it.`));
    }
    many[1] = r('head', 'case 0', 'fail', 'x'.repeat(200_000));
    const started = Date.now();
    const page = renderHtmlReport(reportOf(many));
    const seconds = (Date.now() - started) / 1000;
    expect(Buffer.byteLength(page)).toBeLessThan(10 * 1024 * 1024);
    expect(page).toContain('… 196000 more characters');
    expect(page.match(/<article /g)).toHaveLength(2_500);
    expect(seconds).toBeLessThan(20);
  });
});
