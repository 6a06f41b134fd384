import type { ParsedDoc } from '../parse-file.js';
import type { Finding } from '../types.js';
import { findingAt } from './context.js';

/** Known key formats; the label names the kind of key without repeating it. */
const KEY_PATTERNS: readonly [RegExp, string][] = [
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

/** Keys whose value is a credential when it looks like one (`apiKey`, `api_key`, `token`, `secret`, `password`). */
const SECRET_KEY = /(api[-_]?key|token|secret|passw(or)?d|credential)$/i;
/** The NAME of an environment variable is what these keys should hold; it is not a secret. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

function looksLikeToken(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && !ENV_NAME.test(value) && /[a-z]/i.test(value) && /\d/.test(value);
}

/**
 * Literal credentials anywhere in one modelshift document, valid or not. The
 * message names the path and the kind of key, never the secret itself.
 */
export function literalSecrets(file: string, doc: ParsedDoc): Finding[] {
  const findings: Finding[] = [];
  walk(doc.data, [], (path, value) => {
    const known = ANY_KEY.test(value) ? KEY_PATTERNS.find(([pattern]) => pattern.test(value)) : undefined;
    const label = known?.[1] ?? (SECRET_KEY.test(nearestKey(path)) && looksLikeToken(value) ? 'a credential' : undefined);
    if (!label) return;
    const at = path.join('.');
    findings.push(
      findingAt({ file, doc, value: doc.data }, at, 'literal-secret',
        `${at || 'the document'} holds what looks like ${label}; never commit keys: put it in an environment variable or your CI's secrets, reference the variable's NAME (e.g. apiKeyEnv: OPENAI_API_KEY) and revoke the exposed key`),
    );
  });
  return findings;
}

/** The key a value sits under; for an item of a list, the list's key (`tokens: [...]`). */
function nearestKey(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

/** Visits every string with the path to it. One path array is reused: most strings are never reported. */
function walk(node: unknown, path: (string | number)[], visit: (path: readonly (string | number)[], value: string) => void): void {
  if (typeof node === 'string') {
    visit(path, node);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => {
      path.push(i);
      walk(item, path, visit);
      path.pop();
    });
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      path.push(k);
      walk(v, path, visit);
      path.pop();
    }
  }
}
