import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationModelChanges } from '../../src/rollout/rollback-history.js';
import { agentYaml } from '../helpers/workspace.js';
import { GIT_ENV, TestRepo } from '../history/repo.js';

let repo: TestRepo;
beforeEach(() => {
  repo = TestRepo.create();
});
afterEach(() => repo.remove());

const trailer = (migration: string) => `\n\nModelshift-Migration: ${migration}`;
const changes = (migration: string, matches = (m: string) => m === migration) =>
  migrationModelChanges({ cwd: repo.dir, env: GIT_ENV, commit: repo.head() }, matches);

describe('migrationModelChanges', () => {
  it('takes the params from before the migration\'s first change and from its last one, across a move to another file', async () => {
    repo.write('agents/a.yaml', agentYaml('a', 'gpt-4.1', '{ temperature: 0.2, max_tokens: 800 }'));
    repo.write('agents/b.yaml', agentYaml('b', 'gpt-4.1', '{ max_tokens: 100 }'));
    repo.commit('agents');
    repo.write('agents/a.yaml', agentYaml('a', 'gpt-5', '{ max_completion_tokens: 800 }'));
    repo.commit(`migrate a${trailer('m')}`);
    repo.move('agents/a.yaml', 'agents/support/a.yaml');
    repo.commit('tidy up');
    repo.write('agents/support/a.yaml', agentYaml('a', 'gpt-5.1', '{ max_completion_tokens: 900 }'));
    const last = repo.commit(`migrate a again${trailer('m')}`);
    repo.write('agents/b.yaml', agentYaml('b', 'gpt-5.1', '{}'));
    repo.commit(`another migration${trailer('other')}`);

    const found = await changes('m');
    expect(found).toEqual([
      {
        agent: 'a',
        before: { provider: 'openai', name: 'gpt-4.1', params: { temperature: 0.2, max_tokens: 800 } },
        after: { provider: 'openai', name: 'gpt-5.1', params: { max_completion_tokens: 900 } },
        commit: last,
      },
    ]);
    expect((await changes('other')).map((c) => c.agent)).toEqual(['b']);
  });

  it('finds changes attributed through a promote branch\'s merge subject, and none for a migration that changed nothing', async () => {
    repo.write('agents/a.yaml', agentYaml('a', 'gpt-4.1', '{}'));
    repo.commit('agent');
    repo.git(['checkout', '-q', '-b', 'modelshift/m-promote-100']);
    repo.write('agents/a.yaml', agentYaml('a', 'gpt-5.1', '{}'));
    repo.commit('cut over');
    repo.git(['checkout', '-q', 'main']);
    repo.merge('modelshift/m-promote-100', 'Merge pull request #3 from acme/modelshift/m-promote-100');

    expect(await changes('other')).toEqual([]);
    // The cut-over of m is m's own change.
    const found = await changes('m');
    expect(found.map((c) => [c.agent, c.before?.name, c.after?.name])).toEqual([['a', 'gpt-4.1', 'gpt-5.1']]);
  });
});
