import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planMigration } from '../../src/plan/plan.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { EXAMPLES_DIR } from '../helpers/examples.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'modelshift-thread-plan-'));
  await cp(EXAMPLES_DIR, dir, { recursive: true });
  // Shapes the thread path must hand back to the main thread: a BOM, two agents in one file, a duplicate name.
  const triage = await readFile(path.join(dir, 'agents/support/triage.yaml'), 'utf8');
  await writeFile(path.join(dir, 'agents/support/triage.yaml'), `\ufeff${triage}`);
  const escalation = await readFile(path.join(dir, 'agents/support/escalation.yaml'), 'utf8');
  await writeFile(path.join(dir, 'agents/support/pair.yaml'), `${escalation.replace(/name: support-escalation/, 'name: support-escalation-2')}---\n${escalation.replace(/name: support-escalation/, 'name: support-escalation-3')}`);
  await writeFile(path.join(dir, 'agents/support/twin.yaml'), escalation);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function plans(migration: string) {
  const today = '2026-11-22';
  const focused = await loadWorkspace(dir, { today, planning: { migration, cwd: dir } });
  const whole = await loadWorkspace(dir, { today });
  const rule = (ws: typeof whole) => [...ws.migrations.values()].find((m) => m.value.metadata.name === migration)!;
  return { focused, inThread: planMigration(focused, rule(focused)), onMain: planMigration(whole, rule(whole)) };
}

describe('agents planned in the thread that parsed them', () => {
  it('give exactly the plan the main thread makes, for both example migrations', async () => {
    for (const migration of ['gpt-4.1-to-gpt-5.1', 'gpt-4o-to-claude-sonnet-5-5']) {
      const { focused, inThread, onMain } = await plans(migration);
      expect(focused.planned?.size, migration).toBeGreaterThan(0);
      expect(inThread).toEqual(onMain);
    }
  });

  it('are planned only for the rule being planned, and unused for a file a cross-file rule blocks', async () => {
    const { focused, inThread } = await plans('gpt-4.1-to-gpt-5.1');
    expect([...focused.planned!.values()].every((p) => p.key === 'migrations/2027-01-gpt-4.1-to-gpt-5.1.yaml#gpt-4.1-to-gpt-5.1')).toBe(true);
    // twin.yaml repeats support-escalation: the thread planned it, the main thread (unique-name) does not take it.
    expect(focused.planned!.has('agents/support/twin.yaml')).toBe(true);
    expect(focused.findings).toContainEqual(expect.objectContaining({ file: 'agents/support/twin.yaml', rule: 'unique-name' }));
    expect(Object.keys(inThread.files)).toContain('agents/support/escalation.yaml');
    expect(Object.keys(inThread.files)).not.toContain('agents/support/twin.yaml');
  });

  it('read a candidate twice only when the strict decoder refuses it, which is then reported where it is wrong', async () => {
    const escalation = await readFile(path.join(dir, 'agents/support/escalation.yaml'));
    const bad = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n'), escalation]);
    await writeFile(path.join(dir, 'agents/support/bad.yaml'), bad);
    const { focused } = await plans('gpt-4.1-to-gpt-5.1');
    expect(focused.findings).toContainEqual(expect.objectContaining({ file: 'agents/support/bad.yaml', rule: 'encoding', line: 1, column: 6 }));
    expect(focused.planned!.has('agents/support/bad.yaml')).toBe(false);
  });

  it('plan a file larger than the read buffer and one holding U+FFFD as it is written, like the main thread', async () => {
    const escalation = await readFile(path.join(dir, 'agents/support/escalation.yaml'), 'utf8');
    // Over 64 KiB of comments, then the agent under another name.
    const comments = Array.from({ length: 1500 }, (_, i) => `# note ${i}: ${'x'.repeat(40)}\n`).join('');
    await writeFile(path.join(dir, 'agents/support/large.yaml'), comments + escalation.replace(/name: support-escalation/, 'name: support-large'));
    await writeFile(path.join(dir, 'agents/support/replacement.yaml'), `# a literal \ufffd is valid UTF-8\n${escalation.replace(/name: support-escalation/, 'name: support-replacement')}`);
    const { focused, inThread, onMain } = await plans('gpt-4.1-to-gpt-5.1');
    expect((await readFile(path.join(dir, 'agents/support/large.yaml'))).length).toBeGreaterThan(64 * 1024);
    expect(focused.planned!.has('agents/support/large.yaml')).toBe(true);
    expect(focused.planned!.has('agents/support/replacement.yaml')).toBe(true);
    expect(Object.keys(inThread.files)).toEqual(expect.arrayContaining(['agents/support/large.yaml', 'agents/support/replacement.yaml']));
    expect(inThread).toEqual(onMain);
  });
});
