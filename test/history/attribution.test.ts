import { describe, expect, it } from 'vitest';
import { migrationOfChanges, migrationOfFiles, migrationOfMessage, migrationOfTitle, prOf } from '../../src/history/attribution.js';

describe('prOf', () => {
  it.each([
    ['Merge pull request #12 from acme/modelshift/gpt-4.1-to-gpt-5.1', 12],
    ['Migrate 14 agents to gpt-5.1 (#345)', 345],
    ['Migrate 14 agents to gpt-5.1 (#345)  \n\nbody (#9)', 345],
    ['Fix #12 in the prompt', null],
    ['Mention (#7) in the middle of a subject', null],
    ["Merge branch 'modelshift/x'", null],
  ])('%j → %j', (message, pr) => expect(prOf(message)).toBe(pr));
});

describe('migrationOfMessage', () => {
  it.each([
    ['Migrate\n\nModelshift-Migration: gpt-4.1-to-gpt-5.1\nModelshift-Agents: a, b\n', 'gpt-4.1-to-gpt-5.1'],
    ['Squash (#3)\n\n* Migrate\n\nmodelshift-migration:   to-claude  \n\n* typo\n', 'to-claude'],
    ['Merge pull request #12 from acme/modelshift/gpt-4.1-to-gpt-5.1', 'gpt-4.1-to-gpt-5.1'],
    ["Merge branch 'modelshift/to-claude' into 'main'", 'to-claude'],
    ['Merge remote-tracking branch origin/modelshift/x.', 'x'],
    ['Revert modelshift/gpt-5 rollout', null],
    ['Merge pull request #3 from acme/feature', null],
    ['Merge pull request #3 from acme/modelshift/Upper', null],
    // A grouped PR's branch: the migration is the first segment.
    ['Merge pull request #8 from acme/modelshift/gpt-4.1-to-gpt-5.1/team-support', 'gpt-4.1-to-gpt-5.1'],
    // A promote PR is one more step of the migration itself; its rollback is not.
    ['Merge pull request #9 from acme/modelshift/to-claude-promote-50', 'to-claude'],
    ['Merge pull request #10 from acme/modelshift/to-claude-rollback', 'to-claude-rollback'],
  ])('%j → %j', (message, migration) => expect(migrationOfMessage(message)).toBe(migration));
});

describe('migrationOfFiles', () => {
  const a = { name: 'to-5', to: { provider: 'openai', model: 'gpt-5.1' } };
  const b = { name: 'to-claude', to: { provider: 'anthropic', model: 'claude-sonnet-4.5' } };
  it('picks the migration whose target is the new model, never one that points elsewhere', () => {
    expect(migrationOfFiles([a, b], { provider: 'anthropic', model: 'claude-sonnet-4.5' })).toBe('to-claude');
    expect(migrationOfFiles([a, b], { provider: 'openai', model: 'gpt-4o' })).toBeNull();
    // The agent went back to gpt-4o in the commit that edited to-5: not to-5's doing.
    expect(migrationOfFiles([a], { provider: 'openai', model: 'gpt-4o' })).toBeNull();
    expect(migrationOfFiles([a], null)).toBeNull();
    // A lone rule whose destination history could not read still names the commit.
    expect(migrationOfFiles([{ name: 'odd' }], { provider: 'openai', model: 'gpt-4o' })).toBe('odd');
    expect(migrationOfFiles([], { provider: 'openai', model: 'gpt-5.1' })).toBeNull();
  });
});

describe('migrationOfTitle', () => {
  const known = (name: string) => name === 'docs-fix';
  it.each([
    ['Migrate agents openai/gpt-4.1 → openai/gpt-5.1 (gpt-4.1-to-gpt-5.1) (#12)', 'gpt-4.1-to-gpt-5.1'],
    // A grouped PR's title names its group first and the migration last.
    ['Migrate agents (team-a) openai/gpt-4.1 → openai/gpt-5.1 (gpt-4.1-to-gpt-5.1) (#21)', 'gpt-4.1-to-gpt-5.1'],
    ['Promote canary to 50% (to-claude) (#13)', 'to-claude'],
    ['Cut over to anthropic/claude-sonnet-5-5 (to-claude)', 'to-claude'],
    ['Roll back to openai/gpt-4.1 (to-claude-rollback) (#15)', 'to-claude-rollback'],
    // Any title may end in parentheses: only a migration history has seen counts there.
    ['Fix typo (docs) (#3)', null],
    ['Tidy the prompts (docs-fix) (#4)', 'docs-fix'],
    ['Migrate agents (Upper) (#5)', null],
    ['Migrate agents (a) in the middle (#6)', null],
  ])('%j → %j', (message, migration) => expect(migrationOfTitle(message, known)).toBe(migration));
});

describe('migrationOfChanges', () => {
  const rules = [
    { name: 'to-5', from: { provider: 'openai', model: 'gpt-4.1*' }, to: { provider: 'openai', model: 'gpt-5.1' } },
    { name: 'to-claude', from: { provider: 'openai', model: 'gpt-4o' }, to: { provider: 'anthropic', model: 'claude-sonnet-5-5' } },
  ];
  const change = (from: string, to: string, provider = 'openai') => ({ from: { provider: 'openai', model: from }, to: { provider, model: to } });
  it('names the one rule every change follows, or its rollback when every change undoes it', () => {
    expect(migrationOfChanges(rules, [change('gpt-4.1', 'gpt-5.1'), change('gpt-4.1-mini', 'gpt-5.1')])).toBe('to-5');
    expect(migrationOfChanges(rules, [change('gpt-5.1', 'gpt-4.1-mini')])).toBe('to-5-rollback');
    expect(migrationOfChanges(rules, [change('gpt-4o', 'claude-sonnet-5-5', 'anthropic')])).toBe('to-claude');
  });
  it('names none when one change follows no rule, when two rules fit, or when nothing changed', () => {
    expect(migrationOfChanges(rules, [change('gpt-4.1', 'gpt-5.1'), change('gpt-4o', 'gpt-5.1')])).toBeNull();
    expect(migrationOfChanges([...rules, { ...rules[0]!, name: 'to-5-again' }], [change('gpt-4.1', 'gpt-5.1')])).toBeNull();
    expect(migrationOfChanges(rules, [])).toBeNull();
  });
});
