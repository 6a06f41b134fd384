import { access, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FakeRuntime } from '../fakes/runtime-server.js';
import { exampleFiles } from '../helpers/examples.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const BASE_ENV = { PATH: process.env.PATH, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const AGENTS = 15;

let repo: TestRepo;
let runtime: FakeRuntime;
beforeEach(async () => {
  repo = await createTestRepo(await exampleFiles());
  runtime = await FakeRuntime.start({ token: 'runtime-token-PLANTED-0001' });
});
afterEach(async () => {
  await runtime.close();
  await repo.cleanup();
});

const sync = (args: string[] = [], env: Record<string, string | undefined> = BASE_ENV) => runCli(['sync', ...args], repo.dir, env);
const read = (file: string) => readFile(path.join(repo.dir, file), 'utf8');
const exists = (file: string) => access(path.join(repo.dir, file)).then(() => true, () => false);

async function addHttpTarget(): Promise<void> {
  const config = await read('modelshift.yaml');
  await repo.commit({ 'modelshift.yaml': `${config}      - { name: runtime, type: http, url: "${runtime.url}", tokenEnv: RUNTIME_TOKEN }\n` }, 'add the runtime target');
}

describe('modelshift sync', () => {
  it('writes every target with the revision, prints per-target counts, and writes nothing the second time', async () => {
    const head = (await repo.git(['rev-parse', 'HEAD'])).trim();
    const first = await sync();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Revision ${head.slice(0, 12)} (clean)`);
    expect(first.stdout).toContain(`bundle (file build/agents.json): ${AGENTS} created, 0 updated, 0 unchanged, 0 pruned · written`);
    expect(first.stdout).toContain(`gateway (litellm deploy/litellm/config.yaml): ${AGENTS} created, 0 updated, 0 unchanged, 0 pruned · written`);
    const bundle = JSON.parse(await read('build/agents.json'));
    expect(bundle).toMatchObject({ bundleVersion: 1, revision: { commit: head, dirty: false } });
    expect(Object.keys(bundle.agents)).toHaveLength(AGENTS);
    expect((parse(await read('deploy/litellm/config.yaml')) as { model_list: unknown[] }).model_list.length).toBeGreaterThanOrEqual(AGENTS);

    const second = await sync(['--format', 'json', '--exit-code']);
    expect(second.code).toBe(0);
    const data = JSON.parse(second.stdout);
    expect(data).toMatchObject({ revision: { commit: head, dirty: false }, dryRun: false, drift: false });
    expect(data.targets.map((t: { name: string; written: boolean; counts: object }) => [t.name, t.written, t.counts])).toEqual([
      ['bundle', false, { created: 0, updated: 0, unchanged: AGENTS, pruned: 0, extra: 0 }],
      ['gateway', false, { created: 0, updated: 0, unchanged: AGENTS, pruned: 0, extra: 0 }],
    ]);
  });

  it('--dry-run prints the diff against the target and writes nothing; --exit-code turns drift into exit 1', async () => {
    await sync();
    const before = await read('build/agents.json');
    const agent = 'agents/sales/email-drafter.yaml';
    await repo.commit({ [agent]: (await read(agent)).replace('temperature: 0.7', 'temperature: 0.5') }, 'cooler drafts');

    const dry = await sync(['--dry-run', '--exit-code', '--target', 'bundle']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('Dry run: nothing is written.');
    expect(dry.stdout).toContain('bundle (file build/agents.json): 0 to create, 1 to update, 14 unchanged, 0 to prune');
    expect(dry.stdout).toContain('  ~ sales-email-drafter\n      model.params.temperature: 0.7 → 0.5');
    expect(dry.stdout).not.toContain('gateway');
    expect(await read('build/agents.json')).toBe(before);

    expect((await sync(['--exit-code'])).code).toBe(1);
    expect(JSON.parse(await read('build/agents.json')).agents['sales-email-drafter'].model.params.temperature).toBe(0.5);
    expect((await sync(['--exit-code'])).code).toBe(0);
  });

  it('keeps agents git no longer has unless --prune, and refuses an empty workspace unless --allow-empty', async () => {
    await sync();
    await repo.commit({ 'agents/support/legacy.yaml': null }, 'retire the legacy agent');
    const kept = await sync(['--target', 'bundle', '--exit-code']);
    expect(kept.code).toBe(1);
    expect(kept.stdout).toContain(`0 created, 0 updated, ${AGENTS - 1} unchanged, 0 pruned, 1 not in git · nothing to write`);
    expect(kept.stdout).toContain('? support-legacy: not in git, kept (--prune removes it)');
    expect(JSON.parse(await read('build/agents.json')).agents['support-legacy']).toBeDefined();

    const pruned = await sync(['--target', 'bundle', '--prune']);
    expect(pruned.stdout).toContain(`0 created, 0 updated, ${AGENTS - 1} unchanged, 1 pruned · written`);
    expect(JSON.parse(await read('build/agents.json')).agents['support-legacy']).toBeUndefined();

    await rm(path.join(repo.dir, 'agents'), { recursive: true });
    const refused = await sync(['--prune']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/has no agents; syncing would leave the targets with nothing and --prune would remove every agent they hold/);
    expect(refused.stderr).toMatch(/--allow-empty/);
    expect(Object.keys(JSON.parse(await read('build/agents.json')).agents)).toHaveLength(AGENTS - 1);

    const emptied = await sync(['--prune', '--allow-empty', '--target', 'bundle']);
    expect(emptied.code).toBe(0);
    expect(JSON.parse(await read('build/agents.json')).agents).toEqual({});
  });

  it('never lets a secret into output, bundle or request body: keys are referenced by NAME, the token only in the header', async () => {
    await addHttpTarget();
    const secrets = { OPENAI_API_KEY: 'sk-proj-PLANTED-openai-0000000000000000', ANTHROPIC_API_KEY: 'sk-ant-PLANTED-anthropic-000000000000', RUNTIME_TOKEN: 'runtime-token-PLANTED-0001' };
    const env = { ...BASE_ENV, ...secrets };
    const runs = [await sync([], env), await sync(['--dry-run', '--format', 'json'], env), await sync(['--format', 'markdown'], env)];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);

    const put = runtime.requested('PUT');
    expect(put).toHaveLength(1);
    expect(put[0]!.headers.authorization).toBe(`Bearer ${secrets.RUNTIME_TOKEN}`);
    const written = [await read('build/agents.json'), await read('deploy/litellm/config.yaml'), put[0]!.body, runtime.stored!];
    const everything = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...written].join('\n');
    for (const value of Object.values(secrets)) expect(everything).not.toContain(value);
    expect(everything).not.toContain('PLANTED');
    expect(JSON.parse(put[0]!.body).agents['support-triage'].model.apiKeyEnv).toBe('OPENAI_API_KEY');
    expect(await read('deploy/litellm/config.yaml')).toContain('api_key: os.environ/OPENAI_API_KEY');
  });

  it('reads every target before writing any: a runtime that refuses the token leaves the files untouched (exit 2)', async () => {
    await addHttpTarget();
    const run = await sync([], { ...BASE_ENV, RUNTIME_TOKEN: 'wrong' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/reading http:\/\/127\.0\.0\.1:\d+\/config was refused \(HTTP 401\)/);
    expect(run.stderr).toMatch(/hint: check the token: the value of RUNTIME_TOKEN/);
    expect(await exists('build/agents.json')).toBe(false);
    expect(await exists('deploy/litellm/config.yaml')).toBe(false);

    const missing = await sync([], BASE_ENV);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the environment variable RUNTIME_TOKEN is not set/);
    expect(runtime.requests).toHaveLength(1);
  });

  it('refuses an invalid workspace (exit 1) and an unknown target (exit 2), writing nothing', async () => {
    const unknown = await sync(['--target', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no sync target named "nope"/);
    expect(unknown.stderr).toMatch(/targets in modelshift.yaml: bundle, gateway/);

    const agent = 'agents/sales/email-drafter.yaml';
    await repo.commit({ [agent]: (await read(agent)).replace('provider: openai', 'provider: nobody') }, 'break it');
    const invalid = await sync();
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/agents\/sales\/email-drafter\.yaml:\d+:\d+: error: the workspace is invalid, so nothing is synced/);
    expect(await exists('build/agents.json')).toBe(false);
  });
});
