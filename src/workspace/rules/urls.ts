import type { Finding } from '../types.js';
import { findingAt, type DocRef, type Rule } from './context.js';

/** `https://user:password@host/…`: credentials in a URL reach logs, errors and bundles. */
function hasUserinfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false; // not a URL: the schema reports it
  }
}

/**
 * No configured URL carries credentials (a provider's baseURL, an http sync
 * target's url). The message never repeats the URL: its userinfo is the secret.
 */
export const urlCredentials: Rule = (input) => {
  const findings: Finding[] = [];
  const check = (ref: DocRef, path: string, url: string | undefined, fix: string) => {
    if (url !== undefined && hasUserinfo(url)) {
      findings.push(findingAt(ref, path, 'url-credentials', `${path} holds a user name or password (user:password@host); remove it from the URL and ${fix}, then revoke the exposed credential`));
    }
  };
  for (const ref of input.providers) check(ref, 'spec.baseURL', ref.value.spec.baseURL, 'put the key in the variable spec.apiKeyEnv names');
  input.config?.value.spec.sync?.targets.forEach((target, i) => {
    if (target.type === 'http') check(input.config!, `spec.sync.targets.${i}.url`, target.url, 'put the token in the variable tokenEnv names');
  });
  return findings;
};
