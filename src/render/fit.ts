/**
 * GitHub refuses PR, issue and comment bodies over 65,536 characters (DESIGN
 * §8). The margin leaves room for GitHub's own counting and a marker or
 * footer added after fitting. `String.length` counts UTF-16 units, never
 * fewer than GitHub's characters, so a body within it is within GitHub's.
 */
export const BODY_LIMIT = 60_000;

/**
 * The most detailed rendering that fits: `render` is tried at each level in
 * turn, most detailed first, and is told whether details are being left out
 * (so it can say so visibly). The last level must keep what may never be
 * dropped (the summary line and the verdict); if even that is over the
 * limit it is returned as it is and GitHub's 422 says so.
 */
export function fitToLimit<D>(levels: readonly D[], render: (detail: D, trimmed: boolean) => string, limit = BODY_LIMIT): { body: string; trimmed: boolean } {
  let body = '';
  for (const [i, detail] of levels.entries()) {
    body = render(detail, i > 0);
    if (body.length <= limit) return { body, trimmed: i > 0 };
  }
  return { body, trimmed: levels.length > 1 };
}

const CUT_NOTE = "✂️ Left out to stay under GitHub's size limit.";

/**
 * The last guard before a body is sent, for bodies rendered without levels
 * (promote, rollback): folded `<details>` sections are emptied from the last
 * one up until the body fits, then the text is cut at a line end. The
 * summary, above any section, and the trailing marker are kept.
 */
export function capBody(body: string, limit = BODY_LIMIT): string {
  if (body.length <= limit) return body;
  const marker = /\n*<!-- modelshift \{.*?\} -->\s*$/s.exec(body)?.[0] ?? '';
  let text = body.slice(0, body.length - marker.length);
  const sections = [...text.matchAll(/<details( open)?><summary>(.*?)<\/summary>[\s\S]*?<\/details>/g)].reverse();
  for (const section of sections) {
    if (text.length + marker.length <= limit) break;
    const start = section.index;
    text = `${text.slice(0, start)}<details><summary>${section[2]}</summary>\n\n${CUT_NOTE}\n\n</details>${text.slice(start + section[0].length)}`;
  }
  if (text.length + marker.length > limit) {
    const room = limit - marker.length - CUT_NOTE.length - 2;
    text = `${text.slice(0, Math.max(0, text.lastIndexOf('\n', room)))}\n\n${CUT_NOTE}`;
  }
  return `${text}${marker}`;
}
