import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiFake, type FakeLlmServer } from '../fakes/openai-server.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';

/**
 * Issue 16 secret test: one planted key in each environment variable and one
 * in each YAML location, then every output of every command, every file
 * modelshift wrote and every request the fake servers received is searched
 * for any 12-character stretch of any of them.
 */
const planted = (tag: string) => ['sk', 'proj', `${tag}Q7zL9xK2mN4vB8cR5tY1wE3uI6oP0aS`].join('-');
const ENV_SECRETS = { OPENAI_API_KEY: planted('envopenai'), RUNTIME_TOKEN: ['rt', 'Hy5Tb6Mw3Nz9Kp4Vx7Lr2q8Zc1'].join('_'), GITHUB_TOKEN: ['ghp', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('_') };
const YAML_SECRETS = {
  instructions: planted('instr'),
  paramValue: planted('pvalue'),
  paramKey: planted('pkey'),
  labelKey: planted('lkey'),
  labelValue: planted('lvalue'),
  unknownField: planted('field'),
  caseInput: planted('case'),
  description: planted('descr'),
};
const ALL = { ...ENV_SECRETS, ...YAML_SECRETS };

let openai: FakeLlmServer;
let runtime: Server;
const runtimeRequests: string[] = [];
let repo: TestRepo;
const outputs: [string, string][] = [];

function files(openaiUrl: string, runtimeUrl: string): Record<string, string> {
  const s = YAML_SECRETS;
  return {
    'modelshift.yaml': `apiVersion: modelshift.dev/v1
kind: Workspace
metadata: { name: w }
spec:
  sync:
    targets:
      - { name: bundle, type: file, path: build/agents.json }
      - { name: runtime, type: http, url: "${runtimeUrl}", tokenEnv: RUNTIME_TOKEN }
`,
    'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, baseURL: "${openaiUrl}", apiKeyEnv: OPENAI_API_KEY }\n`,
    'agents/clean.yaml': `apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: clean }
spec:
  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 100 } }
  instructions: Sort tickets.
`,
    'agents/leaky.yaml': `apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: leaky
  labels: { ${s.labelKey}: x, team: ${s.labelValue} }
  ${s.unknownField}: 1
spec:
  model:
    provider: openai
    name: gpt-4.1
    params: { max_tokens: 100, api_key: ${s.paramValue}, ${s.paramKey}: 2 }
  instructions: |
    Sort tickets.
    Use ${s.instructions} for lookups.
`,
    'evals/clean.yaml': `apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata: { name: clean }\nspec:\n  cases:\n    - { name: c1, input: hello, assert: [{ type: contains, value: ok }] }\n    - { name: c2, input: again, assert: [{ type: contains, value: ok }] }\n`,
    'evals/leaky.yaml': `apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata: { name: leaky }\nspec:\n  cases:\n    - { name: c, input: "my key is ${s.caseInput}", assert: [{ type: contains, value: ok }] }\n`,
    'migrations/old.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: old, description: "rotate ${s.description}" }
spec:
  from: { provider: openai, model: gpt-4o }
  to: { provider: openai, model: gpt-5.1 }
`,
    'migrations/m.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: m }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  select: { names: [clean] }
  params: { rename: { max_tokens: max_completion_tokens } }
  eval: { suites: [clean] }
`,
  };
}

async function run(label: string, args: string[]): Promise<CliRun> {
  const result = await runCli(args, repo.dir, { PATH: process.env.PATH, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...ENV_SECRETS });
  outputs.push([`${label} stdout`, result.stdout], [`${label} stderr`, result.stderr]);
  return result;
}

async function walk(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  const found = await Promise.all(entries.map((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.name === '.git') return [];
    return e.isDirectory() ? walk(dir, child) : [child];
  }));
  return found.flat();
}

/** Every 12-character stretch of every secret found in `text`, as `secret-name@offset`. */
function leaks(text: string): string[] {
  const hits: string[] = [];
  for (const [name, secret] of Object.entries(ALL)) {
    for (let i = 0; i + 12 <= secret.length; i++) if (text.includes(secret.slice(i, i + 12))) hits.push(`${name}@${i}`);
  }
  return hits;
}

