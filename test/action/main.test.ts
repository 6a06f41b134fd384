import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { pinnedExamples, runAction } from './harness.js';

const EMPTY_OUTPUTS = {
  valid: '',
  'agents-changed': '',
  gate: '',
  'comment-id': '',
  'eval-parts': '',
  'report-path': '',
  'pull-request-number': '',
  'pull-request-url': '',
  'pull-request-operation': '',
  'pull-requests': '',
  synced: '',
  drift: '',
  'dashboard-issue-number': '',
};

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
});
afterAll(() => repo.cleanup());

const run = (inputs: Record<string, string>, eventName = 'push') => runAction({ inputs, workspace: repo.dir, eventName });

describe('the Action entry', () => {
  it('syncs the merged state on mode: sync, with a summary and outputs', async () => {
    const synced = await createTestRepo(await pinnedExamples());
    try {
      const result = await runAction({ inputs: { mode: 'sync' }, workspace: synced.dir, eventName: 'push' });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.outputs.synced).toBe('30');
      expect(result.outputs.drift).toBe('true');
      expect(result.summary).toMatch(/bundle/);
      const bundle = JSON.parse(await readFile(path.join(synced.dir, 'build/agents.json'), 'utf8'));
      expect(bundle.bundleVersion).toBe(1);
      expect(Object.keys(bundle.agents)).toHaveLength(15);
      const again = await runAction({ inputs: { mode: 'sync' }, workspace: synced.dir, eventName: 'push' });
      expect(again.outputs).toMatchObject({ synced: '0', drift: 'false' });
    } finally {
      await synced.cleanup();
    }
  });

  it('fails a sync without targets, and still sets every output', async () => {
    const result = await run({ mode: 'sync' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::no sync targets: modelshift.yaml has no spec.sync.targets%0Ahint: /m);
    expect(result.outputs).toEqual(EMPTY_OUTPUTS);
  });

  it('refuses an input outside its choices before doing anything', async () => {
    const result = await run({ mode: 'check', eval: 'sometimes' }, 'pull_request');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::input eval is "sometimes"; expected one of auto, always, never/m);
    const comment = await run({ mode: 'check', comment: 'yes' }, 'pull_request');
    expect(comment.stdout).toMatch(/^::error::input comment is "yes"; expected true or false/m);
  });

  it('names a missing working directory as a setup mistake, with a hint', async () => {
    const result = await run({ mode: 'sync', 'working-directory': 'no-such-folder' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::working-directory "no-such-folder" is not a folder in the checkout .*%0Ahint: run actions\/checkout/m);
    expect(result.stdout).not.toMatch(/internal error/);
  });

  it('names a missing event file as a setup mistake, with a hint', async () => {
    const result = await runAction({ inputs: { mode: 'check' }, workspace: repo.dir, eventName: 'pull_request', env: { GITHUB_EVENT_PATH: path.join(repo.root, 'missing.json') } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::cannot read the event file .*missing\.json \(GITHUB_EVENT_PATH\): ENOENT%0Ahint: /m);
    expect(result.stdout).not.toMatch(/internal error/);
  });

  it('refuses mode: check outside a pull request event', async () => {
    const result = await run({ mode: 'check' }, 'push');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::mode: check runs on pull_request events; this run is a push/m);
    expect(result.summary).toBe('');
  });
});
