import picomatch from 'picomatch';

const compiled = new Map<string, (text: string) => boolean>();

/**
 * Whether `text` matches the glob. Patterns are compiled once: a plan checks
 * thousands of agents against the same few globs, and compiling is the cost.
 */
export function globMatch(text: string, glob: string): boolean {
  let test = compiled.get(glob);
  if (!test) {
    test = picomatch(glob, { dot: true });
    compiled.set(glob, test);
  }
  return test(text);
}
