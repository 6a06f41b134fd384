import { describe, expect, it } from 'vitest';
import { agentEvents, agentsAt, isModelChange, newestFirst } from '../../src/history/replay.js';
import type { AgentModel, FileSummary, HistoryCommit, HistoryFile } from '../../src/history/types.js';

const agents = (...list: AgentModel[]): FileSummary => ({ valid: true, agents: list, migrations: [] });
const agent = (name: string, model: string, provider = 'openai'): AgentModel => ({ name, provider, model });
const INVALID: FileSummary = { valid: false };

let clock = 0;
function commit(files: HistoryFile[], message = 'change', author = 'alice'): HistoryCommit {
  clock++;
  return { sha: `c${clock}`, parents: [], author, date: `2026-01-${String(clock).padStart(2, '0')}T00:00:00Z`, message, files };
}

const summary = (events: ReturnType<typeof agentEvents>) =>
  events.map((e) => `${e.commit} ${e.agent} ${e.from?.model ?? '∅'}→${e.to?.model ?? '∅'} ${e.file}`);

describe('agentEvents', () => {
  it('reports creation, model change and deletion, and nothing for an unchanged model', () => {
    clock = 0;
    const events = agentEvents([
      commit([{ status: 'A', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1'), agent('b', 'gpt-4.1')) }]),
      commit([{ status: 'M', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1'), agent('b', 'gpt-5.1')) }]),
      commit([{ status: 'M', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1', 'azure'), agent('b', 'gpt-5.1')) }]),
      commit([{ status: 'D', path: 'a.yaml', content: null }]),
    ]);
    expect(summary(events)).toEqual([
      'c1 a ∅→gpt-4.1 a.yaml',
      'c1 b ∅→gpt-4.1 a.yaml',
      'c2 b gpt-4.1→gpt-5.1 a.yaml',
      'c3 a gpt-4.1→gpt-4.1 a.yaml',
      'c4 a gpt-4.1→∅ a.yaml',
      'c4 b gpt-5.1→∅ a.yaml',
    ]);
    expect(events[3]).toMatchObject({ from: { provider: 'openai' }, to: { provider: 'azure' } });
    expect(events.filter(isModelChange).map((e) => e.commit)).toEqual(['c2', 'c3']);
  });

  it('keeps the last good version of a file that stops parsing, through a rename too', () => {
    clock = 0;
    const events = agentEvents([
      commit([{ status: 'A', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1')) }]),
      commit([{ status: 'M', path: 'a.yaml', content: INVALID }]),
      commit([{ status: 'R', oldPath: 'a.yaml', path: 'b.yaml', content: INVALID }]),
      commit([{ status: 'M', path: 'b.yaml', content: agents(agent('a', 'gpt-5.1')) }]),
    ]);
    expect(summary(events)).toEqual(['c1 a ∅→gpt-4.1 a.yaml', 'c4 a gpt-4.1→gpt-5.1 b.yaml']);
  });

  it('does not depend on the order git lists a rename and a new file at the old path', () => {
    for (const order of [0, 1]) {
      clock = 0;
      const rename: HistoryFile = { status: 'R', oldPath: 'a.yaml', path: 'b.yaml', content: agents(agent('a', 'gpt-4.1')) };
      const added: HistoryFile = { status: 'A', path: 'a.yaml', content: agents(agent('z', 'gpt-4.1')) };
      const events = agentEvents([
        commit([{ status: 'A', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1')) }]),
        commit(order === 0 ? [rename, added] : [added, rename]),
      ]);
      expect(summary(events)).toEqual(['c1 a ∅→gpt-4.1 a.yaml', 'c2 z ∅→gpt-4.1 a.yaml']);
    }
  });

  it('lets the newest definition win while a name is defined twice, and the survivor stay when one goes', () => {
    clock = 0;
    const events = agentEvents([
      commit([{ status: 'A', path: 'a.yaml', content: agents(agent('x', 'gpt-4.1')) }]),
      commit([{ status: 'A', path: 'b.yaml', content: agents(agent('x', 'gpt-5.1')) }]),
      commit([{ status: 'D', path: 'b.yaml', content: null }]),
      commit([{ status: 'D', path: 'a.yaml', content: null }]),
    ]);
    expect(summary(events)).toEqual(['c1 x ∅→gpt-4.1 a.yaml', 'c2 x gpt-4.1→gpt-5.1 b.yaml', 'c3 x gpt-5.1→gpt-4.1 a.yaml', 'c4 x gpt-4.1→∅ a.yaml']);
  });

  it('attributes from the trailer, then the merge subject, then a Migration file of the commit', () => {
    clock = 0;
    const withMigration: FileSummary = { valid: true, agents: [], migrations: [{ name: 'from-file', to: { provider: 'openai', model: 'gpt-5.1' } }] };
    const events = agentEvents([
      commit([{ status: 'A', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1')) }]),
      commit(
        [{ status: 'M', path: 'a.yaml', content: agents(agent('a', 'gpt-5.1')) }, { status: 'A', path: 'm.yaml', content: withMigration }],
        'Merge pull request #3 from acme/modelshift/from-branch\n\nModelshift-Migration: from-trailer\n',
      ),
      commit(
        [{ status: 'M', path: 'a.yaml', content: agents(agent('a', 'gpt-5.2')) }, { status: 'M', path: 'm.yaml', content: withMigration }],
        'Merge pull request #4 from acme/modelshift/from-branch',
      ),
      commit([{ status: 'M', path: 'a.yaml', content: agents(agent('a', 'gpt-5.1')) }, { status: 'M', path: 'm.yaml', content: withMigration }], 'Back to 5.1 (#5)'),
      // Touching the rule while the agent goes somewhere else is not the rule's doing.
      commit([{ status: 'M', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1')) }, { status: 'M', path: 'm.yaml', content: withMigration }], 'Roll back (#6)'),
    ]);
    expect(events.slice(1).map((e) => [e.migration, e.pr])).toEqual([
      ['from-trailer', 3],
      ['from-branch', 4],
      ['from-file', 5],
      [null, 6],
    ]);
  });
});

describe('newestFirst', () => {
  it('reverses commits and keeps each commit’s agents in name order', () => {
    clock = 0;
    const events = agentEvents([
      commit([{ status: 'A', path: 'a.yaml', content: agents(agent('a', 'm'), agent('b', 'm')) }]),
      commit([{ status: 'A', path: 'c.yaml', content: agents(agent('c', 'm')) }]),
    ]);
    expect(newestFirst(events).map((e) => `${e.commit} ${e.agent}`)).toEqual(['c2 c', 'c1 a', 'c1 b']);
  });
});

describe('agentsAt', () => {
  it('replays the first-parent line up to the last commit dated at or before the instant', () => {
    clock = 0;
    const commits = [
      commit([{ status: 'A', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1'), agent('b', 'gpt-4.1')) }]),
      commit([{ status: 'R', oldPath: 'a.yaml', path: 'moved.yaml', content: agents(agent('a', 'gpt-5.1'), agent('b', 'gpt-4.1')) }]),
      commit([{ status: 'D', path: 'moved.yaml', content: null }]),
    ];
    expect(agentsAt(commits, new Date('2026-01-02T00:00:00Z'))).toEqual({
      at: '2026-01-02T00:00:00.000Z',
      commit: 'c2',
      agents: [
        { agent: 'a', file: 'moved.yaml', provider: 'openai', model: 'gpt-5.1', commit: 'c2' },
        { agent: 'b', file: 'moved.yaml', provider: 'openai', model: 'gpt-4.1', commit: 'c1' },
      ],
    });
    expect(agentsAt(commits, new Date('2026-02-01T00:00:00Z'))).toEqual({ at: '2026-02-01T00:00:00.000Z', commit: 'c3', agents: [] });
  });

  it('takes a commit dated out of order together with the commits before it on the line', () => {
    clock = 0;
    const first = commit([{ status: 'A', path: 'a.yaml', content: agents(agent('a', 'gpt-4.1')) }]);
    const skewed = { ...commit([{ status: 'M', path: 'a.yaml', content: agents(agent('a', 'gpt-5.1')) }]), date: '2025-12-01T00:00:00Z' };
    const state = agentsAt([first, skewed], new Date('2025-12-15T00:00:00Z'));
    expect([state.commit, state.agents.map((a) => a.model)]).toEqual([skewed.sha, ['gpt-5.1']]);
    expect(agentsAt([first, skewed], new Date('2025-11-01T00:00:00Z')).commit).toBeNull();
  });
});
