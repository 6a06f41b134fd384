import { z } from 'zod';

/**
 * The hidden JSON marker that opens the check comment. Later runs find the
 * comment by it (a workflow token cannot ask GitHub who it is), and read
 * which head commit and which pull request event it was written for.
 */
export const CheckMarker = z.object({
  tool: z.literal('modelshift'),
  kind: z.literal('check'),
  /** Layout version of the comment; a newer version is still ours to update. */
  v: z.number().int(),
  /** Head commit the comment describes. */
  head: z.string(),
  /** When the pull request event happened (`pull_request.updated_at`): orders runs that finish out of order. */
  at: z.string(),
});
export type CheckMarker = z.infer<typeof CheckMarker>;

export const CHECK_MARKER_VERSION = 1;

const PATTERN = /<!-- modelshift (\{.*?\}) -->/s;

/** `<!-- modelshift {...} -->`; `<` and `>` are JSON-escaped so no value can end the HTML comment early. */
export function renderCheckMarker(marker: Pick<CheckMarker, 'head' | 'at'>): string {
  const json = JSON.stringify({ tool: 'modelshift', kind: 'check', v: CHECK_MARKER_VERSION, head: marker.head, at: marker.at });
  return `<!-- modelshift ${json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e')} -->`;
}

/** The check marker of a comment body, or undefined when there is none (a PR body marker is not one). */
export function parseCheckMarker(body: string): CheckMarker | undefined {
  const json = PATTERN.exec(body)?.[1];
  if (json === undefined) return undefined;
  try {
    const parsed = CheckMarker.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
