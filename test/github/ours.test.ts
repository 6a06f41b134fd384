import { describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { ownMarked } from '../../src/github/ours.js';

const marked = [{ id: 1, author: 'evil-app[bot]' }, { id: 2, author: 'github-actions[bot]' }];

describe('ownMarked', () => {
  it("takes the first item the token's login wrote, and asks for the login only when something is marked", async () => {
    let asked = 0;
    const login = async () => (asked++, 'github-actions[bot]');
    expect(await ownMarked(marked, login)).toEqual({ id: 2, author: 'github-actions[bot]' });
    expect(await ownMarked([], login)).toBeUndefined();
    expect(asked).toBe(1);
  });

  it('takes nothing when the login cannot be read, and passes on errors that are not the outside world', async () => {
    const heard: ExternalError[] = [];
    const refused = new ExternalError('GitHub: read the token\'s login failed (HTTP 502)');
    expect(await ownMarked(marked, () => Promise.reject(refused), (error) => heard.push(error))).toBeUndefined();
    expect(heard).toEqual([refused]);
    await expect(ownMarked(marked, () => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
  });
});
