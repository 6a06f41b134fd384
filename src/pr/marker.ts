import * as z from 'zod';

/**
 * The hidden JSON marker at the end of a modelshift PR body: it lets later
 * runs (and the Action) recognise the PR and the plan it was built from
 * without trusting the visible text.
 */
export const PrMarker = z.object({
  tool: z.literal('modelshift'),
  migration: z.string(),
  planHash: z.string(),
  /** The group of a split migration (`spec.split`) the PR holds. */
  group: z.string().optional(),
});
export type PrMarker = z.infer<typeof PrMarker>;

const PATTERN = /<!-- modelshift (\{.*?\}) -->/s;

/** `<!-- modelshift {...} -->`. `<` and `>` are JSON-escaped so no value can end the HTML comment early. */
export function renderMarker(marker: Omit<PrMarker, 'tool'>): string {
  const json = JSON.stringify({ tool: 'modelshift', migration: marker.migration, planHash: marker.planHash, ...(marker.group === undefined ? {} : { group: marker.group }) });
  return `<!-- modelshift ${json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e')} -->`;
}

/** `body` with the marker appended (replacing any marker it already had). */
export function withMarker(body: string, marker: Omit<PrMarker, 'tool'>): string {
  const text = body.replace(PATTERN, '').trimEnd();
  return `${text}\n\n${renderMarker(marker)}\n`;
}

/** The marker of a PR body, or undefined when there is none or it is not one of ours. */
export function parseMarker(body: string): PrMarker | undefined {
  const json = PATTERN.exec(body)?.[1];
  if (json === undefined) return undefined;
  try {
    const parsed = PrMarker.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
