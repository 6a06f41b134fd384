import { describe, expect, it } from 'vitest';
import { redactor, secretsFromEnv } from '../../src/secrets/redact.js';

// Put together at run time so the repository holds no key-shaped strings.
const KEY = ['sk', 'proj', 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0AbCd'].join('-');
const TOKEN = ['rt', 'q8Lr2Vx7Kp4Nz9Mw3Tb6Hy5'].join('_');

describe('secretsFromEnv', () => {
  it('takes variables named like credentials and the ones the workspace names, nothing else', () => {
    const env = { OPENAI_API_KEY: KEY, RUNTIME_TOKEN: TOKEN, 'INPUT_GITHUB-TOKEN': 'ghs_short_but_long_enough', LLM_CRED: 'abcdefgh1234', HOME: '/home/me', PATH: '/usr/bin' };
    expect(secretsFromEnv(env).sort()).toEqual([KEY, TOKEN, 'ghs_short_but_long_enough'].sort());
    expect(secretsFromEnv(env, ['LLM_CRED'])).toContain('abcdefgh1234');
  });
});

describe('redactor', () => {
  const redact = redactor([KEY, TOKEN, 'shortpw1']);

  it('removes the whole secret, its prefix and any 12-character stretch of it, as one [redacted] per stretch', () => {
    expect(redact(`key=${KEY}!`)).toBe('key=[redacted]!');
    expect(redact(`Incorrect API key provided: ${KEY.slice(0, 20)}****`)).toBe('Incorrect API key provided: [redacted]****');
    expect(redact(`middle ${KEY.slice(10, 22)} end`)).toBe('middle [redacted] end');
    expect(redact(`token ${TOKEN.slice(3)}`)).toBe('token [redacted]');
    expect(redact('pw shortpw1.')).toBe('pw [redacted].');
  });

  it('leaves 11 characters of a secret and ordinary text alone', () => {
    expect(redact(`x ${TOKEN.slice(0, 11)} y`)).toBe(`x ${TOKEN.slice(0, 11)} y`);
    expect(redact('nothing secret here, just a long sentence of words')).toBe('nothing secret here, just a long sentence of words');
  });

  it('removes any known key format, read or not', () => {
    const other = ['sk', 'ant', 'api03', 'A'.repeat(30)].join('-');
    expect(redactor([])(`a ${other} b`)).toBe('a [redacted] b');
  });
});
