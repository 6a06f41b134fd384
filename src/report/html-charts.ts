import { millis, percent, usd } from '../eval/format.js';
import type { AgentReport, CaseResult } from '../eval/types.js';
import { esc } from './html-escape.js';

/*
 * Inline SVG charts. Only presentation attributes, never `style=`: the page's
 * CSP allows the one hashed <style> element and no inline styles.
 */

const LABEL_WIDTH = 180;
const BAR_AREA = 420;
const BAR = 12;
const ROW = 2 * BAR + 14;

interface Series {
  label: string;
  base: number | null;
  head: number | null;
}

/** Horizontal bars, base above head, one pair per agent, scaled to `max`. */
function pairedBars(title: string, rows: Series[], max: number, format: (v: number | null) => string): string {
  const height = rows.length * ROW + 28;
  const width = LABEL_WIDTH + BAR_AREA + 90;
  const scale = (v: number | null) => (v === null || max <= 0 ? 0 : Math.max(1, (v / max) * BAR_AREA));
  const body = rows
    .map((row, i) => {
      const y = 24 + i * ROW;
      const bar = (v: number | null, dy: number, cls: string) =>
        `<rect class="${cls}" x="${LABEL_WIDTH}" y="${y + dy}" width="${scale(v).toFixed(1)}" height="${BAR}"/>` +
        `<text class="v" x="${(LABEL_WIDTH + scale(v) + 4).toFixed(1)}" y="${y + dy + BAR - 2}">${esc(format(v))}</text>`;
      return `<text class="l" x="${LABEL_WIDTH - 6}" y="${y + BAR + 4}" text-anchor="end">${esc(clip(row.label, 26))}</text>${bar(row.base, 0, 'b')}${bar(row.head, BAR + 2, 'h')}`;
    })
    .join('');
  return svg(title, width, height, `${legend(LABEL_WIDTH)}${body}`);
}

export function passRateChart(agents: AgentReport[]): string {
  return pairedBars('Pass rate per agent, base vs head', agents.map((a) => ({ label: a.name, base: a.base.passRate, head: a.head.passRate })), 1, (v) => percent(v));
}

export function costChart(agents: AgentReport[]): string {
  const rows = agents.map((a) => ({ label: a.name, base: a.base.costUsd, head: a.head.costUsd }));
  const max = Math.max(0, ...rows.flatMap((r) => [r.base ?? 0, r.head ?? 0]));
  return pairedBars('Model cost per agent, base vs head', rows, max, usd);
}

const BINS = 16;

/** Histogram of call latencies over every result with an answer, base and head side by side in each bin. */
export function latencyChart(results: CaseResult[]): string {
  const latencies = { base: [] as number[], head: [] as number[] };
  for (const r of results) if (r.response) latencies[r.side].push(r.response.latencyMs);
  const all = [...latencies.base, ...latencies.head];
  if (!all.length) return '<p class="muted">No latencies: no call answered.</p>';
  // Bins of a round width (1, 2 or 5 × 10ⁿ ms, at least 1 ms) whose edges, written out, all differ.
  const step = roundStep((Math.max(...all) - Math.min(...all)) / BINS);
  const low = Math.floor(Math.min(...all) / step) * step;
  const high = low + step * BINS;
  const label = (ms: number) => (step < 100 ? `${Math.round(ms)} ms` : millis(ms));
  const count = (values: number[]) => {
    const bins = new Array<number>(BINS).fill(0);
    for (const v of values) bins[Math.min(BINS - 1, Math.floor((v - low) / step))]!++;
    return bins;
  };
  const base = count(latencies.base);
  const head = count(latencies.head);
  const tallest = Math.max(1, ...base, ...head);
  const plot = { x: 50, y: 24, width: 560, height: 160 };
  const slot = plot.width / BINS;
  const bars = base
    .map((b, i) => {
      const x = plot.x + i * slot;
      const h = (n: number) => (n / tallest) * plot.height;
      const rect = (n: number, dx: number, cls: string) =>
        `<rect class="${cls}" x="${(x + dx).toFixed(1)}" y="${(plot.y + plot.height - h(n)).toFixed(1)}" width="${(slot / 2 - 2).toFixed(1)}" height="${h(n).toFixed(1)}"><title>${n} ${cls === 'b' ? 'base' : 'head'} calls from ${esc(label(low + i * step))} to ${esc(label(low + (i + 1) * step))}</title></rect>`;
      return rect(b, 1, 'b') + rect(head[i]!, slot / 2, 'h');
    })
    .join('');
  const axis =
    `<line class="axis" x1="${plot.x}" y1="${plot.y + plot.height}" x2="${plot.x + plot.width}" y2="${plot.y + plot.height}"/>` +
    `<text class="v" x="${plot.x}" y="${plot.y + plot.height + 14}">${esc(label(low))}</text>` +
    `<text class="v" x="${plot.x + plot.width}" y="${plot.y + plot.height + 14}" text-anchor="end">${esc(label(high))}</text>` +
    `<text class="v" x="${plot.x - 4}" y="${plot.y + 8}" text-anchor="end">${tallest}</text>`;
  return svg('Latency distribution of all calls, base vs head', plot.x + plot.width + 20, plot.y + plot.height + 24, `${legend(plot.x)}${bars}${axis}`);
}

/** The smallest of 1, 2, 5, 10, 20, 50 … that is at least `raw`. */
function roundStep(raw: number): number {
  let step = 1;
  for (let decade = 1; step < raw; decade *= 10) step = [1, 2, 5, 10].map((m) => m * decade).find((s) => s >= raw) ?? 10 * decade;
  return step;
}

function legend(x: number): string {
  return `<rect class="b" x="${x}" y="4" width="10" height="10"/><text class="v" x="${x + 14}" y="13">base</text><rect class="h" x="${x + 60}" y="4" width="10" height="10"/><text class="v" x="${x + 74}" y="13">head</text>`;
}

function svg(title: string, width: number, height: number, body: string): string {
  return `<figure><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${esc(title)}</title>${body}</svg></figure>`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
