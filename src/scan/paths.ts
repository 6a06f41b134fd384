import { fileKind } from './finders/kinds.js';

/** Folders of other people's or generated code: references there are not the repository's to change. */
const SKIPPED_DIRS = new Set([
  '.git', 'node_modules', 'vendor', 'third_party', 'third-party', 'bower_components', 'Pods', '.venv', 'venv', 'site-packages',
  '__pycache__', 'dist', 'build', 'out', 'target', '.next', '.nuxt', '.svelte-kit', 'coverage', '.terraform', '.gradle', 'generated', '__generated__', '.cache',
]);

/** Any of those folders as a path segment (one expression: it runs for every listed file). */
const SKIPPED_DIR = new RegExp(`(?:^|/)(?:${[...SKIPPED_DIRS].map((d) => d.replace(/[.]/g, '\\.')).join('|')})/`);

/**
 * Lock files and generated sources hold ids that no person writes. Matched from the
 * start of the file's name only (sticky), so a path costs one attempt, not one per character.
 */
const SKIPPED_NAME =
  /(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|Gemfile\.lock|composer\.lock|go\.sum|[^/]*(?:\.lock|\.min\.(?:js|css)|\.map|_pb2\.py|\.pb\.go|\.g\.cs|\.designer\.cs|\.generated\.[a-z]+))$/iy;

/** Files over this size are skipped: generated data, not code a person maintains (DESIGN §7 uses the same cap). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Whether a path (relative, with `/`) is outside what scan reads, before the file is opened. */
export function skippedPath(file: string): boolean {
  return skippedName(file) || SKIPPED_DIR.test(file);
}

function skippedName(file: string): boolean {
  SKIPPED_NAME.lastIndex = file.lastIndexOf('/') + 1;
  return SKIPPED_NAME.test(file);
}

/** Content that says it is generated or binary. */
export function skippedContent(text: string): boolean {
  const head = text.slice(0, 8000);
  return head.includes('\0') || /^\/\/ Code generated .* DO NOT EDIT\.$/m.test(head.slice(0, 2000)) || /@generated\b/.test(head.slice(0, 500));
}

/**
 * Whether a listed file is one scan reads at all (by name and `spec.ignore`), before it is
 * opened. Each reading thread builds its own (it keeps state, and a function cannot be sent
 * to a thread), so the listing is judged by the threads that read it, not first in full on one.
 */
export async function listedFileFilter(ignore: readonly string[]): Promise<(file: string) => boolean> {
  const ignored = ignore.length ? (await import('picomatch')).default([...ignore], { dot: true }) : () => false;
  // A glob naming a folder (`legacy`, `legacy/**`) leaves out all below it, as the workspace walk (discover.ts) prunes it.
  const folders = ignore.map((glob) => `${glob.replace(/\/?\*\*$/, '')}/`);
  const scannable = scannableInListing();
  return (file) => scannable(file) && !ignored(file) && !folders.some((folder) => file.startsWith(folder));
}

/**
 * Whether a file is one scan reads by name; for a listing sorted as git lists it, where files
 * of one folder come together, so the folder is judged once for all of them.
 */
function scannableInListing(): (file: string) => boolean {
  let dir = '\0';
  let dirSkipped = false;
  return (file) => {
    if (fileKind(file) === undefined || skippedName(file)) return false;
    const slash = file.lastIndexOf('/') + 1;
    if (slash !== dir.length || !file.startsWith(dir)) {
      dir = file.slice(0, slash);
      dirSkipped = SKIPPED_DIR.test(dir);
    }
    return !dirSkipped;
  };
}
