import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { validateCommand } from '../../src/commands/validate.js';
import { MIN_FILES_PER_WORKER } from '../../src/workspace/parse-files.js';

const repo = path.resolve(import.meta.dirname, '../..');
let tmp: string;

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

function context(cwd: string, options: { now?: string; isTTY?: boolean } = {}) {
  const out: string[] = [];
  const ctx: CommandContext = {
    cwd, env: {}, stdout: (t) => out.push(t), stderr: (t) => out.push(t), isTTY: options.isTTY ?? false, now: new Date(options.now ?? '2026-11-22T12:00:00Z'),
  };
  return { ctx, out };
}

const PROVIDER = 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, apiKeyEnv: OPENAI_API_KEY }\n';
const agent = (name: string, model = 'gpt-5.2', params = 'max_completion_tokens: 500', extra = '') => `# generated
apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: ${name}, labels: { team: support } }
spec:
  model: { provider: openai, name: ${model}, params: { ${params} } }
  instructions: Sort tickets.
${extra}`;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'modelshift-validate-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('validate', () => {
  it('exits 0 on a valid workspace and prints the DESIGN §2 JSON shape', async () => {
    const root = path.join(tmp, 'valid');
    write(root, { 'providers/openai.yaml': PROVIDER, 'agents/a.yaml': agent('a') });
    const { ctx, out } = context(root);
    const result = await validateCommand(ctx, { format: 'json' });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({
      ok: true,
      counts: { files: 2, agents: 1, providers: 1, migrations: 0, evalSuites: 0 },
      errors: [],
      warnings: [],
    });
  });

  it('says a folder without modelshift files was not checked: a warning, an error with --strict', async () => {
    const root = path.join(tmp, 'empty');
    write(root, { 'README.md': '# not a workspace\n', '.github/workflows/ci.yml': 'on: push\n' });
    const { ctx, out } = context(root);
    expect((await validateCommand(ctx, { format: 'text' })).exitCode).toBe(0);
    expect(out.join('')).toContain('.:1:1  warning  no modelshift files here, so nothing was checked; run modelshift init');
    const strict = context(root);
    const result = await validateCommand(strict.ctx, { format: 'json', strict: true });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(strict.out.join('')).errors.map((e: { rule: string }) => e.rule)).toEqual(['no-files']);
  });

  it('exits 1 on an error, names file:line:column in every format, and judges retirement by the injected day', async () => {
    const root = path.join(tmp, 'invalid');
    write(root, {
      'providers/openai.yaml': PROVIDER,
      'agents/a.yaml': agent('a', 'gpt-5.2', 'max_completion_tokens: 500', '  temperature: 1\n'),
      'agents/b.yaml': agent('b', 'gpt-4.1', 'max_tokens: 500'),
    });

    const json = context(root, { now: '2027-02-01T00:00:00Z' });
    const result = await validateCommand(json.ctx, { format: 'json' });
    expect(result.exitCode).toBe(1);
    expect(result.data.errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.path} ${f.rule}`)).toEqual([
      'agents/a.yaml:8:3 spec.temperature schema',
      'agents/b.yaml:6:36 spec.model.name model-retired',
    ]);

    const text = context(root);
    expect((await validateCommand(text.ctx, { format: 'text' })).exitCode).toBe(1);
    expect(text.out.join('')).toBe(
      'agents/a.yaml:8:3  error    unknown key "temperature" in spec; allowed keys are model, instructions, tools, responseFormat, rollout  [schema]\n' +
        'agents/b.yaml:6:36  warning  model "gpt-4.1" retires on 2027-01-14 (in 53 days); migrate to gpt-6-luna  [model-retiring]\n' +
        '\n✗ invalid: 1 error, 1 warning in 3 files (2 agents, 1 provider, 0 migrations, 0 eval suites)\n',
    );

    const markdown = context(root);
    await validateCommand(markdown.ctx, { format: 'markdown' });
    expect(markdown.out.join('')).toContain('| ❌ | `agents/a.yaml:8:3` | unknown key "temperature" in spec;');
  });

  it('colours text only for a terminal', async () => {
    const root = path.join(tmp, 'colour');
    write(root, { 'providers/openai.yaml': PROVIDER, 'agents/a.yaml': agent('a') });
    const tty = context(root, { isTTY: true });
    await validateCommand(tty.ctx, { format: 'text' });
    expect(tty.out.join('')).toContain('\u001b[');
    const pipe = context(root);
    await validateCommand(pipe.ctx, { format: 'text' });
    expect(pipe.out.join('')).not.toContain('\u001b[');
  });

  it('keeps terminal escapes written into a key out of the text output', async () => {
    const root = path.join(tmp, 'escapes');
    write(root, { 'providers/openai.yaml': PROVIDER, 'agents/a.yaml': agent('a', 'gpt-5.2', 'max_completion_tokens: 5', '  "\\e[2Jwipe": 1\n') });
    const { ctx, out } = context(root);
    expect((await validateCommand(ctx, { format: 'text' })).exitCode).toBe(1);
    expect(out.join('')).toContain('unknown key "[2Jwipe" in spec');
    expect(out.join('')).not.toContain('\u001b');
  });
});

describe('validate on a workspace large enough for worker threads', () => {
  it('reports exactly what the single-threaded loader reports, in the same order', async () => {
    if (!existsSync(path.join(repo, 'dist/src/cli.js'))) throw new Error('dist/ is missing: run `npm run build` before this test');
    const root = path.join(tmp, 'large');
    const count = MIN_FILES_PER_WORKER * 3;
    const files: Record<string, string> = { 'providers/openai.yaml': PROVIDER };
    for (let i = 0; i < count; i++) {
      // Problems spread over the files so every thread finds some: unknown keys, retiring models, a duplicate name.
      const broken = i % 97 === 0 ? '  temprature: 1\n' : '';
      const model = i % 13 === 0 ? 'gpt-4.1' : 'gpt-5.2';
      files[`agents/team-${i % 20}/agent-${i}.yaml`] = agent(i === count - 1 ? 'agent-5' : `agent-${i}`, model, model === 'gpt-4.1' ? 'max_tokens: 5' : 'max_completion_tokens: 5', broken);
    }
    write(root, files);

    const cli = spawnSync(process.execPath, [path.join(repo, 'bin/modelshift.js'), 'validate', '-C', root, '--format', 'json'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(1);
    const { ctx } = context(root, { now: new Date().toISOString() });
    const serial = await validateCommand(ctx, { format: 'json' });
    expect(JSON.parse(cli.stdout)).toEqual(serial.data);
    expect(serial.data.counts.agents).toBe(count);
    expect(serial.data.errors.map((f) => f.rule)).toEqual(expect.arrayContaining(['schema', 'unique-name']));
    expect(serial.data.errors.length).toBe(Math.ceil(count / 97) + 1);
  });
});
