import { describe, expect, it } from 'vitest';
import { referencesGroup, refSafe, splitPlan, type PlanGroup } from '../../src/pr/groups.js';
import { planMigration } from '../../src/plan/plan.js';
import type { MigrationSplit } from '../../src/schema/migration.js';
import { teamWorkspace } from '../helpers/team-workspace.js';
import { workspaceFrom } from '../helpers/workspace.js';

function groups(files: Record<string, string>, split: MigrationSplit) {
  const workspace = workspaceFrom(files);
  return splitPlan(workspace, [...workspace.migrations.values()][0]!, split).map((g) => ({ key: g.key, label: g.label, agents: g.plan.agents.map((a) => a.name), skipped: g.plan.skipped.map((s) => s.name) }));
}

describe('splitPlan', () => {
  it('groups by a label, each group planned on its own agents', () => {
    const found = groups(teamWorkspace(6, 3), { by: 'label', label: 'team' });
    expect(found).toEqual([
      { key: 'team-a', label: 'team=team-a', agents: ['team-a-agent-0000', 'team-a-agent-0003'], skipped: [] },
      { key: 'team-b', label: 'team=team-b', agents: ['team-b-agent-0001', 'team-b-agent-0004'], skipped: [] },
      { key: 'team-c', label: 'team=team-c', agents: ['team-c-agent-0002', 'team-c-agent-0005'], skipped: [] },
    ]);
  });

  it('groups by first owner, with a group for agents that have none', () => {
    const files = teamWorkspace(3, 3);
    files['agents/team-c/team-c-agent-0002.yaml'] = files['agents/team-c/team-c-agent-0002.yaml']!.replace('  owners: ["@acme/team-c"]\n', '');
    files['agents/team-b/team-b-agent-0001.yaml'] = files['agents/team-b/team-b-agent-0001.yaml']!.replace('["@acme/team-b"]', '["@acme/team-a", "@bob"]');
    expect(groups(files, { by: 'owner' }).map(({ key, label, agents }) => ({ key, label, agents }))).toEqual([
      { key: 'acme-team-a', label: '@acme/team-a', agents: ['team-a-agent-0000', 'team-b-agent-0001'] },
      { key: 'no-owner', label: 'no owner', agents: ['team-c-agent-0002'] },
    ]);
  });

  it('cuts parts of at most N agents that keep their numbers when a part is already migrated', () => {
    const files = teamWorkspace(5, 1);
    expect(groups(files, { maxAgents: 2 }).map((g) => [g.key, g.agents.length])).toEqual([['part-1', 2], ['part-2', 2], ['part-3', 1]]);
    // Part 1's agents are on gpt-5.1 now: parts 2 and 3 keep theirs, part 1 has nothing left and is left out.
    for (const n of ['0000', '0001']) files[`agents/team-a/team-a-agent-${n}.yaml`] = files[`agents/team-a/team-a-agent-${n}.yaml`]!.replace('name: gpt-4.1', 'name: gpt-5.1');
    expect(groups(files, { maxAgents: 2 }).map((g) => [g.key, g.agents])).toEqual([
      ['part-2', ['team-a-agent-0002', 'team-a-agent-0003']],
      ['part-3', ['team-a-agent-0004']],
    ]);
  });

  it('lists skipped agents in their own group', () => {
    const found = groups(teamWorkspace(4, 2, '  select:\n    exclude: [team-b-agent-0003]\n'), { by: 'label', label: 'team' });
    expect(found.find((g) => g.key === 'team-b')).toMatchObject({ agents: ['team-b-agent-0001'], skipped: ['team-b-agent-0003'] });
    expect(found.find((g) => g.key === 'team-a')?.skipped).toEqual([]);
  });
});

describe('refSafe', () => {
  it('makes any label value a git ref component', () => {
    expect(refSafe('@acme/Support Eng')).toBe('acme-support-eng');
    expect(refSafe('..hidden..x.lock')).toBe('hidden.x-lock');
    expect(refSafe('日本')).toBe('none');
  });
});

describe('referencesGroup', () => {
  const workspace = workspaceFrom(teamWorkspace(2, 2));
  const plan = planMigration(workspace, [...workspace.migrations.values()][0]!);
  const refs = (files: Record<string, string>) => ({ configured: true, changes: [], warnings: [], errors: [], outside: 1, notCovered: 0, diff: '', files });
  const group = (key: string): PlanGroup => ({ key, label: key, plan });

  it('holds the rewrites outside modelshift files and no agent; none without rewrites', () => {
    const found = referencesGroup({ ...plan, references: refs({ 'app.py': 'MODEL = "gpt-5.1"\n' }) }, [group('team-a')]);
    expect(found).toMatchObject({ key: 'references', references: true, plan: { agents: [], skipped: [], files: { 'app.py': 'MODEL = "gpt-5.1"\n' } } });
    expect(referencesGroup({ ...plan, references: refs({}) }, [])).toBeUndefined();
    expect(referencesGroup(plan, [])).toBeUndefined();
  });

  it('gives way to an agent group already called references', () => {
    const found = referencesGroup({ ...plan, references: refs({ 'app.py': '' }) }, [group('references'), group('references-2')]);
    expect(found?.key).toBe('references-3');
  });
});
