import { describe, expect, it } from 'vitest';
import { migrationOfFiles, migrationOfMessage, prOf } from '../../src/history/attribution.js';

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
  ])('%j → %j', (message, migration) => expect(migrationOfMessage(message)).toBe(migration));
});

describe('migrationOfFiles', () => {
  const a = { name: 'to-5', to: { provider: 'openai', model: 'gpt-5.1' } };
  const b = { name: 'to-claude', to: { provider: 'anthropic', model: 'claude-sonnet-4.5' } };
  it('picks the migration whose target is the new model, else the only one', () => {
    expect(migrationOfFiles([a, b], { provider: 'anthropic', model: 'claude-sonnet-4.5' })).toBe('to-claude');
    expect(migrationOfFiles([a, b], { provider: 'openai', model: 'gpt-4o' })).toBeNull();
    expect(migrationOfFiles([a], { provider: 'openai', model: 'gpt-4o' })).toBe('to-5');
    expect(migrationOfFiles([], { provider: 'openai', model: 'gpt-5.1' })).toBeNull();
  });
});
