import type { IdMatcher } from '../ids.js';
import type { Found } from '../types.js';
import type { Finder } from './finder.js';
import { modelKey } from './finder.js';
import { envValueRef, proseIds } from './lines.js';

/** `ENV`/`ARG` and the rest of its logical line (continued by a trailing backslash); group 1 is the instruction. */
const INSTRUCTION = /^[ \t]*(ENV|ARG)[ \t]+((?:[^\n]*\\\r?\n)*[^\n]*)/gim;

/** `KEY=value`, `KEY="value"`, `KEY='value'` in an `ENV` or `ARG` instruction. */
const PAIR = /(?:^|[ \t\n])([A-Za-z_][A-Za-z0-9_.-]*)=(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'\\]*))/dg;

/** The legacy space form `ENV KEY value`: one variable, the rest of the line its value. */
const SPACE_FORM = /^([A-Za-z_][A-Za-z0-9_.-]*)[ \t]+(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'\\]+))[ \t]*\r?$/d;

/**
 * Dockerfiles (and Containerfiles): the values of `ENV` and `ARG`, which set the
 * environment the application reads its model from (`ENV OPENAI_MODEL=gpt-4o`,
 * `ARG MODEL=gpt-4.1`, `ENV MODEL gpt-4o`), as env references; `#` lines are docs. Ids in
 * `RUN`/`CMD` are shell the finders do not read.
 */
export const dockerfileFinder: Finder = {
  find(_file, text, ids) {
    const found: Found[] = [];
    INSTRUCTION.lastIndex = 0;
    for (let m = INSTRUCTION.exec(text); m; m = INSTRUCTION.exec(text)) {
      const args = m[2]!;
      const at = m.index + m[0].length - args.length;
      found.push(...instructionRefs(m[1]!.toUpperCase(), args, at, ids));
    }
    found.push(...commentRefs(text, ids));
    return { place: 'dockerfile', found };
  },
};

function instructionRefs(instruction: string, args: string, at: number, ids: IdMatcher): Found[] {
  const space = instruction === 'ENV' && !/^[^\s=]*=/.test(args) ? SPACE_FORM.exec(args) : null;
  if (space) return value(space, at, ids);
  const found: Found[] = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(args); m; m = PAIR.exec(args)) found.push(...value(m, at, ids));
  return found;
}

/** The reference in a matched `KEY` + value (groups 1–4: key, double-quoted, single-quoted, bare), if it is one. */
function value(m: RegExpExecArray, at: number, ids: IdMatcher): Found[] {
  const group = [2, 3, 4].find((g) => m[g] !== undefined)!;
  const ref = envValueRef(m[group]!, at + m.indices![group]![0], modelKey(m[1]!), ids);
  return ref ? [ref] : [];
}

function commentRefs(text: string, ids: IdMatcher): Found[] {
  const found: Found[] = [];
  const re = /^[ \t]*#(.*)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index + m[0].length - m[1]!.length;
    found.push(...proseIds(text, from, from + m[1]!.replace(/\r$/, '').length, ids, true));
  }
  return found;
}
