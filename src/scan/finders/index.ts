import { codeFinder } from './code.js';
import type { Finder } from './finder.js';
import { docsFinder, envFinder, tomlFinder } from './lines.js';
import { frontMatterFinder, yamlFinder } from './yaml.js';

export type { Finder } from './finder.js';

const BY_EXTENSION: Readonly<Record<string, Finder>> = {
  py: codeFinder('python'),
  ts: codeFinder('typescript'), tsx: codeFinder('typescript'), mts: codeFinder('typescript'), cts: codeFinder('typescript'),
  js: codeFinder('javascript'), jsx: codeFinder('javascript'), mjs: codeFinder('javascript'), cjs: codeFinder('javascript'),
  go: codeFinder('go'),
  java: codeFinder('java'),
  kt: codeFinder('kotlin'), kts: codeFinder('kotlin'),
  rb: codeFinder('ruby'),
  cs: codeFinder('csharp'),
  yaml: yamlFinder(), yml: yamlFinder(),
  json: yamlFinder('json'),
  toml: tomlFinder,
  prompty: frontMatterFinder('prompty'),
  prompt: frontMatterFinder('dotprompt'),
  md: docsFinder('markdown'), mdx: docsFinder('markdown'),
  rst: docsFinder('text'), txt: docsFinder('text'), adoc: docsFinder('text'),
};

/** The finder for a file by its name, or undefined for files no finder reads. */
export function finderFor(file: string): Finder | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (/^\.env(\..+)?$/.test(name) || name.endsWith('.env')) return envFinder;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
}