beforeAll(async () => {
  // A provider that echoes part of the key it was sent in one error body.
  openai = await startOpenAiFake({
    apiKey: ENV_SECRETS.OPENAI_API_KEY,
    responder: (_req, index) => index === 0
      ? { type: 'error', status: 400, body: { error: { message: `Invalid request for key ${ENV_SECRETS.OPENAI_API_KEY.slice(4, 30)}…`, type: 'invalid_request_error', param: null, code: null } } }
      : { type: 'message', text: 'ok' },
  });
  // A runtime that refuses the token and echoes it back in its body.
  runtime = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      runtimeRequests.push(`${req.method} ${req.url} ${JSON.stringify({ ...req.headers, authorization: undefined })} ${body}`);
      res.writeHead(req.method === 'GET' ? 404 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `token ${String(req.headers.authorization)} is not allowed` }));
    });
  });
  await new Promise<void>((resolve) => runtime.listen(0, '127.0.0.1', resolve));
  repo = await createTestRepo(files(openai.baseURL, `http://127.0.0.1:${(runtime.address() as AddressInfo).port}/config`));
});

afterAll(async () => {
  await openai.close();
  await new Promise((resolve) => runtime.close(resolve));
  await repo.cleanup();
});

describe('no secret in any output, file or request', () => {
  it('runs every command that reads the workspace, with a key in every place', async () => {
    const commands = async (phase: string) => {
      for (const format of ['text', 'json', 'markdown']) {
        expect((await run(`${phase} validate ${format}`, ['--format', format, 'validate'])).code).toBe(1);
        await run(`${phase} plan ${format}`, ['--format', format, 'plan', 'm']);
      }
    };
    await commands('every file');
    await run('every file: eval', ['eval', 'm']);
    await run('every file: sync', ['sync']);
    const sent = openai.requests.length;
    // Only the suite keeps its key: the rest of the workspace is valid, so eval and sync run.
    await repo.commit({ 'agents/leaky.yaml': null, 'migrations/old.yaml': null }, 'remove the leaky agent and rule');
    await commands('suite only');
    const refused = await run('eval leaky suite', ['eval', 'm', '--suite', 'leaky']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('eval would send it to the model provider; nothing was sent');
    expect(openai.requests).toHaveLength(sent);
    await run('eval json', ['--format', 'json', 'eval', 'm']);
    await run('eval markdown', ['--format', 'markdown', 'eval', 'm']);
    expect(openai.requests.length).toBeGreaterThan(sent);
    // sync runs on a valid workspace only: the keys left are the environment's.
    await repo.commit({ 'evals/leaky.yaml': null }, 'remove the leaky suite');
    await run('sync dry-run', ['sync', '--dry-run']);
    const synced = await run('sync', ['--format', 'json', 'sync']);
    expect(synced.stderr).toMatch(/refused|HTTP 401/);
    expect(runtimeRequests.length).toBeGreaterThan(0);
  });

  it('finds no 12-character stretch of any secret anywhere', async () => {
    const written = (await walk(repo.dir)).filter((f) => !/\.ya?ml$/.test(f) || f.startsWith('build/'));
    expect(written.some((f) => f.startsWith('build/'))).toBe(true);
    const scanned: [string, string][] = [
      ...outputs,
      ...(await Promise.all(written.map(async (f): Promise<[string, string]> => [`file ${f}`, await readFile(path.join(repo.dir, f), 'utf8')]))),
      ...openai.requests.map((r, i): [string, string] => [`openai request ${i}`, JSON.stringify({ ...r, headers: { ...r.headers, authorization: undefined } })]),
      ...runtimeRequests.map((r, i): [string, string] => [`runtime request ${i}`, r]),
    ];
    const found = scanned.flatMap(([where, text]) => leaks(text).map((hit) => `${where}: ${hit}`));
    console.log(`secret test: ${scanned.length} outputs, files and requests scanned for ${Object.keys(ALL).length} secrets; ${found.length} stretches found`);
    expect(found).toEqual([]);
    expect(scanned.length).toBeGreaterThan(20);
  });
});
