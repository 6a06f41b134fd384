import { keyKind, looksLikeToken, looksSecret } from '../../secrets/patterns.js';
import { lineCol } from '../../line-col.js';
import type { ParsedDoc } from '../parse-file.js';
import type { Finding } from '../types.js';
import { findingAt } from './context.js';

/** Keys whose value is a credential when it looks like one (`apiKey`, `api_key`, `token`, `secret`, `password`). */
const SECRET_KEY = /(api[-_]?key|token|secret|passw(or)?d|credential)$/i;

/** What a finding shows instead of a name that may be a secret. */
export const REDACTED_NAME = '[redacted]';

/** The text a secret finding was made from, so it can point at the secret's own line (inside a block scalar too). */
export interface SourceText {
  text: string;
  /** Offsets where each line starts (yaml's LineCounter.lineStarts). */
  lineStarts: readonly number[];
}

/**
 * Literal credentials anywhere in one modelshift document, valid or not, in
 * values and in keys (a key pasted as a params or label name). The message
 * names the path and the kind of key, never the secret itself; a path segment
 * that is the secret is shown as `[redacted]`.
 */
export function literalSecrets(file: string, doc: ParsedDoc, source?: SourceText): Finding[] {
  const findings: Finding[] = [];
  const report = (path: readonly (string | number)[], label: string, secret: string, prefer: 'key' | 'value') => {
    const real = path.join('.');
    const shown = maskedPath(path);
    const finding = findingAt({ file, doc, value: doc.data }, real, 'literal-secret',
      `${shown || 'the document'} holds what looks like ${label}; never commit keys: put it in an environment variable or your CI's secrets, reference the variable's NAME (e.g. apiKeyEnv: OPENAI_API_KEY) and revoke the exposed key`,
      'error', prefer);
    // On the value's own line the value's start is the place (§7); a secret further down a block scalar gets its own line.
    const exact = source && prefer === 'value' ? positionOf(source, secret, finding.line, finding.column) : undefined;
    findings.push({ ...finding, path: shown, ...(exact && exact[0] > finding.line && { line: exact[0], column: exact[1] }) });
  };
  walk(doc.data, [], {
    value: (path, value) => {
      const known = keyKind(value);
      const label = known ?? (SECRET_KEY.test(nearestKey(path)) && looksLikeToken(value) ? 'a credential' : undefined);
      if (label) report(path, label, known ? firstKey(value) : value, 'value');
    },
    key: (path, key) => {
      const known = keyKind(key);
      if (known) report(path, known, key, 'key');
    },
  });
  return findings;
}

/** A dotted path with every segment that may be a secret replaced, for messages and the `path` field. */
export function maskedPath(path: readonly (string | number)[] | string): string {
  const parts = typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path;
  return parts.map((p) => (typeof p === 'string' && looksSecret(p) ? REDACTED_NAME : String(p))).join('.');
}

/** The first key-shaped substring of a value, to find it in the file. */
function firstKey(value: string): string {
  for (const word of value.split(/\s+/)) if (keyKind(word)) return word;
  return value;
}

/**
 * Where `secret` appears in the file at or after the value's start: inside a
 * block scalar that is its own line, not the key's. Undefined when the text
 * differs from the parsed value (escapes in a quoted string).
 */
function positionOf(source: SourceText, secret: string, line: number, column: number): [number, number] | undefined {
  const from = (source.lineStarts[line - 1] ?? 0) + column - 1;
  const at = source.text.indexOf(secret, from);
  return at < 0 ? undefined : lineCol(source.lineStarts, at);
}

/** The key a value sits under; for an item of a list, the list's key (`tokens: [...]`). */
function nearestKey(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

interface Visitor {
  value: (path: readonly (string | number)[], value: string) => void;
  key: (path: readonly (string | number)[], key: string) => void;
}

/** Visits every string and every mapping key with the path to it. One path array is reused: most are never reported. */
function walk(node: unknown, path: (string | number)[], visit: Visitor): void {
  if (typeof node === 'string') {
    visit.value(path, node);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => {
      path.push(i);
      walk(item, path, visit);
      path.pop();
    });
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      path.push(k);
      visit.key(path, k);
      walk(v, path, visit);
      path.pop();
    }
  }
}

/**
 * Any finding, with path segments that may be secrets removed from its path
 * and message: rules quote keys ("unknown key …", "params.X"), and a key may
 * be a pasted credential. Applied once to every finding the workspace holds.
 */
export function withoutSecretNames(finding: Finding): Finding {
  if (finding.path === '' || !finding.path.split('.').some(looksSecret)) return finding;
  let message = finding.message;
  for (const part of finding.path.split('.')) if (looksSecret(part)) message = message.split(part).join(REDACTED_NAME);
  return { ...finding, path: maskedPath(finding.path), message };
}
