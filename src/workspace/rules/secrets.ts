import type { Finding } from '../types.js';
import { findingAt, type Rule } from './context.js';

/** Known key formats; the label names the kind of key without repeating it. */
const KEY_PATTERNS: readonly [RegExp, string][] = [
  [/sk-ant-[A-Za-z0-9_-]{20,}/, 'an Anthropic API key'],
  [/sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/, 'an OpenAI API key'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b/, 'a GitHub token'],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}\b/, 'a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, 'a Slack token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
];

/** Keys whose value is a credential when it looks like one (`apiKey`, `api_key`, `token`, `secret`, `password`). */
const SECRET_KEY = /(api[-_]?key|token|secret|passw(or)?d|credential)$/i;
/** The NAME of an environment variable is what these keys should hold; it is not a secret. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

function looksLikeToken(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && !ENV_NAME.test(value) && /[a-z]/i.test(value) && /\d/.test(value);
}

/** Finds literal credentials anywhere in our documents. The message never repeats the secret. */
export const literalSecrets: Rule = (input) => {
  const findings: Finding[] = [];
  for (const ref of input.all) {
    walk(ref.doc.data, '', (path, key, value) => {
      const known = KEY_PATTERNS.find(([pattern]) => pattern.test(value));
      const label = known?.[1] ?? (SECRET_KEY.test(key) && looksLikeToken(value) ? 'a credential' : undefined);
      if (!label) return;
      findings.push(
        findingAt(ref, path, 'literal-secret',
          `${path} holds what looks like ${label}; never commit keys — put it in an environment variable or your CI's secrets and reference the variable's NAME (e.g. apiKeyEnv: OPENAI_API_KEY), then revoke the exposed key`),
      );
    });
  }
  return findings;
};

function walk(node: unknown, path: string, visit: (path: string, key: string, value: string) => void, key = ''): void {
  if (typeof node === 'string') {
    visit(path, key, node);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i), visit, key));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k, visit, k);
  }
}
