/** The kinds of file scan reads, by name; each has one finder (finders/index.ts). */
export type FileKind =
  | 'python' | 'typescript' | 'javascript' | 'go' | 'java' | 'kotlin' | 'ruby' | 'csharp'
  | 'yaml' | 'json' | 'toml' | 'dotenv' | 'prompty' | 'dotprompt' | 'markdown' | 'text';

const BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  py: 'python', ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  go: 'go', java: 'java', kt: 'kotlin', kts: 'kotlin', rb: 'ruby', cs: 'csharp',
  yaml: 'yaml', yml: 'yaml', json: 'json', toml: 'toml', prompty: 'prompty', prompt: 'dotprompt',
  md: 'markdown', mdx: 'markdown', rst: 'text', txt: 'text', adoc: 'text',
};

/**
 * The kind of a file by its name, or undefined for files no finder reads. Kept apart
 * from the finders so listing files does not load the YAML parser.
 */
export function fileKind(file: string): FileKind | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (/^\.env(\..+)?$/.test(name) || name.endsWith('.env')) return 'dotenv';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
}
