import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadWorkspace } from '../../src/workspace/load.js';

const repo = path.resolve(import.meta.dirname, '../..');
const examples = path.join(repo, 'examples');
const schemasDir = path.join(repo, 'schemas');

let rendered: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(path.join(repo, 'dist/src/schema/index.js'))) throw new Error('dist/ is missing: run `npm run build` before these tests');
  // A computed specifier: the script is plain JS that TypeScript does not type.
  const script = pathToFileURL(path.join(repo, 'scripts/gen-schemas.js')).href;
  rendered = ((await import(script)) as { renderSchemas: () => Record<string, string> }).renderSchemas();
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).sort();
}

function validators(): Record<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return Object.fromEntries(
    Object.keys(rendered).map((name) => [name, ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, name), 'utf8')) as object)]),
  );
}

describe('schemas/*.schema.json', () => {
  it('are exactly what scripts/gen-schemas.js generates (run `npm run schemas` when this fails)', () => {
    expect(Object.keys(rendered).sort()).toEqual(['agent.schema.json', 'evalsuite.schema.json', 'migration.schema.json', 'provider.schema.json', 'workspace.schema.json']);
    expect(readdirSync(schemasDir).sort()).toEqual(Object.keys(rendered).sort());
    for (const [name, text] of Object.entries(rendered)) {
      expect(readFileSync(path.join(schemasDir, name), 'utf8'), `schemas/${name} is stale`).toBe(text);
    }
  });

  it('are strict like the zod schemas: an unknown key, also in metadata, is refused', () => {
    const agent = validators()['agent.schema.json']!;
    const doc = {
      apiVersion: 'modelshift.dev/v1',
      kind: 'Agent',
      metadata: { name: 'a' },
      spec: { model: { provider: 'openai', name: 'gpt-5.1' }, instructions: 'Hi' },
    };
    expect(agent(doc)).toBe(true);
    expect(agent({ ...doc, metadata: { name: 'a', team: 'x' } })).toBe(false);
    expect(agent({ ...doc, spec: { ...doc.spec, temperature: 1 } })).toBe(false);
  });
});

describe('examples/', () => {
  it('loads with zero errors', async () => {
    const workspace = await loadWorkspace(examples, { today: '2026-11-22' });
    expect(workspace.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(workspace.agents.size).toBeGreaterThan(10);
    expect(workspace.migrations.size).toBeGreaterThan(0);
  });

  it('every modelshift document validates against its JSON schema, named by its modeline', () => {
    const validate = validators();
    const checked: string[] = [];
    for (const file of yamlFiles(examples)) {
      const text = readFileSync(path.join(examples, file), 'utf8');
      for (const doc of parseAllDocuments(text)) {
        const data = doc.toJS() as { apiVersion?: string; kind?: string } | null;
        if (!data?.apiVersion?.startsWith('modelshift.dev/')) continue;
        const name = `${data.kind!.toLowerCase()}.schema.json`;
        expect(text.split('\n')[0], `${file} has no modeline for ${name}`).toMatch(new RegExp(`^# yaml-language-server: \\$schema=\\S+/schemas/${name.replace(/\./g, '\\.')}$`));
        const ok = validate[name]!(data);
        expect(ok, `${file}: ${JSON.stringify(validate[name]!.errors)}`).toBe(true);
        checked.push(file);
      }
    }
    expect(checked.length).toBeGreaterThan(20);
  });
});
