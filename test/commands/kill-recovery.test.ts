// Kill tests (issue 16): a real `modelshift apply` (and `sync`) child process
// is sent SIGKILL at seeded random file operations, most of them inside the
// rename phase; the next command must leave the tree entirely as it was or
// entirely migrated, with no journal and no temporary left. The counts are
// printed as a runs × outcome table.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { runCli } from '../helpers/run-cli.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const hook = fileURLToPath(new URL('../helpers/kill-hook.mjs', import.meta.url));
const AGENTS = 520;
const APPLY_RUNS = 32;
const SYNC_RUNS = 12;

/** Seeded, so a failing run can be repeated: mulberry32. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Tree = Map<string, string>;

async function readTree(root: string): Promise<{ files: Tree; strays: string[] }> {
  const files: Tree = new Map();
  const strays: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name));
    if (rel.startsWith('.modelshift') || /\.(tmp|bak)$/.test(rel)) strays.push(rel);
    else files.set(rel, await readFile(path.join(root, rel), 'utf8'));
  }
  return { files, strays };
}

async function resetTree(root: string, tree: Tree): Promise<void> {
  await rm(path.join(root, '.modelshift'), { recursive: true, force: true });
  await Promise.all([...tree].map(([rel, text]) => writeFile(path.join(root, rel), text)));
}

function child(root: string, args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['--import', hook, path.join(repo, 'bin/modelshift.js'), ...args, '-C', root], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    maxBuffer: 1 << 26,
  });
  return run;
}

function classify(now: Tree, before: Tree, after: Tree, files: readonly string[]): 'before' | 'after' | 'mixed' {
  const asBefore = files.every((f) => now.get(f) === before.get(f));
  const asAfter = files.every((f) => now.get(f) === after.get(f));
  return asBefore ? 'before' : asAfter ? 'after' : 'mixed';
}

interface Row {
  point: string;
  outcome: string;
  strays: number;
  said: string;
}

function table(title: string, rows: Row[]): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(`${row.point} → ${row.outcome}${row.strays ? ' + temporaries' : ''}`, (counts.get(`${row.point} → ${row.outcome}${row.strays ? ' + temporaries' : ''}`) ?? 0) + 1);
  return [`${title}: ${rows.length} runs`, ...[...counts].sort().map(([k, n]) => `  ${String(n).padStart(3)} × ${k}`)].join('\n');
}

let root: string;
beforeAll(async () => {
  if (!existsSync(path.join(repo, 'dist/src/cli.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
  root = await mkdtemp(path.join(os.tmpdir(), 'modelshift-kill-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('SIGKILL during a write, then the next command', () => {
  it(`apply of ${AGENTS} files: the tree is entirely before or after, no temporaries`, async () => {
    const ws = path.join(root, 'apply');
    await generateWorkspace(ws, { agents: AGENTS, teams: 10, sourceEvery: 1 });
    const before = (await readTree(ws)).files;
    const agentFiles = [...before.keys()].filter((f) => f.startsWith('agents/'));

    // One undisturbed run: the tree after, and how many file operations an apply makes.
    const counted = path.join(root, 'count.json');
    const clean = child(ws, ['apply', 'gpt-4.1-to-gpt-5.1'], { MODELSHIFT_KILL_COUNT_FILE: counted });
    expect(clean.status, clean.stderr).toBe(0);
    const { count, log } = JSON.parse(await readFile(counted, 'utf8')) as { count: number; log: string[] };
    const after = (await readTree(ws)).files;
    expect(agentFiles.filter((f) => after.get(f) !== before.get(f))).toHaveLength(AGENTS);
    const renames = log.flatMap((op, i) => (op.startsWith('renameSync') ? [i + 1] : []));
    expect(renames.length).toBe(AGENTS);

    const next = random(16);
    const rows: Row[] = [];
    for (let run = 0; run < APPLY_RUNS; run++) {
      await resetTree(ws, before);
      // Three in four inside the rename phase (between the first and the last rename), the rest anywhere.
      const inRenames = run % 4 !== 3;
      const n = inRenames ? renames[0]! + Math.floor(next() * (renames.at(-1)! - renames[0]! + 1)) : 1 + Math.floor(next() * count);
      const when = next() < 0.5 ? 'before' : 'after';
      const killed = child(ws, ['apply', 'gpt-4.1-to-gpt-5.1'], { MODELSHIFT_KILL_AT: `${n}:${when}` });
      expect(killed.signal, `op ${n} ${when}: ${killed.stderr}`).toBe('SIGKILL');
      const followUp = await runCli(['validate', '--format', 'json'], ws);
      const now = await readTree(ws);
      const outcome = classify(now.files, before, after, agentFiles);
      const phase = n < renames[0]! ? 'before the renames' : n <= renames.at(-1)! ? 'inside the renames' : 'after the last rename';
      rows.push({ point: phase, outcome, strays: now.strays.length, said: followUp.stderr.split('\n')[0] ?? '' });
      expect({ run, n, when, outcome, strays: now.strays }).toEqual({ run, n, when, outcome: expect.stringMatching(/^(before|after)$/), strays: [] });
      expect(JSON.parse(followUp.stdout).errors).toEqual([]);
      if (phase === 'inside the renames') expect(followUp.stderr).toMatch(/^modelshift: finished an interrupted `apply gpt-4\.1-to-gpt-5\.1`/);
    }
    console.log(table(`kill test, apply of ${AGENTS} files (${count} file operations, renames ${renames[0]}–${renames.at(-1)})`, rows));
    expect(rows.filter((r) => r.point === 'inside the renames').length).toBeGreaterThanOrEqual(APPLY_RUNS * 0.7);
  }, 900_000);

  it('sync to file targets: each bundle entirely old or new, no temporaries', async () => {
    const ws = path.join(root, 'sync');
    await generateWorkspace(ws, { agents: 60, teams: 3, sourceEvery: 1 });
    await writeFile(path.join(ws, 'modelshift.yaml'), [
      'apiVersion: modelshift.dev/v1', 'kind: Workspace', 'metadata: { name: bench }', 'spec:', '  sync:', '    targets:',
      '      - { name: bundle, type: file, path: build/agents.json }', '      - { name: bundle-yaml, type: file, path: build/agents.yaml }', '',
    ].join('\n'));
    expect(child(ws, ['sync'], {}).status).toBe(0);
    const old = (await readTree(ws)).files;
    // Migrate the agents so the next sync has something new to write.
    expect(child(ws, ['apply', 'gpt-4.1-to-gpt-5.1'], {}).status).toBe(0);
    const migrated = (await readTree(ws)).files;
    const counted = path.join(root, 'sync-count.json');
    expect(child(ws, ['sync'], { MODELSHIFT_KILL_COUNT_FILE: counted }).status).toBe(0);
    const synced = (await readTree(ws)).files;
    const bundles = ['build/agents.json', 'build/agents.yaml'];
    for (const b of bundles) expect(synced.get(b)).not.toBe(old.get(b));
    const { count } = JSON.parse(await readFile(counted, 'utf8')) as { count: number };

    const next = random(11);
    const rows: Row[] = [];
    for (let run = 0; run < SYNC_RUNS; run++) {
      await resetTree(ws, new Map([...migrated, ...bundles.map((b) => [b, old.get(b)!] as const)]));
      const n = 1 + Math.floor(next() * count);
      const when = next() < 0.5 ? 'before' : 'after';
      const killed = child(ws, ['sync'], { MODELSHIFT_KILL_AT: `${n}:${when}` });
      expect(killed.signal).toBe('SIGKILL');
      const followUp = await runCli(['validate'], ws);
      const now = await readTree(ws);
      for (const b of bundles) expect([old.get(b), synced.get(b)]).toContain(now.files.get(b));
      const outcome = bundles.map((b) => (now.files.get(b) === old.get(b) ? 'old' : 'new')).join('/');
      rows.push({ point: `op ${n} of ${count}`, outcome, strays: now.strays.length, said: followUp.stderr.split('\n')[0] ?? '' });
      expect(now.strays).toEqual([]);
    }
    console.log(table('kill test, sync to two file targets (json/yaml)', rows));
  }, 300_000);
});
