import { ANY_KEY_GLOBAL } from './patterns.js';

/** What a redacted stretch of text becomes. */
export const REDACTED = '[redacted]';

/** The shortest stretch of a secret that is redacted on its own: long enough not to hit ordinary words. */
export const MIN_SECRET_PART = 12;

/** Environment variables whose values are credentials by their name. */
const CREDENTIAL_NAME = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?|PAT)$/i;

/**
 * The secret values an environment holds: every variable named like a
 * credential (OPENAI_API_KEY, RUNTIME_TOKEN, GITHUB_TOKEN, INPUT_GITHUB-TOKEN)
 * and every variable in `names` (a provider's apiKeyEnv, a target's tokenEnv).
 */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>, names: Iterable<string> = []): string[] {
  const wanted = new Set(names);
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 8 && (wanted.has(name) || CREDENTIAL_NAME.test(name.replace(/-/g, '_')))) values.add(value);
  }
  return [...values];
}

export type Redact = (text: string) => string;

/**
 * A function that removes from text every stretch of 12 or more characters
 * that also occurs in one of `secrets` (a key's prefix, a half key echoed in
 * an error body), the whole of a shorter secret, and anything shaped like a
 * known key format. Pure: the secrets are read at the edge and passed in.
 */
export function redactor(secrets: readonly string[]): Redact {
  const windows = new Set<string>();
  const short: string[] = [];
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_PART) {
      if (secret.length >= 8) short.push(secret);
      continue;
    }
    for (let i = 0; i + MIN_SECRET_PART <= secret.length; i++) windows.add(secret.slice(i, i + MIN_SECRET_PART));
  }
  return (text) => {
    let out = text;
    if (windows.size && out.length >= MIN_SECRET_PART) out = redactWindows(out, windows);
    for (const secret of short) out = out.split(secret).join(REDACTED);
    return out.replace(ANY_KEY_GLOBAL, REDACTED);
  };
}

/**
 * Marks every position covered by a 12-character window that a secret holds
 * too, then replaces each marked run once: overlapping windows of one leaked
 * stretch become a single `[redacted]`.
 */
function redactWindows(text: string, windows: ReadonlySet<string>): string {
  let out = '';
  let copied = 0;
  let runEnd = -1;
  let runStart = -1;
  for (let i = 0; i + MIN_SECRET_PART <= text.length; i++) {
    if (!windows.has(text.slice(i, i + MIN_SECRET_PART))) continue;
    if (i > runEnd) {
      if (runStart >= 0) {
        out += text.slice(copied, runStart) + REDACTED;
        copied = runEnd;
      }
      runStart = i;
    }
    runEnd = i + MIN_SECRET_PART;
  }
  if (runStart < 0) return text;
  return out + text.slice(copied, runStart) + REDACTED + text.slice(runEnd);
}
