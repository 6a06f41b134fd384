import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runAction } from './harness.js';

const EMPTY_OUTPUTS = {
  valid: '',
  'agents-changed': '',
  gate: '',
  'comment-id': '',
  'pull-request-number': '',
  'pull-request-url': '',
  'pull-request-operation': '',
  'pull-requests': '',
};

let repo: TestRepo;
beforeAll(async () => {
  repo = await createTestRepo();
});
afterAll(() => repo.cleanup());

const run = (inputs: Record<string, string>, eventName = 'push') => runAction({ inputs, workspace: repo.dir, eventName });

describe('the Action entry', () => {
  it('fails clearly on mode: sync, which this version does not have, and still sets every output', async () => {
    const result = await run({ mode: 'sync' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::mode: sync is not available in this version%0Ahint: /m);
    expect(result.outputs).toEqual(EMPTY_OUTPUTS);
  });

  it('refuses an input outside its choices before doing anything', async () => {
    const result = await run({ mode: 'check', eval: 'sometimes' }, 'pull_request');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::input eval is "sometimes"; expected one of auto, always, never/m);
    const comment = await run({ mode: 'check', comment: 'yes' }, 'pull_request');
    expect(comment.stdout).toMatch(/^::error::input comment is "yes"; expected true or false/m);
  });

  it('refuses mode: check outside a pull request event', async () => {
    const result = await run({ mode: 'check' }, 'push');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error::mode: check runs on pull_request events; this run is a push/m);
    expect(result.summary).toBe('');
  });
});
