import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/index.js';
import { IdMatcher } from '../../src/scan/ids.js';
import { planReferences, type ReferencesRule } from '../../src/scan/rewrite.js';
import { scanText } from '../../src/scan/scan.js';
import { runCli } from '../helpers/run-cli.js';
import { agentYaml, PROVIDERS } from '../helpers/workspace.js';

const catalog = new Catalog();
const ids = new IdMatcher(catalog);
const TODAY = '2026-12-01';

function plan(files: Record<string, string>, rule: ReferencesRule | undefined, to = 'gpt-5.1', providerChanges = false) {
  const texts = new Map(Object.entries(files));
  const references = Object.entries(files).flatMap(([file, text]) => scanText(file, text, ids, TODAY));
  return planReferences({ from: 'gpt-4.1', to, rule, providerChanges, destination: catalog.lookup(to), references, texts });
}

/** The text with every occurrence of the new id put back: what must equal the original byte for byte. */
const undo = (text: string, from: string, to: string) => text.split(to).join(from);

const APP = `from openai import OpenAI
client = OpenAI()

def ask(q):
    # Runs on gpt-4.1 today.
    return client.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": q}])

SMALL = "gpt-4.1-mini"
`;
const CONFIG = `# Gateway models
model_list:
  - model_name: default        # what clients call
    litellm_params:
      model: 'openai/gpt-4.1'   # keep quoted
`;

describe('planReferences', () => {
  it('rewrites only the id bytes, in code literals and through the YAML edit engine; other ids and comments stay', () => {
    const result = plan({ 'app.py': APP, 'gateway/config.yaml': CONFIG, '.env': 'OPENAI_MODEL="gpt-4.1"\r\nOTHER=1\r\n' }, {});
    expect(result.changes.map((c) => `${c.file}:${c.line}:${c.column} ${c.kind}`)).toEqual(['.env:1:15 env', 'app.py:6:50 call-site', 'gateway/config.yaml:5:22 config']);
    expect(result.files['app.py']).toBe(APP.replace('model="gpt-4.1"', 'model="gpt-5.1"'));
    expect(result.files['gateway/config.yaml']).toBe(CONFIG.replace("'openai/gpt-4.1'", "'openai/gpt-5.1'"));
    expect(result.files['.env']).toBe('OPENAI_MODEL="gpt-5.1"\r\nOTHER=1\r\n');
    for (const [file, text] of Object.entries(result.files)) {
      expect(text.length).toBe(({ 'app.py': APP, 'gateway/config.yaml': CONFIG, '.env': 'OPENAI_MODEL="gpt-4.1"\r\nOTHER=1\r\n' } as Record<string, string>)[file]!.length);
    }
    // The comment (docs) is not rewritten unless the rule asks for docs.
    expect(result.files['app.py']).toContain('# Runs on gpt-4.1 today.');
    expect(result.diff).toContain('-    return client.chat.completions.create(model="gpt-4.1"');
    expect(result.diff).toContain('+    return client.chat.completions.create(model="gpt-5.1"');
  });

  it('is idempotent: planned again on its own output, nothing is left to change', () => {
    const first = plan({ 'app.py': APP, 'gateway/config.yaml': CONFIG }, { kinds: ['call-site', 'config', 'docs'] });
    const again = plan(first.files, { kinds: ['call-site', 'config', 'docs'] });
    expect(again.changes).toEqual([]);
    expect(again.files).toEqual({});
    expect(undo(first.files['app.py']!, 'gpt-4.1', 'gpt-5.1')).toBe(APP);
  });

  it('names a call site passing a parameter the destination refuses, and leaves it as it is', () => {
    const code = 'r = client.chat.completions.create(\n    model="gpt-4.1",\n    temperature=0.2,\n    messages=m,\n)\nok = client.chat.completions.create(model="gpt-4.1", messages=m)\n';
    const result = plan({ 'app.py': code }, {});
    expect(result.warnings).toEqual([{ file: 'app.py', line: 2, column: 12, message: expect.stringContaining('the call passes temperature, which gpt-5.1 refuses') }]);
    expect(result.changes.map((c) => c.line)).toEqual([6]);
    expect(result.files['app.py']).toBe(code.replace('model="gpt-4.1", messages=m)', 'model="gpt-5.1", messages=m)'));
    // A destination that accepts temperature rewrites both.
    expect(plan({ 'app.py': code.replaceAll('gpt-4.1', 'gpt-4.1') }, {}, 'gpt-4.1-mini').changes.map((c) => c.line)).toEqual([2, 6]);
  });

  it('names builder calls too (Java: .temperature(…) in the same statement)', () => {
    const java = 'class A {\n  Object m = OpenAiChatModel.builder()\n      .modelName("gpt-4.1")\n      .temperature(0.2)\n      .build();\n}\n';
    expect(plan({ 'A.java': java }, {}).warnings.map((w) => w.line)).toEqual([3]);
  });

  it('leaves Bedrock ids, and provider prefixes across a provider change, to a person', () => {
    const kotlin = 'val a = request(model = "gpt-4.1")\nval b = request(model = "openai/gpt-4.1")\n';
    const result = plan({ 'a.kt': kotlin }, {}, 'claude-sonnet-4-6', true);
    expect(result.changes.map((c) => c.line)).toEqual([1]);
    expect(result.warnings.map((w) => [w.line, w.message.includes('provider prefix')])).toEqual([[2, true]]);
    const bedrock = planReferences({
      from: 'claude-3-5-sonnet-20240620', to: 'claude-sonnet-4-6', rule: {}, providerChanges: false, destination: catalog.lookup('claude-sonnet-4-6'),
      references: scanText('a.py', 'r = completion(model="bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0")\n', ids, TODAY),
      texts: new Map([['a.py', 'r = completion(model="bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0")\n']]),
    });
    expect([bedrock.changes.length, bedrock.warnings.map((w) => w.message)]).toEqual([0, [expect.stringContaining('Bedrock')]]);
  });

  it('honours include, exclude and kinds; counts what it leaves behind', () => {
    const files = { 'app.py': APP, 'legacy/app.py': APP, '.env': 'OPENAI_MODEL=gpt-4.1\n', 'docs/notes.md': 'We use gpt-4.1.\n' };
    const result = plan(files, { include: ['**/*.py', 'docs/**'], exclude: ['legacy/**'], kinds: ['call-site', 'docs'] });
    expect(result.changes.map((c) => c.file)).toEqual(['app.py', 'app.py', 'docs/notes.md']);
    expect(result.outside).toBe(6);
    expect(result.notCovered).toBe(3);
    const none = plan(files, undefined);
    expect([none.configured, none.changes.length, none.outside, none.notCovered]).toEqual([false, 0, 6, 6]);
  });
});

