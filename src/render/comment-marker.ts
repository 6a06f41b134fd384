import * as z from 'zod';

/**
 * The hidden JSON marker that opens the check comment. Later runs find the
 * comment by it (a workflow token cannot ask GitHub who it is), and read
 * which head commit and which pull request event it was written for; `watch
 * --dashboard` reads the eval verdict from it.
 */
export const CheckMarker = z.object({
  tool: z.literal('modelshift'),
  kind: z.literal('check'),
  /** Layout version of the comment; a newer version is still ours to update. */
  v: z.number().int(),
  /** Head commit the comment describes: the verdict below was computed for it. */
  head: z.string(),
  /** When the pull request event happened (`pull_request.updated_at`): orders runs that finish out of order. */
  at: z.string(),
  /**
   * The eval gate's verdict (`passed`, `failed`, `none`: evals ran without a
   * gate, `skipped`: not evaluated). Optional: comments written before it was
   * recorded have none. A string, not a closed list, so a value a later
   * version adds never makes the comment unrecognisable (and duplicated).
   */
  gate: z.string().optional(),
  /** When the verdict was computed (ISO 8601). */
  evaluatedAt: z.string().optional(),
});
export type CheckMarker = z.infer<typeof CheckMarker>;

/** What a run writes into the marker; the constant fields are added on rendering. */
export type CheckMarkerFields = Pick<CheckMarker, 'head' | 'at' | 'gate' | 'evaluatedAt'>;

export const CHECK_MARKER_VERSION = 1;

const PATTERN = /<!-- modelshift (\{.*?\}) -->/s;

/** `<!-- modelshift {...} -->`; `<` and `>` are JSON-escaped so no value can end the HTML comment early. */
export function renderCheckMarker(marker: CheckMarkerFields): string {
  const json = JSON.stringify({
    tool: 'modelshift', kind: 'check', v: CHECK_MARKER_VERSION, head: marker.head, at: marker.at,
    ...(marker.gate !== undefined && { gate: marker.gate }), ...(marker.evaluatedAt !== undefined && { evaluatedAt: marker.evaluatedAt }),
  });
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

/**
 * Whether two comment bodies say the same but for when the verdict was
 * computed: a re-run that finds the same verdict leaves the comment (and the
 * time it first found it) alone.
 */
export function sameCheckComment(a: string, b: string): boolean {
  const untimed = (body: string) => body.replace(/,"evaluatedAt":"[^"]*"/, '');
  return untimed(a) === untimed(b);
}
