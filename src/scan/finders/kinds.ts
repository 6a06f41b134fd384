/** The kinds of file scan reads, by name; each has one finder (finders/index.ts). */
export type FileKind =
  | 'python' | 'typescript' | 'javascript' | 'go' | 'java' | 'kotlin' | 'ruby' | 'csharp'
  | 'yaml' | 'json' | 'toml' | 'dotenv' | 'dockerfile' | 'prompty' | 'dotprompt' | 'markdown' | 'text';

const BY_EXTENSION: ReadonlyMap<string, FileKind> = new Map(Object.entries({
  py: 'python', ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', rb: 'ruby', cs: 'csharp',
  yaml: 'yaml', yml: 'yaml', json: 'json', toml: 'toml', prompty: 'prompty', prompt: 'dotprompt',
  md: 'markdown', mdx: 'markdown', rst: 'text', txt: 'text', adoc: 'text',
} satisfies Record<string, FileKind>));

/** `Dockerfile`, `Dockerfile.dev`, `api.Dockerfile`, `Containerfile` (Podman's name for the same format); a known extension wins (`Dockerfile.md`). */
const DOCKERFILE = /^(?:(?:dockerfile|containerfile)(?:\.[^/]+)?|[^/]+\.dockerfile)$/i;

/**
 * The kind of a file by its name, or undefined for files no finder reads. Kept apart
 * from the finders so listing files does not load the YAML parser.
 */
export function fileKind(file: string): FileKind | undefined {
  // Index arithmetic rather than slicing the name: this runs for every file of the repository.
  const name = file.lastIndexOf('/') + 1;
  if (file.endsWith('.env') || (file.startsWith('.env.', name) && file.length > name + 5)) return 'dotenv';
  const dot = file.lastIndexOf('.');
  const ext = dot > name ? file.slice(dot + 1) : '';
  const kind = BY_EXTENSION.get(ext) ?? BY_EXTENSION.get(ext.toLowerCase());
  if (kind) return kind;
  return DOCKERFILE.test(file.slice(name)) ? 'dockerfile' : undefined;
}
