import { createServer, type Server } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/litellm/model_prices_and_context_window.json');
const NOW = new Date('2026-12-01T09:00:00Z');
let tmp: string;
let server: Server;
let url: string;
let requests = 0;
let status = 200;

function workspace(name: string, sources: string): string {
  const root = path.join(tmp, name);
  mkdirSync(path.join(root, 'vendor'), { recursive: true });
  copyFileSync(FIXTURE, path.join(root, 'vendor/litellm.json'));
  writeFileSync(path.join(root, 'modelshift.yaml'), `apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: ws }\nspec:\n  catalog:\n    sources:\n${sources}`);
  return root;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'modelshift-catalog-'));
  const body = await import('node:fs').then((fs) => fs.readFileSync(FIXTURE));
  server = createServer((_req, res) => {
    requests++;
    res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? body : '{"error":"nope"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/model_prices_and_context_window.json`;
});
afterAll(() => {
  server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('modelshift catalog', () => {
  it('show: every fact with where it came from, a vendored LiteLLM file filling a missing retirement date', async () => {
    const root = workspace('show', '      - { type: litellm, path: vendor/litellm.json }\n');
    const text = await runCli(['catalog', 'show', 'gpt-5.2'], root, {}, NOW);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/retirement\s+retires 2027-06-30 \(in 211 days\)\s+\[vendor\/litellm\.json\]/);
    expect(text.stdout).toMatch(/price\s+\$1\.75 in \/ \$14 out per MTok\s+\[built-in\]/);
    const json = JSON.parse((await runCli(['--format', 'json', 'catalog', 'show', 'gpt-5.2-2025-12-11'], root, {}, NOW)).stdout) as { id: string; origins: Record<string, string> };
    expect(json.id).toBe('gpt-5.2');
    expect(json.origins).toMatchObject({ retires: 'vendor/litellm.json', price: 'built-in', contextWindow: 'built-in' });
  });

  it('show: the batch discount of the model\'s provider, with the page it was read from', async () => {
    const root = workspace('batch', '      - { type: litellm, path: vendor/litellm.json }\n');
    const text = await runCli(['catalog', 'show', 'gpt-5.2'], root, {}, NOW);
    expect(text.stdout).toContain('  batch discount  50% off input and output tokens (eval --batch)  [https://help.openai.com/en/articles/9197833-batch-api-faq]\n');
    const json = JSON.parse((await runCli(['--format', 'json', 'catalog', 'show', 'claude-sonnet-4-6'], root, {}, NOW)).stdout) as { batch: unknown };
    expect(json.batch).toEqual({ discount: 0.5, source: 'https://platform.claude.com/docs/en/build-with-claude/batch-processing', checked: '2026-12-01' });
    const markdown = await runCli(['--format', 'markdown', 'catalog', 'show', 'claude-sonnet-4-6'], root, {}, NOW);
    expect(markdown.stdout).toContain('| batch discount | 50% off input and output tokens (eval --batch) | https://platform.claude.com/docs/en/build-with-claude/batch-processing |');
  });

  it('list and diff refuse a model argument, pointing at show', async () => {
    const root = workspace('extra', '      - { type: litellm, path: vendor/litellm.json }\n');
    const list = await runCli(['catalog', 'list', 'gpt-4.1'], root, {}, NOW);
    expect(list.code).toBe(2);
    expect(list.stdout).toBe('');
    expect(list.stderr).toContain('catalog list takes no model, but got "gpt-4.1"');
    expect(list.stderr).toContain('modelshift catalog show gpt-4.1');
  });

  it('diff: the disagreements, the built-in value kept; list: retiring models first', async () => {
    const root = workspace('diff', '      - { type: litellm, path: vendor/litellm.json }\n');
    const diff = await runCli(['catalog', 'diff'], root, {}, NOW);
    expect(diff.stdout).toContain('gpt-4o: retires is 2027-01-14 in the built-in catalog, 2027-02-14 in vendor/litellm.json (the built-in value is used)');
    const list = JSON.parse((await runCli(['--format', 'json', 'catalog', 'list'], root, {}, NOW)).stdout) as { models: { id: string; retires: string | null }[] };
    const dated = list.models.filter((m) => m.retires);
    expect(dated.map((m) => m.retires)).toEqual([...dated.map((m) => m.retires)].sort());
    expect(list.models.indexOf(dated.at(-1)!)).toBe(dated.length - 1);
    expect(list.models.some((m) => m.id === 'gpt-4.2-fixture-preview')).toBe(true);
  });

  it('says what is missing: a model for show, sources for diff', async () => {
    const root = workspace('bare', '      - { type: litellm, path: vendor/litellm.json }\n');
    const show = await runCli(['catalog', 'show'], root, {}, NOW);
    expect(show.code).toBe(2);
    expect(show.stderr).toContain('error: catalog show needs a model');
    writeFileSync(path.join(root, 'modelshift.yaml'), 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: ws }\nspec: {}\n');
    expect((await runCli(['catalog', 'diff'], root, {}, NOW)).stdout).toContain('No catalog sources are configured');
  });

  it('show of an unknown model is a usage error with suggestions (exit 2)', async () => {
    const root = workspace('unknown', '      - { type: litellm, path: vendor/litellm.json }\n');
    const run = await runCli(['catalog', 'show', 'gpt-5.22'], root, {}, NOW);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"gpt-5.22" is not in the catalog');
    expect(run.stderr).toContain('did you mean gpt-5.2, gpt-5.1');
  });

  it('a URL source is fetched once a day into the cache; validate never fetches it', async () => {
    const root = workspace('url', `      - { type: litellm, url: "${url}" }\n`);
    requests = 0;
    const before = await runCli(['--format', 'json', 'validate'], root, {}, NOW);
    expect(requests).toBe(0);
    expect(JSON.parse(before.stdout).warnings[0].message).toContain('has not been fetched yet');

    expect((await runCli(['catalog', 'show', 'gpt-5.2'], root, {}, NOW)).stdout).toContain(`[${url}]`);
    expect(requests).toBe(1);
    await runCli(['catalog', 'list'], root, {}, NOW);
    expect(requests).toBe(1);
    expect(readdirSync(path.join(root, '.modelshift/cache/catalog'))).toHaveLength(1);
    // validate reads the cached copy: the date is known, nothing is fetched.
    const after = await runCli(['--format', 'json', 'validate'], root, {}, NOW);
    expect(JSON.parse(after.stdout).warnings).toEqual([]);
    expect(requests).toBe(1);

    // A day later it is fetched again; a failing server keeps the old copy in use.
    status = 503;
    const later = await runCli(['catalog', 'show', 'gpt-5.2'], root, {}, new Date('2026-12-03T09:00:00Z'));
    expect(requests).toBe(2);
    expect(later.stdout).toContain('retires 2027-06-30');
    status = 200;
  });

  it('a bad source is a finding at its line in modelshift.yaml, not a crash', async () => {
    const root = workspace('bad', '      - { type: litellm, path: vendor/missing.json }\n      - { type: litellm, path: ../outside.json }\n');
    writeFileSync(path.join(tmp, 'outside.json'), '{}');
    const run = await runCli(['validate'], root, {}, NOW);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/modelshift\.yaml:7:\d+ +error +cannot read vendor\/missing\.json: ENOENT/);
    expect(run.stdout).toMatch(/modelshift\.yaml:8:\d+ +error +\.\.\/outside\.json is outside the workspace/);
    expect(existsSync(path.join(root, '.modelshift'))).toBe(false);
  });
});
