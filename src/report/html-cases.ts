import { diffWords, type ChangeObject } from 'diff';
import { millis } from '../eval/format.js';
import type { CaseResult, CaseStatus, EvalReport } from '../eval/types.js';
import { esc } from './html-escape.js';

/** Characters of one output shown; the rest is counted, so one huge reply cannot bloat the page. */
export const MAX_OUTPUT_CHARS = 4_000;
/** Beyond this many edits a word diff stops being readable (and costs time); both sides are shown plain. */
const MAX_EDIT_LENGTH = 1_500;

export type Category = 'regression' | 'improved' | 'failing' | 'error';

/** One case run of one agent on both sides. */
export interface CasePair {
  agent: string;
  suite: string;
  case: string;
  repeat: number;
  base?: CaseResult;
  head?: CaseResult;
  categories: Category[];
}

/** Base and head results of each agent matched by suite, case and repeat, in the report's agent order. */
export function pairResults(report: EvalReport): CasePair[] {
  const pairs = new Map<string, CasePair>();
  for (const r of report.agents.flatMap((a) => a.results)) {
    const key = JSON.stringify([r.agent, r.suite, r.case, r.repeat]);
    let pair = pairs.get(key);
    if (!pair) {
      pair = { agent: r.agent, suite: r.suite, case: r.case, repeat: r.repeat, categories: [] };
      pairs.set(key, pair);
    }
    pair[r.side] = r;
  }
  const order = new Map(report.agents.map((a, i) => [a.name, i]));
  // Whether a case regressed or improved is the comparison's verdict (over all its repeats; errors never count).
  const verdict = new Map<string, Category>();
  for (const a of report.agents) {
    for (const d of a.regressions) verdict.set(JSON.stringify([a.name, d.suite, d.case]), 'regression');
    for (const d of a.improvements) verdict.set(JSON.stringify([a.name, d.suite, d.case]), 'improved');
  }
  const list = [...pairs.values()];
  for (const pair of list) pair.categories = categories(verdict.get(JSON.stringify([pair.agent, pair.suite, pair.case])), pair.base?.status, pair.head?.status);
  // Regressions first, then errors and failures: what a reviewer looks at before the rest.
  const rank = (p: CasePair) => (p.categories.includes('regression') ? 0 : p.categories.includes('error') ? 1 : p.categories.includes('failing') ? 2 : p.categories.includes('improved') ? 3 : 4);
  return list
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => (order.get(a.pair.agent) ?? 0) - (order.get(b.pair.agent) ?? 0) || rank(a.pair) - rank(b.pair) || a.index - b.index)
    .map(({ pair }) => pair);
}

function categories(verdict: Category | undefined, base: CaseStatus | undefined, head: CaseStatus | undefined): Category[] {
  const out: Category[] = verdict ? [verdict] : [];
  if (head === 'fail' || head === 'error') out.push('failing');
  if (base === 'error' || head === 'error') out.push('error');
  return out;
}

/** What a side said: its text and its tool calls, one per line, as the diff compares them. */
function spoken(r: CaseResult | undefined): string {
  if (!r?.response) return '';
  const calls = r.response.toolCalls.map((c) => `→ ${c.name}(${JSON.stringify(c.arguments)})`);
  return [r.response.text, ...calls].filter(Boolean).join('\n');
}

function clipped(text: string): { text: string; more: number } {
  return text.length > MAX_OUTPUT_CHARS ? { text: text.slice(0, MAX_OUTPUT_CHARS), more: text.length - MAX_OUTPUT_CHARS } : { text, more: 0 };
}

/** Word diff of the two outputs: base shows what head dropped (<del>), head what it added (<ins>). */
function diffSides(base: string, head: string): { base: string; head: string } {
  const changes: ChangeObject<string>[] | undefined = base && head && base !== head ? diffWords(base, head, { maxEditLength: MAX_EDIT_LENGTH }) : undefined;
  if (!changes) return { base: esc(base), head: esc(head) };
  let left = '';
  let right = '';
  for (const change of changes) {
    const text = esc(change.value);
    if (change.added) right += `<ins>${text}</ins>`;
    else if (change.removed) left += `<del>${text}</del>`;
    else {
      left += text;
      right += text;
    }
  }
  return { base: left, head: right };
}

const STATUS_LABEL: Record<CaseStatus, string> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR', 'not-run': 'NOT RUN' };

function side(name: 'base' | 'head', r: CaseResult | undefined, output: string, more: number): string {
  if (!r) return `<section class="side"><h4>${name}: no result</h4></section>`;
  const facts = [`${esc(r.provider)}/${esc(r.model)}`, r.response ? esc(millis(r.response.latencyMs)) : '', r.cached ? 'cached' : ''].filter(Boolean).join(' · ');
  const checks = r.assertions
    .map((a) => `<li class="${a.pass ? 'ok' : 'no'}">${a.pass ? '✓' : '✗'} <code>${esc(a.type)}</code> ${esc(a.reason)}${a.score !== undefined ? ` (score ${esc(String(a.score))})` : ''}</li>`)
    .join('');
  const error = r.error ? `<p class="err">${esc(r.error.kind)}: ${esc(r.error.message)}</p>` : '';
  const text = r.response ? `<pre>${output || '<i>(empty reply)</i>'}${more ? `\n<i>… ${more} more characters</i>` : ''}</pre>` : '';
  return `<section class="side"><h4><span class="st ${r.status}">${STATUS_LABEL[r.status]}</span> ${name} · ${facts}</h4>${error}${text}${checks ? `<ul>${checks}</ul>` : ''}</section>`;
}

const BADGE: Record<Category, string> = { regression: 'regression', improved: 'improved', failing: 'failing', error: 'error' };

/** One case as an article: both outputs side by side with the word diff, and every assertion's result. */
export function caseArticle(pair: CasePair, id: number): string {
  const base = clipped(spoken(pair.base));
  const head = clipped(spoken(pair.head));
  const diffed = diffSides(base.text, head.text);
  const classes = ['case', ...pair.categories.map((c) => `is-${c}`)].join(' ');
  const badges = pair.categories.map((c) => `<span class="badge ${c}">${BADGE[c]}</span>`).join(' ');
  const repeat = pair.repeat > 1 ? ` #${pair.repeat}` : '';
  return (
    `<article class="${classes}" id="case-${id}"><h3>${badges} <b>${esc(pair.agent)}</b> · ${esc(pair.suite)} / ${esc(pair.case)}${repeat}</h3>` +
    `<div class="sides">${side('base', pair.base, diffed.base, base.more)}${side('head', pair.head, diffed.head, head.more)}</div></article>`
  );
}
