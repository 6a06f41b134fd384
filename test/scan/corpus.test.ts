import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanRepository } from '../../src/commands/scan.js';
import type { Reference } from '../../src/scan/types.js';
import labels from '../fixtures/scan/labels.json' with { type: 'json' };

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/scan/repo');
const NOW = new Date(`${labels.today}T12:00:00Z`);

function scan(cwd: string) {
  return scanRepository({ cwd, env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, now: NOW });
}

const key = (file: string, line: number, model: string, kind: string) => `${file}:${line} ${model} (${kind})`;

describe('scan on the labelled corpus', () => {
  const copies: string[] = [];
  afterAll(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('has the size the issue asks for: ≥ 80 references across ≥ 12 file kinds, ≥ 40 decoys', async () => {
    const result = await scan(CORPUS);
    const truth = new Set(labels.references.map(([f, l, m, k]) => key(f as string, l as number, m as string, k as string)));
    const places = new Set(result.references.filter((r) => truth.has(key(r.file, r.line, r.model, r.kind))).map((r) => r.place));
    expect(labels.references.length).toBeGreaterThanOrEqual(80);
    expect(labels.decoys.length).toBeGreaterThanOrEqual(40);
    expect(places.size).toBeGreaterThanOrEqual(12);
  });

  it('finds the labelled references with precision ≥ 0.97 and recall ≥ 0.95', async () => {
    const result = await scan(CORPUS);
    const truth = new Set(labels.references.map(([f, l, m, k]) => key(f as string, l as number, m as string, k as string)));
    const found = new Set(result.references.map((r) => key(r.file, r.line, r.model, r.kind)));
    const hits = [...found].filter((k) => truth.has(k));
    const precision = hits.length / found.size;
    const recall = hits.length / truth.size;
    console.log(`scan corpus: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${hits.length} of ${truth.size} labelled, ${found.size} reported)`);
    const falsePositives = [...found].filter((k) => !truth.has(k));
    const misses = [...truth].filter((k) => !found.has(k));
    expect(precision, `false positives:\n${falsePositives.join('\n')}`).toBeGreaterThanOrEqual(0.97);
    expect(recall, `missed:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('reports nothing on a decoy line beyond the references labelled there', async () => {
    const result = await scan(CORPUS);
    const labelled = new Set(labels.references.map(([f, l]) => `${f}:${l}`));
    const onDecoys = result.references.filter((r) => labels.decoys.some(([f, l]) => f === r.file && l === r.line) && !labelled.has(`${r.file}:${r.line}`));
    expect(onDecoys.map((r) => `${r.file}:${r.line} ${r.model}`)).toEqual([]);
  });

  it('finds the same outside git (a folder walk) as inside it (git grep)', async () => {
    const copy = await mkdtemp(path.join(tmpdir(), 'modelshift-scan-'));
    copies.push(copy);
    await cp(CORPUS, copy, { recursive: true });
    const strip = (refs: Reference[]) => refs.map((r) => `${r.file}:${r.line}:${r.column} ${r.model}`);
    expect(strip((await scan(copy)).references)).toEqual(strip((await scan(CORPUS)).references));
  });
});
