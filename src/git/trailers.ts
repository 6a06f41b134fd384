/**
 * Commit trailers modelshift writes on its commits. `history` reads
 * `Modelshift-Migration` back, and the PR guard uses it to tell our commits
 * from commits a person pushed.
 */

export const TRAILER = {
  migration: 'Modelshift-Migration',
  from: 'Modelshift-From',
  to: 'Modelshift-To',
  agents: 'Modelshift-Agents',
} as const;

/** What a migration commit records about itself. `from`/`to` are `provider/model`. */
export interface MigrationTrailers {
  migration: string;
  from: string;
  to: string;
  agents: readonly string[];
}

/** The trailers of a migration commit, in the order they are written. */
export function migrationTrailers(t: MigrationTrailers): Record<string, string> {
  return {
    [TRAILER.migration]: t.migration,
    [TRAILER.from]: t.from,
    [TRAILER.to]: t.to,
    [TRAILER.agents]: t.agents.join(', '),
  };
}

/**
 * `message` followed by a blank line and one `Key: value` line per trailer.
 * Values are folded onto one line: a newline would end the trailer block and
 * turn the rest into message text that `git interpret-trailers` ignores.
 */
export function messageWithTrailers(message: string, trailers: Record<string, string>): string {
  const lines = Object.entries(trailers).map(([key, value]) => `${key}: ${value.replace(/\s*\n\s*/g, ' ').trim()}`);
  const text = message.trimEnd();
  return lines.length === 0 ? `${text}\n` : `${text}\n\n${lines.join('\n')}\n`;
}

/** Parses git's `%(trailers:only,unfold)` output; a repeated key keeps its last value. */
export function parseTrailers(block: string): Record<string, string> {
  const trailers: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    trailers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return trailers;
}
