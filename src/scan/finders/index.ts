import { codeFinder } from './code.js';
import { dockerfileFinder } from './dockerfile.js';
import type { Finder } from './finder.js';
import { fileKind, type FileKind } from './kinds.js';
import { docsFinder, envFinder, tomlFinder } from './lines.js';
import { frontMatterFinder, yamlFinder } from './yaml.js';

export type { Finder } from './finder.js';

const FINDERS: Readonly<Record<FileKind, Finder>> = {
  python: codeFinder('python'),
  typescript: codeFinder('typescript'),
  javascript: codeFinder('javascript'),
  go: codeFinder('go'),
  java: codeFinder('java'),
  kotlin: codeFinder('kotlin'),
  ruby: codeFinder('ruby'),
  csharp: codeFinder('csharp'),
  yaml: yamlFinder(),
  json: yamlFinder('json'),
  toml: tomlFinder,
  dotenv: envFinder,
  dockerfile: dockerfileFinder,
  prompty: frontMatterFinder('prompty'),
  dotprompt: frontMatterFinder('dotprompt'),
  markdown: docsFinder('markdown'),
  text: docsFinder('text'),
};

/** The finder for a file by its name, or undefined for files no finder reads. */
export function finderFor(file: string): Finder | undefined {
  const kind = fileKind(file);
  return kind && FINDERS[kind];
}
