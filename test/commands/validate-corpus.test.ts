import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The bad-input corpus: each folder of test/fixtures/invalid is a tiny
 * workspace with one thing broken and an expected.json naming the finding.
 * An optional setup.js makes what cannot be committed (a symlink, a 1 MiB
 * file, invalid bytes, a secret) in the temporary copy the real CLI checks.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const corpus = path.join(repo, 'test/fixtures/invalid');
const bin = path.join(repo, 'bin/modelshift.js');
const cases = readdirSync(corpus).sort();

interface Expected {
  rule: string;
  file: string;
  line: number;
  column: number;
  messageIncludes?: string;
  severity?: 'error' | 'warning';
  counts?: Record<string, number>;
}

interface Report {
  ok: boolean;
  counts: Record<string, number>;
  errors: { file: string; line: number; column: number; path: string; rule: string; message: string }[];
  warnings: Report['errors'];
}

function run(dir: string, format: 'json' | 'text') {
  const result = spawnSync(process.execPath, [bin, 'validate', '-C', dir, '--format', format], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MODELSHIFT_DEBUG: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every entry's kind, size and mtime, links not followed: validate must leave all of them as they were. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = lstatSync(path.join(dir, rel));
    entries[rel] = `${stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : 'file'} ${stat.size} ${stat.mtimeMs}`;
  }
  return entries;
}

beforeAll(() => {
  if (!existsSync(path.join(repo, 'dist/src/cli.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
});

it('the corpus has at least 25 cases, each with an expected.json', () => {
  expect(cases.length).toBeGreaterThanOrEqual(25);
  for (const name of cases) expect(existsSync(path.join(corpus, name, 'expected.json')), name).toBe(true);
});

describe.each(cases)('%s', (name) => {
  const source = path.join(corpus, name);
  const expected = JSON.parse(readFileSync(path.join(source, 'expected.json'), 'utf8')) as Expected;
  let tmp: string;
  let dir: string;
  let secret: string | undefined;
  let before: Record<string, string>;
  let json: ReturnType<typeof run>;
  let text: ReturnType<typeof run>;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), `modelshift-corpus-${name}-`));
    dir = path.join(tmp, 'workspace');
    const harness = new Set([path.join(source, 'expected.json'), path.join(source, 'setup.js')]);
    cpSync(source, dir, { recursive: true, filter: (src) => !harness.has(src) });
    const setup = path.join(source, 'setup.js');
    if (existsSync(setup)) {
      const module = (await import(pathToFileURL(setup).href)) as { default: (dir: string) => { secret?: string } };
      ({ secret } = module.default(dir));
    }
    before = snapshot(dir);
    json = run(dir, 'json');
    text = run(dir, 'text');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(`exits 1 with ${expected.rule} at ${expected.file}:${expected.line}:${expected.column}`, () => {
    expect(json.status, json.stderr).toBe(1);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.ok).toBe(false);
    const list = expected.severity === 'warning' ? report.warnings : report.errors;
    const { rule, file, line, column, messageIncludes, counts } = expected;
    expect(list.map((f) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column }))).toContainEqual({ rule, file, line, column });
    if (messageIncludes) {
      const found = list.filter((f) => f.rule === expected.rule && f.file === expected.file && f.line === expected.line && f.column === expected.column);
      expect(found.map((f) => f.message).join('\n')).toContain(messageIncludes);
    }
    if (counts) expect(report.counts).toMatchObject(counts);
  });

  it('says what is wrong and how to fix it, for every finding, in the text format', () => {
    expect(text.status).toBe(1);
    const report = JSON.parse(json.stdout) as Report;
    for (const finding of [...report.errors, ...report.warnings]) {
      expect(finding.message, `${finding.rule}: ${finding.message}`).toMatch(/\S; \S/);
    }
    const lines = text.stdout.split('\n').filter((line) => /^\S+:\d+:\d+ {2}(error|warning)/.test(line));
    expect(lines.length).toBe(report.errors.length + report.warnings.length);
    const line = lines.find((l) => l.startsWith(`${expected.file}:${expected.line}:${expected.column}  `) && l.endsWith(`[${expected.rule}]`));
    expect(line, text.stdout).toBeDefined();
    const hint = /; (.+) {2}\[/.exec(line!)?.[1];
    expect(hint?.trim(), line).toBeTruthy();
  });

  it('writes nothing, prints no stack trace and never repeats a secret', () => {
    expect(snapshot(dir)).toEqual(before);
    for (const output of [json.stdout, json.stderr, text.stdout, text.stderr]) {
      expect(output).not.toMatch(/^\s+at .+(:\d+:\d+\)?|\(node:)/m);
      if (secret) expect(output).not.toContain(secret);
    }
    expect(json.stderr + text.stderr).toBe('');
  });
});