describe('plan/apply with spec.references', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  async function workspace(references: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'modelshift-refs-'));
    dirs.push(dir);
    const files: Record<string, string> = {
      ...PROVIDERS,
      'agents/triage.yaml': agentYaml('triage', 'gpt-4.1', '{ max_completion_tokens: 400 }'),
      'migrations/m.yaml': `apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: m }\nspec:\n  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n${references}`,
      'app/main.py': APP,
      'app/hot.py': 'r = client.chat.completions.create(model="gpt-4.1", temperature=0.7, messages=m)\n',
      'deploy/gateway.yaml': CONFIG,
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
    return dir;
  }

  it('plan lists references with their own diff and the refused call site; apply writes them; a second apply changes nothing', async () => {
    const dir = await workspace('  references: { include: ["app/**", "deploy/**"] }\n');
    const planned = await runCli(['--format', 'json', 'plan', 'm'], dir, {}, new Date(`${TODAY}T00:00:00Z`));
    expect(planned.code).toBe(0);
    const json = JSON.parse(planned.stdout) as { references: { changes: { file: string }[]; warnings: { file: string; message: string }[]; summary: object; diff: string }; diff: string };
    expect(json.references.changes.map((c) => c.file)).toEqual(['app/main.py', 'deploy/gateway.yaml']);
    expect(json.references.warnings).toEqual([expect.objectContaining({ file: 'app/hot.py', message: expect.stringContaining('temperature') })]);
    expect(json.references.summary).toEqual({ rewritten: 2, warned: 1, outside: 4, notCovered: 2 });
    expect(json.references.diff).toContain('+++ b/app/main.py');
    expect(json.diff).not.toContain('app/main.py');
    const text = await runCli(['plan', 'm'], dir, {}, new Date(`${TODAY}T00:00:00Z`));
    expect(text.stdout).toMatch(/References \(spec.references\): 2 references rewritten outside modelshift files, 1 not rewritten[\s\S]*app\/hot.py:1:43[\s\S]*\nPlan: 1 agent to migrate/);

    const applied = await runCli(['apply', 'm'], dir, {}, new Date(`${TODAY}T00:00:00Z`));
    expect(applied.code, applied.stderr + applied.stdout).toBe(0);
    expect(await readFile(path.join(dir, 'app/main.py'), 'utf8')).toBe(APP.replace('model="gpt-4.1"', 'model="gpt-5.1"'));
    expect(await readFile(path.join(dir, 'deploy/gateway.yaml'), 'utf8')).toBe(CONFIG.replace('gpt-4.1', 'gpt-5.1'));
    expect(await readFile(path.join(dir, 'app/hot.py'), 'utf8')).toContain('model="gpt-4.1", temperature=0.7');
    const again = await runCli(['--format', 'json', 'plan', 'm', '--exit-code'], dir, {}, new Date(`${TODAY}T00:00:00Z`));
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { references: { changes: unknown[] } }).references.changes, again.stdout).toEqual([]);
  });

  it('an unknown kind in spec.references is a finding that names it', async () => {
    const dir = await workspace('  references: { kinds: [comments] }\n');
    const run = await runCli(['validate'], dir, {}, new Date(`${TODAY}T00:00:00Z`));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('migrations/m.yaml:7:25');
    expect(run.stdout).toContain('spec.references.kinds');
  });
});
