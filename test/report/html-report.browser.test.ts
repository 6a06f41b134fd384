import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalReport } from '../../src/eval/types.js';
import { renderHtmlReport } from '../../src/report/index.js';
import { EXAMPLES_DIR } from '../helpers/examples.js';
import { runCli } from '../helpers/run-cli.js';

/** Debian's Chromium; scripts/ci-deps/chromium.sh installs it. Without it this suite fails rather than skips. */
const CHROMIUM = '/usr/bin/chromium';
const PLANTED = '<img src=x onerror="document.title=\'pwned\';window.__pwned=1">';

let dir: string;
let browser: Browser;
let report: EvalReport;
let file: string;
const results = () => report.agents.flatMap((a) => a.results);

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ci-deps/chromium.sh`);
  dir = await mkdtemp(join(tmpdir(), 'modelshift-html-'));
  // The examples' own eval, from their recorded answers.
  const run = await runCli(['eval', 'gpt-4.1-to-gpt-5.1', '--offline', '--format', 'json'], EXAMPLES_DIR);
  expect(run.stderr).toBe('');
  report = JSON.parse(run.stdout) as EvalReport;
  // A model that answers with markup: it must show as text and never run.
  const target = results().find((r) => r.side === 'head' && r.response)!;
  target.response!.text = `Sure. ${PLANTED} </pre></article><script>window.__pwned=2</script>`;
  file = join(dir, 'report.html');
  await writeFile(file, renderHtmlReport(report, { title: 'gpt-4.1-to-gpt-5.1' }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright gives every launch a fresh, empty profile directory of its own (it refuses --user-data-dir here).
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir && !process.env.KEEP_REPORT_DIR) await rm(dir, { recursive: true, force: true });
});

describe('the HTML report in headless Chromium', () => {
  it('shows the verdict, filters to regressions, searches, loads nothing and runs no planted markup', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    page.on('pageerror', (e) => void consoleErrors.push(e.message));
    page.on('request', (r) => void (r.url() !== pathToFileURL(file).href && requests.push(r.url())));
    await page.goto(pathToFileURL(file).href);

    const regressions = report.agents.reduce((n, a) => n + a.regressions.length, 0);
    const pairs = new Set(results().map((r) => `${r.agent}|${r.suite}|${r.case}|${r.repeat}`)).size;
    expect(regressions).toBeGreaterThan(0);
    expect(await page.textContent('#verdict')).toContain(report.gate.passed ? 'Gate passed' : 'Gate failed');
    for (const reason of report.gate.reasons) expect(await page.textContent('#verdict')).toContain(reason);
    expect(await page.textContent('h1')).toBe('modelshift eval: gpt-4.1-to-gpt-5.1');
    await expect.poll(() => page.textContent('#shown')).toBe(`${pairs} of ${pairs} shown`);

    await page.click('label[for=f-regression]');
    expect(await page.locator('article.case:visible').count()).toBe(regressions);
    expect(await page.textContent('#shown')).toBe(`${regressions} of ${pairs} shown`);

    await page.click('label[for=f-all]');
    const needle = results().find((r) => r.side === 'base')!.case;
    await page.fill('#q', needle);
    const matching = results().filter((r) => r.side === 'base' && r.case === needle).length;
    expect(await page.locator('article.case:visible').count()).toBeGreaterThanOrEqual(matching);
    expect(await page.locator('article.case:visible').count()).toBeLessThan(pairs);
    await page.fill('#q', 'no such text anywhere 9f8e7d');
    expect(await page.locator('article.case:visible').count()).toBe(0);
    await page.fill('#q', '');

    // The planted markup is text on the page, not elements, and it did not run.
    expect(await page.locator('article img, article script').count()).toBe(0);
    // A string, not a function: the test's own tsconfig has no DOM types.
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.title()).toBe('modelshift eval: gpt-4.1-to-gpt-5.1');
    expect(await page.locator('article.case pre', { hasText: PLANTED }).count()).toBe(1);

    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: false });
    expect((await stat(join(dir, 'report.png'))).size).toBeGreaterThan(10_000);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('opens the file `eval --output report.html` writes, with the same verdict and no console errors', async () => {
    const written = join(dir, 'cli-report.html');
    const run = await runCli(['eval', 'gpt-4.1-to-gpt-5.1', '--offline', '--output', written], EXAMPLES_DIR);
    expect(run.stderr).toBe('');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.goto(pathToFileURL(written).href);
    expect(await page.textContent('#verdict')).toContain(report.gate.passed ? 'Gate passed' : 'Gate failed');
    expect(await page.locator('table tbody tr').count()).toBe(report.agents.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is readable without JavaScript: verdict, table and every case, and the filters still work', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    const pairs = new Set(results().map((r) => `${r.agent}|${r.suite}|${r.case}|${r.repeat}`)).size;
    expect(await page.textContent('#verdict')).toMatch(/Gate (passed|failed)/);
    expect(await page.locator('table tbody tr').count()).toBe(report.agents.length);
    expect(await page.locator('article.case:visible').count()).toBe(pairs);
    expect(await page.locator('#q').isVisible()).toBe(false);
    await page.click('label[for=f-regression]');
    expect(await page.locator('article.case:visible').count()).toBe(report.agents.reduce((n, a) => n + a.regressions.length, 0));
    await context.close();
  });
});
