import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { gitHubConfig, parseRepoUrl } from '../../src/github/config.js';

describe('parseRepoUrl', () => {
  it.each([
    ['https://github.com/acme/agents.git', 'github.com'],
    ['https://github.com/acme/agents', 'github.com'],
    ['https://x-access-token:secret@github.com/acme/agents.git', 'github.com'],
    ['git@github.com:acme/agents.git', 'github.com'],
    ['github.com:acme/agents', 'github.com'],
    ['ssh://git@github.com/acme/agents.git', 'github.com'],
    ['ssh://git@ghe.example.com:2222/acme/agents.git', 'ghe.example.com'],
    ['https://GHE.example.com/acme/agents/', 'ghe.example.com'],
  ])('reads owner and repo from %s', (url, host) => {
    expect(parseRepoUrl(url)).toEqual({ host, owner: 'acme', repo: 'agents' });
  });

  it.each(['/srv/git/agents.git', 'file:///srv/git/agents.git', 'https://gitlab.example.com/group/sub/agents.git', 'not a url'])(
    'gives up on %s',
    (url) => {
      expect(parseRepoUrl(url)).toBeUndefined();
    },
  );
});

describe('gitHubConfig', () => {
  it('prefers GITHUB_TOKEN and GITHUB_REPOSITORY and GITHUB_API_URL', () => {
    const env = { GITHUB_TOKEN: 't1', GH_TOKEN: 't2', GITHUB_REPOSITORY: 'acme/agents', GITHUB_API_URL: 'https://ghe.example.com/api/v3/' };
    expect(gitHubConfig(env, 'git@github.com:other/repo.git')).toMatchObject({ token: 't1', owner: 'acme', repo: 'agents', apiUrl: 'https://ghe.example.com/api/v3' });
  });

  it('falls back to GH_TOKEN and the origin URL', () => {
    expect(gitHubConfig({ GH_TOKEN: 't2' }, 'https://github.com/acme/agents.git')).toMatchObject({ token: 't2', owner: 'acme', repo: 'agents', apiUrl: 'https://api.github.com' });
  });

  it('derives the Enterprise Server API from the origin host', () => {
    expect(gitHubConfig({ GH_TOKEN: 't' }, 'git@ghe.example.com:acme/agents.git').apiUrl).toBe('https://ghe.example.com/api/v3');
  });

  it('explains a missing token', () => {
    const error = (() => {
      try {
        gitHubConfig({}, 'https://github.com/acme/agents.git');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(/GITHUB_TOKEN or GH_TOKEN/);
    expect((error as UsageError).hint).toMatch(/pull-requests: write/);
  });

  it('explains an unknown repository', () => {
    expect(() => gitHubConfig({ GITHUB_TOKEN: 't' }, '/srv/git/agents.git')).toThrow(/cannot tell the GitHub repository/);
    expect(() => gitHubConfig({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'acme' })).toThrow(/expected owner\/name/);
  });
});
