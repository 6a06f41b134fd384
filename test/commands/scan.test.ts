import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelshift-scancli-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
  return dir;
}

describe('modelshift scan', () => {
  it('lists references grouped by model, retired first, with a summary line; exit 0 without --exit-code', async () => {
    const dir = await repo({ 'app.py': 'a = Client(model="gpt-6-luna")\nb = Client(model="claude-3-5-sonnet-20241022")\n' });
    const run = await runCli(['scan'], dir, {}, NOW);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([
      'claude-3-5-sonnet (anthropic) · retired on 2025-10-28 → claude-sonnet-4-6 · 1 reference',
      '  app.py:2:19  call-site (python)  claude-3-5-sonnet-20241022',
      '',
      'gpt-6-luna (openai) · current · 1 reference',
      '  app.py:1:19  call-site (python)',
      '',
      '2 references to model ids in 1 file: 1 retired, 1 current.',
      '',
    ].join('\n'));
  });

  it('--exit-code exits 1 on a retiring reference, 0 when all are current', async () => {
    expect((await runCli(['scan', '--exit-code'], await repo({ '.env': 'OPENAI_MODEL=gpt-4.1\n' }), {}, NOW)).code).toBe(1);
    expect((await runCli(['scan', '--exit-code'], await repo({ '.env': 'OPENAI_MODEL=gpt-5.1\n' }), {}, NOW)).code).toBe(0);
  });

  it('--fail-on picks the verdict to fail from; prose mentions never fail', async () => {
    const dir = await repo({ '.env': 'OPENAI_MODEL=gpt-7-preview\n', 'notes.md': 'We left claude-3-5-sonnet behind.\n' });
    expect((await runCli(['scan', '--fail-on', 'retired'], dir, {}, NOW)).code).toBe(0);
    expect((await runCli(['scan', '--fail-on', 'unknown'], dir, {}, NOW)).code).toBe(1);
    expect((await runCli(['scan', '--fail-on', 'bogus'], dir, {}, NOW)).code).toBe(2);
  });

  it('prints the JSON shape of the issue', async () => {
    const run = await runCli(['--format', 'json', 'scan'], await repo({ 'app.ts': 'const r = await c.create({ model: "openai/gpt-4o" });\n' }), {}, NOW);
    expect(JSON.parse(run.stdout)).toEqual({
      references: [{ file: 'app.ts', line: 1, column: 43, endColumn: 49, model: 'gpt-4o', provider: 'openai', kind: 'call-site', place: 'typescript', verdict: 'retiring', retires: '2027-01-14', successor: 'gpt-6-luna', rewritable: true }],
      summary: { files: 1, references: 1, verdicts: { retired: 0, retiring: 1, unknown: 0, current: 0 }, kinds: { 'call-site': 1 } },
    });
  });

  it('markdown escapes file names', async () => {
    const run = await runCli(['--format', 'markdown', 'scan'], await repo({ 'a_b|c.py': 'MODEL = "gpt-5.1"\n' }), {}, NOW);
    expect(run.stdout).toContain('| a\\_b\\|c.py:1:10 | gpt-5.1 | call-site (python) | yes |');
  });

  it('--format sarif belongs to scan alone; a path outside the folder is a usage error', async () => {
    const dir = await repo({ 'app.py': 'MODEL = "gpt-5.1"\n' });
    const validate = await runCli(['--format', 'sarif', 'validate'], dir, {}, NOW);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('--format sarif is only for modelshift scan');
    const outside = await runCli(['scan', '..'], dir, {}, NOW);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is outside the folder being scanned');
  });
});
