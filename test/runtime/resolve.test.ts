import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BundleVersionError, canaryBucket, resolveModel, telemetryAttributes, UnknownAgentError, type Bundle } from '../../src/runtime/index.js';
import { bundleFrom, sampleFiles } from '../sync/fixtures.js';

const exec = promisify(execFile);
const RUNTIME_DIR = fileURLToPath(new URL('../../src/runtime/', import.meta.url));
const bundle: Bundle = bundleFrom(sampleFiles());
const ids = (n: number, pattern = (i: number) => `conv-${i}`) => Array.from({ length: n }, (_, i) => pattern(i));

function candidateShare(b: Bundle, agent: string, list: readonly string[]): number {
  return list.filter((id) => resolveModel(b, agent, id).canary?.candidate).length / list.length;
}

function withWeight(weight: number, migration = 'gpt-4.1-to-claude'): Bundle {
  const copy = structuredClone(bundle);
  copy.agents['support-triage']!.rollout = { ...copy.agents['support-triage']!.rollout!, weight, migration };
  return copy;
}

describe('resolveModel', () => {
  it('returns the agent\'s own model outside a canary, endpoint and key NAME included', () => {
    expect(resolveModel(bundle, 'docs-search', 'c1')).toEqual({
      provider: 'local',
      type: 'openai-compatible',
      baseURL: 'http://gpu-01.internal:8000/v1',
      name: 'meta-llama/Llama-3.3-70B-Instruct',
      params: { temperature: 0.1 },
      arm: 'control',
    });
  });

  it('names the arm, and on the candidate arm carries the control model as the fallback', () => {
    const sample = ids(2_000).map((id) => resolveModel(bundle, 'support-triage', id));
    const candidate = sample.filter((m) => m.arm === 'candidate');
    const control = sample.filter((m) => m.arm === 'control');
    expect(candidate.length).toBeGreaterThan(0);
    expect(control.length).toBeGreaterThan(0);
    for (const m of candidate) {
      expect(m.canary?.candidate).toBe(true);
      expect(m.name).toBe('claude-sonnet-4-5');
      expect(m.fallback).toEqual(bundle.agents['support-triage']!.model);
    }
    for (const m of control) {
      expect(m.canary?.candidate).toBe(false);
      expect(m.fallback).toBeUndefined();
      expect({ ...m, arm: undefined, canary: undefined }).toEqual({ ...bundle.agents['support-triage']!.model, arm: undefined, canary: undefined });
    }
  });

  it('gives the telemetry attributes of a call: OTel GenAI names plus the migration and arm', () => {
    const candidateId = ids(200).find((id) => resolveModel(bundle, 'support-triage', id).arm === 'candidate')!;
    const controlId = ids(200).find((id) => resolveModel(bundle, 'support-triage', id).arm === 'control')!;
    expect(telemetryAttributes(resolveModel(bundle, 'support-triage', candidateId), 'support-triage')).toEqual({
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.agent.name': 'support-triage',
      'modelshift.migration': 'gpt-4.1-to-claude',
      'modelshift.arm': 'candidate',
    });
    expect(telemetryAttributes(resolveModel(bundle, 'support-triage', controlId), 'support-triage')).toMatchObject({ 'gen_ai.provider.name': 'openai', 'modelshift.arm': 'control' });
    // No well-known OTel name for an OpenAI-compatible server: its provider's name; no migration outside a canary.
    expect(telemetryAttributes(resolveModel(bundle, 'docs-search', 'c1'), 'docs-search')).toEqual({
      'gen_ai.request.model': 'meta-llama/Llama-3.3-70B-Instruct',
      'gen_ai.provider.name': 'local',
      'gen_ai.agent.name': 'docs-search',
      'modelshift.arm': 'control',
    });
  });

  it('sends 10 % of 100,000 conversations to the candidate at weight 10 (± 0.5 points), for several id shapes', () => {
    const shapes = [(i: number) => `conv-${i}`, (i: number) => String(i), (i: number) => `user-${i * 7919}@example.com`];
    for (const shape of shapes) {
      const share = candidateShare(bundle, 'support-triage', ids(100_000, shape));
      expect(share).toBeGreaterThanOrEqual(0.095);
      expect(share).toBeLessThanOrEqual(0.105);
    }
    const candidate = resolveModel(bundle, 'support-triage', ids(100).find((id) => resolveModel(bundle, 'support-triage', id).canary?.candidate)!);
    expect(candidate).toMatchObject({ provider: 'anthropic', name: 'claude-sonnet-4-5', params: { max_tokens: 800 }, canary: { migration: 'gpt-4.1-to-claude', candidate: true } });
  });

  it('gives a conversation the same answer on every call, and keeps it on the candidate as the weight grows', () => {
    const sample = ids(5_000);
    const first = sample.map((id) => resolveModel(bundle, 'support-triage', id).name);
    expect(sample.map((id) => resolveModel(bundle, 'support-triage', id).name)).toEqual(first);
    const at = (weight: number) => new Set(sample.filter((id) => resolveModel(withWeight(weight), 'support-triage', id).canary?.candidate));
    const ten = at(10);
    const fifty = at(50);
    expect([...ten].every((id) => fifty.has(id))).toBe(true);
    expect(at(0).size).toBe(0);
    expect(at(100).size).toBe(sample.length);
  });

  it('assigns conversations independently in two migrations', () => {
    const sample = ids(100_000);
    const a = sample.map((id) => canaryBucket('migration-a', id) < 50);
    const b = sample.map((id) => canaryBucket('migration-b', id) < 50);
    const both = a.filter((x, i) => x && b[i]).length / sample.length;
    expect(both).toBeGreaterThan(0.24);
    expect(both).toBeLessThan(0.26);
  });

  it('throws typed errors for an unknown agent (inherited names included) and for another bundle format', () => {
    expect(() => resolveModel(bundle, 'nobody', 'c')).toThrow(UnknownAgentError);
    expect(() => resolveModel(bundle, 'constructor', 'c')).toThrow(UnknownAgentError);
    expect(() => resolveModel({ ...bundle, bundleVersion: 2 } as unknown as Bundle, 'docs-search', 'c')).toThrow(BundleVersionError);
  });

  it('answers the same in another node process, from a build with no imports beyond its own files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'modelshift-runtime-'));
    try {
      for (const file of ['index.ts', 'hash.ts']) {
        const source = await readFile(path.join(RUNTIME_DIR, file), 'utf8');
        const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } }).outputText;
        expect([...js.matchAll(/^import .* from '([^']+)'/gm)].map((m) => m[1])).toEqual(file === 'index.ts' ? ['./hash.js'] : []);
        await writeFile(path.join(dir, file.replace(/\.ts$/, '.js')), js);
      }
      await writeFile(path.join(dir, 'package.json'), '{"type":"module"}');
      await writeFile(path.join(dir, 'bundle.json'), JSON.stringify(bundle));
      const script = `import { resolveModel } from './index.js';
import { readFileSync } from 'node:fs';
const bundle = JSON.parse(readFileSync(new URL('./bundle.json', import.meta.url), 'utf8'));
const out = [];
for (let i = 0; i < 2000; i++) out.push(resolveModel(bundle, 'support-triage', 'conv-' + i).name);
process.stdout.write(JSON.stringify(out));`;
      await writeFile(path.join(dir, 'child.js'), script);
      const { stdout } = await exec(process.execPath, [path.join(dir, 'child.js')]);
      expect(JSON.parse(stdout)).toEqual(ids(2000).map((id) => resolveModel(bundle, 'support-triage', id).name));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is the package export modelshift/runtime', async () => {
    const pkg = JSON.parse(await readFile(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    expect(pkg.exports['./runtime']).toBe('./dist/src/runtime/index.js');
  });
});

describe('telemetryAttributes', () => {
  it('is assignable to an OpenTelemetry Attributes record (an index signature), as span.setAttributes takes it', () => {
    type Attributes = Record<string, string | number | boolean | undefined>;
    const attributes: Attributes = telemetryAttributes(resolveModel(bundle, 'support-triage', 'conv-1'), 'support-triage');
    expect(Object.values(attributes).every((v) => typeof v === 'string')).toBe(true);
  });
});
