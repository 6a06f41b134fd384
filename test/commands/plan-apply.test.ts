import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/examples.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'modelshift-apply-'));
  await cp(EXAMPLES_DIR, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.parentPath.includes('.modelshift')) out[path.relative(root, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

describe('plan and apply on examples/', () => {
  it('renders the same plan as the committed snapshots in every format', async () => {
    for (const name of ['gpt-4.1-to-gpt-5.1', 'gpt-4o-to-claude-sonnet-5-5']) {
      for (const format of ['text', 'markdown', 'json']) {
        const run = await runCli(['plan', name, '--format', format], dir);
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        await expect(run.stdout).toMatchFileSnapshot(`__snapshots__/plan-${name}.${format === 'markdown' ? 'md' : format === 'json' ? 'json' : 'txt'}`);
      }
    }
  });

  it('plan --exit-code exits 1 when something would change and writes nothing', async () => {
    const before = await snapshot(dir);
    const run = await runCli(['plan', 'migrations/2027-01-gpt-4.1-to-gpt-5.1.yaml', '--exit-code'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Plan: 3 agents to migrate, 3 skipped, 1 warning\.\n$/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('apply writes exactly the plan\'s diff, and a second apply changes nothing', async () => {
    const planned = JSON.parse((await runCli(['plan', 'gpt-4.1-to-gpt-5.1', '--format', 'json'], dir)).stdout);
    const before = await snapshot(dir);
    const mode = (await stat(path.join(dir, 'agents/support/triage.yaml'))).mode;
    const applied = await runCli(['apply', 'gpt-4.1-to-gpt-5.1'], dir);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Apply complete: 3 files written\./);
    const after = await snapshot(dir);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
    expect(changed).toEqual(['agents/support/escalation.yaml', 'agents/support/refunds.yaml', 'agents/support/triage.yaml']);
    expect((await stat(path.join(dir, 'agents/support/triage.yaml'))).mode).toBe(mode);
    for (const file of changed) expect(planned.diff).toContain(`+++ b/${file}`);
    expect(after['agents/support/triage.yaml']).toContain('    name: gpt-5.1          # pinned after the 2026-03 routing incident\n');

    const again = await runCli(['apply', 'gpt-4.1-to-gpt-5.1', '--format', 'json'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary.migrate).toBe(0);
    expect(await snapshot(dir)).toEqual(after);
    const againText = await runCli(['apply', 'gpt-4.1-to-gpt-5.1'], dir);
    expect(againText.stdout).toMatch(/\nNothing to apply: no agent this migration selects is on openai\/gpt-4\.1 \(already applied\?\); 3 skipped\.\n$/);

    const validate = JSON.parse((await runCli(['validate', '--format', 'json'], dir)).stdout);
    expect(validate.ok).toBe(true);
    expect(validate.warnings.filter((w: { file: string }) => w.file.startsWith('agents/support/') && !w.file.endsWith('legacy.yaml') && !w.file.endsWith('summarizer.yaml'))).toEqual([]);
  });

  it('apply refuses when a file it would change is invalid, and writes nothing', async () => {
    const file = path.join(dir, 'agents/support/refunds.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('  owners:', '  surprise: 1\n  owners:'));
    const before = await snapshot(dir);
    const run = await runCli(['apply', 'gpt-4.1-to-gpt-5.1'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/support-refunds.*run modelshift validate/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('exits 2 with the known names for an unknown migration', async () => {
    const run = await runCli(['plan', 'nope'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: no migration named "nope" and no such file\nhint: known migrations: gpt-4.1-to-gpt-5.1, gpt-4o-to-claude-sonnet-5-5\n');
  });
});

describe('plan refuses what it cannot plan honestly', () => {
  it('exits 1 for a migration whose own file has errors, named by name or by path', async () => {
    const file = path.join(dir, 'migrations/2027-01-gpt-4.1-to-gpt-5.1.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('suites: [support-tickets]', 'suites: [no-such-suite]'));
    for (const arg of ['gpt-4.1-to-gpt-5.1', 'migrations/2027-01-gpt-4.1-to-gpt-5.1.yaml']) {
      const run = await runCli(['plan', arg], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^migrations\/2027-01-gpt-4\.1-to-gpt-5\.1\.yaml:\d+:\d+: error: migration gpt-4\.1-to-gpt-5\.1 is invalid: eval suite "no-such-suite" is not defined/);
    }
  });

  it('exits 2 for a path outside the workspace, and for -C pointing at a file', async () => {
    const outside = await runCli(['plan', '../../etc/passwd'], dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is outside the workspace root/);
    const notFolder = await runCli(['validate', '-C', 'modelshift.yaml'], dir);
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toMatch(/modelshift\.yaml is not a folder/);
  });
});

describe('an interrupted write that cannot be resolved', () => {
  it('is a validate finding until it is, and apply refuses to write over it', async () => {
    await mkdir(path.join(dir, '.modelshift'), { recursive: true });
    await writeFile(path.join(dir, '.modelshift/write-journal.json'), '{"version": 1, "comm');
    const before = await snapshot(dir);
    const validate = await runCli(['validate', '--format', 'json'], dir);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toMatch(/^warning: \.modelshift\/write-journal\.json is not a journal modelshift wrote/);
    expect(JSON.parse(validate.stdout).errors).toContainEqual(expect.objectContaining({ file: '.modelshift/write-journal.json', rule: 'interrupted-write', line: 1, column: 1 }));
    const apply = await runCli(['apply', 'gpt-4.1-to-gpt-5.1'], dir);
    expect(apply.code).toBe(2);
    expect(apply.stderr).toMatch(/another modelshift write is in progress in this workspace, or one was interrupted .*nothing was changed/);
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('plan on a workspace large enough for worker threads', () => {
  it('the built CLI (workers started before the candidates are picked) plans exactly what the single-threaded plan does', async () => {
    const repo = path.resolve(import.meta.dirname, '../..');
    const { existsSync } = await import('node:fs');
    const { spawnSync } = await import('node:child_process');
    const { MIN_FILES_PER_WORKER } = await import('../../src/workspace/parse-files.js');
    if (!existsSync(path.join(repo, 'dist/src/cli.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
    const root = path.join(dir, 'large');
    await mkdir(path.join(root, 'providers'), { recursive: true });
    await mkdir(path.join(root, 'migrations'), { recursive: true });
    await writeFile(path.join(root, 'providers/openai.yaml'), 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, apiKeyEnv: OPENAI_API_KEY }\n');
    await writeFile(path.join(root, 'migrations/m.yaml'), 'apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: m }\nspec:\n  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n  params: { rename: { max_tokens: max_completion_tokens } }\n');
    // Enough candidates for a worker; every 7th is on another model, every 50th writes its params as a block.
    const count = MIN_FILES_PER_WORKER * 3;
    for (let i = 0; i < count; i++) {
      const folder = path.join(root, 'agents', `team-${i % 10}`);
      await mkdir(folder, { recursive: true });
      const model = i % 7 === 0 ? 'gpt-5.2' : 'gpt-4.1';
      const params = i % 50 === 0 ? '\n      temperature: 0.2\n      max_tokens: 5' : `{ max_tokens: ${i} }`;
      await writeFile(path.join(folder, `agent-${i}.yaml`), `apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: agent-${i} }\nspec:\n  model:\n    provider: openai\n    name: ${model}   # keep\n    params: ${params}\n  instructions: Answer.\n`);
    }
    const cli = spawnSync(process.execPath, [path.join(repo, 'bin/modelshift.js'), 'plan', 'm', '-C', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const serial = await runCli(['plan', 'm', '--format', 'json'], root, {}, new Date());
    expect(cli.stderr).toBe(serial.stderr);
    expect(cli.status).toBe(serial.code);
    expect(cli.stdout).toBe(serial.stdout);
    expect(JSON.parse(cli.stdout).summary.migrate).toBeGreaterThan(MIN_FILES_PER_WORKER * 2);
  });
});
