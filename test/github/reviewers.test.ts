import { describe, expect, it } from 'vitest';
import { reviewRequest } from '../../src/github/reviewers.js';

describe('reviewRequest', () => {
  it('sorts owners into users and teams of the repository owner', () => {
    expect(reviewRequest(['@alice', '@acme/support-eng', 'bob', '@alice', '@other/team', '@a/b/c', '@'], 'acme')).toEqual({
      reviewers: ['alice', 'bob'],
      teamReviewers: ['support-eng'],
      warnings: [
        'owner @other/team: a team of other cannot review a pull request in a repository of acme',
        'owner @a/b/c: not a GitHub user (@login) or team (@org/team)',
        'owner @: not a GitHub user (@login) or team (@org/team)',
      ],
    });
  });
});
