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
 * Whether a file is one scan reads at all (by name), before it is opened; for a listing
 * sorted as git lists it, where files of one folder come together, so the folder is
 * judged once for all of them.
 */
export function scannableInListing(): (file: string) => boolean {
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
