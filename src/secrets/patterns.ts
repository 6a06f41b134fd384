/**
 * What a credential looks like. Shared by validate (literal secrets in files)
 * and the redactor (secrets in output), so both recognise the same shapes.
 */

/** Known key formats; the label names the kind of key without repeating it. */
export const KEY_PATTERNS: readonly [RegExp, string][] = [
  // Not preceded by a letter or digit, so words like "risk-assessment-…" are not keys.
  [/(?<![A-Za-z0-9])sk-ant-[A-Za-z0-9_-]{20,}/, 'an Anthropic API key'],
  [/(?<![A-Za-z0-9])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/, 'an OpenAI API key'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}\b/, 'a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, 'a Slack token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
];

/** All formats in one test: almost no string is a key, so the labelled patterns run only after a hit. */
const ANY_KEY = new RegExp(KEY_PATTERNS.map(([pattern]) => `(?:${pattern.source})`).join('|'));
/** The same formats, every occurrence: for redacting them out of text. */
export const ANY_KEY_GLOBAL = new RegExp(ANY_KEY.source, 'g');

/** The kind of key `text` holds, when it holds a known format. */
export function keyKind(text: string): string | undefined {
  return ANY_KEY.test(text) ? KEY_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] : undefined;
}

/** The NAME of an environment variable is what credential fields should hold; it is not a secret. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** A long run of letters and digits without spaces: a token, when it sits where a credential goes. */
export function looksLikeToken(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && !ENV_NAME.test(value) && /[a-z]/i.test(value) && /\d/.test(value);
}

/**
 * Whether a name (a YAML key, a field name) should never be echoed: a known
 * key format, or a token-like run of 20+ characters without the `_` or `.`
 * that parameter and field names use. Erring here only shortens a message.
 */
export function looksSecret(name: string): boolean {
  return keyKind(name) !== undefined || (name.length >= 20 && looksLikeToken(name) && !/[._]/.test(name));
}
