import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../fakes/github-server.js';
import { exampleFiles } from '../helpers/examples.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

let repo: TestRepo;
let fake: FakeGitHub;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  repo = await createTestRepo(await exampleFiles());
  fake = await FakeGitHub.start({ collaborators: ['alice'], teams: ['support-eng'] });
  env = { GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_API_URL: fake.url, PATH: process.env.PATH };
});
afterEach(async () => {
  await fake.close();
  await repo.cleanup();
});

describe('two pr runs at once', () => {
  it('one opens the PR; the other succeeds too or says another run is updating the branch, never a permission hint', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 2; round++) {
      // A second clone, as a second CI job would have.
      const other = await repo.clone(`other-${round}`);
      const runs = await Promise.all([runCli(['pr', 'gpt-4.1-to-gpt-5.1'], repo.dir, env), runCli(['pr', 'gpt-4.1-to-gpt-5.1'], other, env)]);
      for (const run of runs) {
        expect(run.stderr).not.toMatch(/contents: write|token/);
        if (run.code === 0) outcomes.push('ok');
        else {
          expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(/another run is updating this branch .* right now; re-run|changed on origin while modelshift ran/) });
          outcomes.push('re-run');
        }
      }
    }
    // Whatever the interleaving, one PR holds the migration and the branch is on origin.
    expect(fake.pulls.filter((p) => p.state === 'open')).toHaveLength(1);
    expect(await repo.remoteSha('modelshift/gpt-4.1-to-gpt-5.1')).toBeDefined();
    expect(outcomes).toContain("ok");
  });
});
