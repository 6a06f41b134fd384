import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FlagdCore } from '@openfeature/flagd-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveModel, type Bundle } from '../../src/runtime/index.js';
import { flagdTarget } from '../../src/sync/flagd-target.js';
import { runSync } from '../../src/sync/run.js';
import { DEFAULT_HTTP } from '../../src/sync/target.js';
import { bundleFrom, sampleFiles } from './fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'modelshift-flagd-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const config = { name: 'flags', type: 'flagd' as const, path: 'deploy/flagd/agents.flagd.json' };
const sync = (bundle: Bundle, opts = { dryRun: false, prune: false }) => runSync([{ config, target: flagdTarget(config, { root: dir, env: {}, http: DEFAULT_HTTP }) }], bundle, opts);
const written = async () => readFile(path.join(dir, config.path), 'utf8');

/** The real flagd evaluator, loaded with the file sync wrote, exactly as flagd would load it. */
async function evaluator(): Promise<FlagdCore> {
  const core = new FlagdCore();
  core.setConfigurations(await written());
  return core;
}

function withWeight(bundle: Bundle, weight: number): Bundle {
  const copy = structuredClone(bundle);
  copy.agents['support-triage']!.rollout!.weight = weight;
  return copy;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `conv-${i}`);

describe('flagd target', () => {
  it('writes one flag per agent: object variants, fractional targeting on targetingKey for a canary, one variant otherwise', async () => {
    const bundle = bundleFrom(sampleFiles());
    const [report] = await sync(bundle);
    expect(report).toMatchObject({ written: true, counts: { created: 3 } });
    const file = JSON.parse(await written());
    expect(file.$schema).toBe('https://flagd.dev/schema/v0/flags.json');
    expect(Object.keys(file.flags)).toEqual(['docs-search', 'report-writer', 'support-triage']);
    expect(file.flags['support-triage']).toEqual({
      state: 'ENABLED',
      variants: { control: bundle.agents['support-triage']!.model, candidate: bundle.agents['support-triage']!.rollout!.model },
      defaultVariant: 'control',
      targeting: { fractional: [{ cat: ['gpt-4.1-to-claude:', { var: 'targetingKey' }] }, ['candidate', 10], ['control', 90]] },
      metadata: { migration: 'gpt-4.1-to-claude', weight: 10 },
    });
    expect(file.flags['docs-search']).toEqual({ state: 'ENABLED', variants: { control: bundle.agents['docs-search']!.model }, defaultVariant: 'control' });
    // A second sync finds nothing to change.
    const [again] = await sync(bundle);
    expect(again).toMatchObject({ written: false, drift: false, counts: { unchanged: 3 } });
  });

  it('under the real flagd evaluator, sends 10 % of 100,000 ids to the candidate (± 0.5 points), each id stably, on the same arm as modelshift/runtime', async () => {
    const bundle = bundleFrom(sampleFiles());
    await sync(bundle);
    const core = await evaluator();
    const sample = ids(100_000);
    const first = sample.map((id) => core.resolveObjectEvaluation('support-triage', {}, { targetingKey: id }).variant);
    const share = first.filter((v) => v === 'candidate').length / sample.length;
    expect(share).toBeGreaterThanOrEqual(0.095);
    expect(share).toBeLessThanOrEqual(0.105);
    // Stable: a fresh evaluator, the same answers.
    const again = await evaluator();
    expect(sample.map((id) => again.resolveObjectEvaluation('support-triage', {}, { targetingKey: id }).variant)).toEqual(first);
    // The same arm as resolveModel for every id, and the variant's value is the model resolveModel returns.
    expect(first).toEqual(sample.map((id) => resolveModel(bundle, 'support-triage', id).arm));
    const candidateId = sample[first.indexOf('candidate')]!;
    const { value, flagMetadata } = core.resolveObjectEvaluation('support-triage', {}, { targetingKey: candidateId });
    expect(value).toEqual(bundle.agents['support-triage']!.rollout!.model);
    expect(resolveModel(bundle, 'support-triage', candidateId)).toMatchObject(bundle.agents['support-triage']!.rollout!.model);
    expect(flagMetadata).toMatchObject({ migration: 'gpt-4.1-to-claude', weight: 10 });
  });

  it('may put a non-ASCII id on another arm: flagd-core hashes UTF-16 code units, modelshift/runtime UTF-8 bytes (the README says so)', async () => {
    const bundle = withWeight(bundleFrom(sampleFiles()), 50);
    await sync(bundle);
    const core = await evaluator();
    const accented = Array.from({ length: 2_000 }, (_, i) => `café-${i}`);
    const differ = accented.filter((id) => core.resolveObjectEvaluation('support-triage', {}, { targetingKey: id }).variant !== resolveModel(bundle, 'support-triage', id).arm);
    expect(differ.length).toBeGreaterThan(0);
  });

  it('holds the share at other weights, and raising the weight only adds ids to the candidate', async () => {
    const sample = ids(100_000);
    const candidates = async (weight: number) => {
      await sync(withWeight(bundleFrom(sampleFiles()), weight));
      const core = await evaluator();
      return new Set(sample.filter((id) => core.resolveObjectEvaluation('support-triage', {}, { targetingKey: id }).variant === 'candidate'));
    };
    const at50 = await candidates(50);
    expect(at50.size / sample.length).toBeGreaterThanOrEqual(0.495);
    expect(at50.size / sample.length).toBeLessThanOrEqual(0.505);
    const at10 = await candidates(10);
    expect([...at10].every((id) => at50.has(id))).toBe(true);
  });

  it('keeps flags that are not agents unless --prune, and refuses a file that is not flag definitions', async () => {
    await writeFile(path.join(dir, 'flags.json'), JSON.stringify({ flags: { 'dark-mode': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } } }));
    const own = { ...config, path: 'flags.json' };
    const run = (prune: boolean) => runSync([{ config: own, target: flagdTarget(own, { root: dir, env: {}, http: DEFAULT_HTTP }) }], bundleFrom(sampleFiles()), { dryRun: false, prune });
    await run(false);
    expect(Object.keys(JSON.parse(await readFile(path.join(dir, 'flags.json'), 'utf8')).flags)).toContain('dark-mode');
    await run(true);
    expect(Object.keys(JSON.parse(await readFile(path.join(dir, 'flags.json'), 'utf8')).flags)).not.toContain('dark-mode');
    await writeFile(path.join(dir, 'flags.json'), '{"name": "package"}');
    await expect(run(false)).rejects.toThrow(/does not hold flagd flag definitions/);
    expect(await readFile(path.join(dir, 'flags.json'), 'utf8')).toBe('{"name": "package"}');
  });
});
