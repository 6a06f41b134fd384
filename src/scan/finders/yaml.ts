import type { yaml as Yaml } from '../yaml-module.js';
import type { Scalar } from 'yaml';
import type { YamlPath } from '../../edit/index.js';
import { commentedOut, idsInProse, type IdMatcher } from '../ids.js';
import type { Found, Place, ReferenceKind } from '../types.js';
import type { Finder } from './finder.js';
import { modelKey } from './finder.js';
import { readPlainYaml, type ValueTree } from '../../edit/plain-yaml.js';
import { jsonTree } from './json-tree.js';

/**
 * The full YAML parser, for the files the plain readers decline. Most scans need it for no
 * file, so it loads the first time one does; until it has, such a file throws
 * `ParserLoading`, and the caller scans it again once `loaded` settles.
 */
let parser: { yaml: typeof Yaml; tree: Tree<unknown> } | undefined;
let loading: Promise<void> | undefined;

export class ParserLoading extends Error {
  constructor(readonly loaded: Promise<void>) {
    super('the YAML parser is loading');
  }
}

function fullParser(): { yaml: typeof Yaml; tree: Tree<unknown> } {
  if (parser) return parser;
  loading ??= import('../yaml-module.js').then(({ yaml }) => {
    parser = { yaml, tree: yamlTree(yaml) };
  });
  throw new ParserLoading(loading);
}

/** Where a scalar sits, as much as the finders need to judge it. */
interface Slot {
  path: YamlPath;
  /** The nearest mapping key (for a list item: the key holding the list). */
  key: string;
  parentKey: string;
  /** For a `{name: X, value: Y}` item (Kubernetes env): the sibling `name`. */
  siblingName?: string;
}

/**
 * YAML and JSON read as data: a value counts as a model where its key says so (`model`,
 * `llm`, `azure_deployment`, a Kubernetes env `value` whose `name` is `OPENAI_MODEL`),
 * or where the file's tool puts models (promptfoo `providers`); elsewhere only ids the
 * catalog knows count. Comments are docs.
 */
export function yamlFinder(fixed?: Place): Finder {
  return { find: (file, text, ids) => findInYaml(file, text, ids, fixed, fixed !== 'json') };
}

/**
 * Prompty (`*.prompty`) and Dotprompt (`*.prompt`) files: YAML front matter between `---`
 * lines, then the template. The front matter is read in place (same offsets) and edited
 * as text, since the file as a whole is not YAML.
 */
export function frontMatterFinder(place: Place): Finder {
  return {
    find(file, text, ids) {
      const open = /^---[ \t]*\r?\n/.exec(text);
      const close = open ? /^---[ \t]*$/m.exec(text.slice(open[0].length)) : null;
      if (!open || !close) return { place, found: [] };
      return findInYaml(file, text.slice(0, open[0].length + close.index), ids, place, false);
    },
  };
}

function findInYaml(file: string, text: string, ids: IdMatcher, fixed: Place | undefined, edits: boolean): { place: Place; found: Found[] } {
  const json = fixed === 'json' ? jsonTree(text) : undefined;
  if (json) return { place: 'json', found: scalarRefs(VALUE_TREE, json, text, 'json', ids).map(({ ref }) => ref) };
  // Most YAML files are plain YAML, read without composing documents; yaml reads the rest.
  const plain = fixed === 'json' ? undefined : readPlainYaml(text);
  const full = plain ? undefined : fullParser();
  const docs = full?.yaml.parseAllDocuments(text, { uniqueKeys: false });
  if (docs && !Array.isArray(docs)) return { place: fixed ?? 'yaml', found: [] };
  const place = fixed ?? (plain ? yamlPlace(file, VALUE_TREE, plain.tree) : yamlPlace(file, full!.tree, docs?.[0]?.contents));
  const found: Found[] = [];
  const add = <N>(tree: Tree<N>, root: N, index: number) => {
    for (const { ref, scalar, slot } of scalarRefs(tree, root, text, place, ids)) {
      // The edit engine rewrites a YAML scalar and re-reads the file to prove nothing else moved.
      if (!edits || ref.rewrite.via !== 'text') found.push(ref);
      else found.push({ ...ref, rewrite: { via: 'yaml', doc: index, path: slot.path, value: String(scalar.value), valueOffset: ref.start - scalar.at! } });
    }
  };
  if (plain) add(VALUE_TREE, plain.tree, 0);
  docs?.forEach((doc, index) => {
    if (!doc.errors.length) add(full!.tree, doc.contents, index);
  });
  if (place !== 'json') found.push(...yamlComments(text, ids));
  return { place, found };
}

/** A scalar as the finders judge it: its value and, for a plain or quoted string, where its characters start. */
interface ScalarAt {
  value: unknown;
  at?: number;
}

/** How the walk reads a tree: the nodes of a YAML document, or those of the strict JSON reader. */
interface Tree<N> {
  scalar(node: N): ScalarAt | undefined;
  pairs(node: N): Array<[key: string, value: N]> | undefined;
  items(node: N): readonly N[] | undefined;
}

/** The nodes of a YAML document, read through the parser's own type tests. */
function yamlTree({ isMap, isScalar, isSeq }: typeof Yaml): Tree<unknown> {
  return {
    scalar: (node) => (isScalar(node) ? { value: node.value, at: stringStart(node) } : undefined),
    pairs: (node) => (isMap(node) ? node.items.flatMap((p): Array<[string, unknown]> => (isScalar(p.key) ? [[String(p.key.value), p.value]] : [])) : undefined),
    items: (node) => (isSeq(node) ? node.items : undefined),
  };
}

/** The plain YAML reader's trees, and the strict JSON reader's. */
const VALUE_TREE: Tree<ValueTree> = {
  scalar: (node) => ('scalar' in node ? { value: node.scalar, at: node.at } : undefined),
  pairs: (node) => ('pairs' in node ? node.pairs : undefined),
  items: (node) => ('items' in node ? node.items : undefined),
};

/** Where a YAML scalar's characters start: after the opening quote of a quoted one; none for block scalars, whose bytes are not their value. */
function stringStart(scalar: Scalar): number | undefined {
  if (!scalar.range) return undefined;
  if (scalar.type === 'PLAIN') return scalar.range[0];
  return scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE' ? scalar.range[0] + 1 : undefined;
}

/** Every model id in the scalars under `root`, with the scalar and where it sits. */
function scalarRefs<N>(tree: Tree<N>, root: N, text: string, place: Place, ids: IdMatcher): Array<{ ref: Found; scalar: ScalarAt; slot: Slot }> {
  const refs: Array<{ ref: Found; scalar: ScalarAt; slot: Slot }> = [];
  const walk = (node: N, slot: Slot): void => {
    const scalar = tree.scalar(node);
    if (scalar) {
      const ref = scalarRef(text, scalar, slot, place, ids);
      if (ref) refs.push({ ref, scalar, slot });
      return;
    }
    const pairs = tree.pairs(node);
    if (pairs) {
      const name = pairs.find(([key]) => key === 'name');
      const nameScalar = name && tree.scalar(name[1]);
      for (const [key, value] of pairs) {
        const siblingName = nameScalar && key === 'value' ? String(nameScalar.value) : undefined;
        walk(value, { path: [...slot.path, key], key, parentKey: slot.key, siblingName });
      }
      return;
    }
    tree.items(node)?.forEach((item, i) => walk(item, { path: [...slot.path, i], key: slot.key, parentKey: slot.parentKey }));
  };
  walk(root, { path: [], key: '', parentKey: '' });
  return refs;
}

function scalarRef(text: string, scalar: ScalarAt, slot: Slot, place: Place, ids: IdMatcher): Found | undefined {
  const { value, at } = scalar;
  if (typeof value !== 'string' || at === undefined) return undefined;
  if (text.slice(at, at + value.length) !== value) return undefined; // escapes: the bytes are not the value
  const inEnv = /^(environment|env)$/.test(slot.key) || /^(environment|env)$/.test(slot.parentKey);
  // docker-compose's list form: `- OPENAI_MODEL=gpt-4o`.
  const assignment = inEnv && /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(value);
  const token = assignment ? assignment[2]! : value;
  const offset = assignment ? assignment[1]!.length + 1 : 0;
  const strong = assignment ? modelKey(assignment[1]!) : strongSlot(slot, place);
  const id = ids.parse(token, strong);
  if (!id) return undefined;
  const start = at + offset + id.offset;
  const kind: ReferenceKind = place === 'modelshift' ? 'modelshift' : inEnv ? 'env' : 'config';
  const rewrite: Found['rewrite'] = id.bedrock ? { via: 'none', reason: 'a Bedrock id carries its own version suffix' } : { via: 'text' };
  return { start, end: start + id.model.length, id, kind, rewrite };
}

function strongSlot(slot: Slot, place: Place): boolean {
  if (modelKey(slot.key)) return true;
  if (slot.key === 'name' && modelKey(slot.parentKey)) return true; // modelshift `spec.model.name`
  if (slot.key === 'value' && slot.siblingName !== undefined && modelKey(slot.siblingName)) return true;
  if (place === 'prompty' && slot.key === 'name' && slot.parentKey === 'configuration') return true;
  if (place === 'promptfoo' && (/^(providers|provider|targets)$/.test(slot.key) || (slot.key === 'id' && /^(providers|targets)$/.test(slot.parentKey)))) return true;
  return false;
}

/** `# …` comments in YAML; a `#` inside a quoted scalar is not one, so only line-leading or space-led `#` count. */
function yamlComments(text: string, ids: IdMatcher): Found[] {
  const found: Found[] = [];
  const re = /(?:^|[ \t])#(.*)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = m.index + m[0].length - m[1]!.length;
    for (const { start, id } of idsInProse(text, from, from + m[1]!.length, ids)) {
      if (commentedOut(text.slice(from, start - id.offset))) continue;
      found.push({ start, end: start + id.model.length, id, kind: 'docs', rewrite: { via: 'text' } });
    }
  }
  return found;
}

/** The tool a YAML file belongs to, from its name and the top-level structure of its first document. */
function yamlPlace<N>(file: string, tree: Tree<N>, top: N | undefined): Place {
  const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (/\.prompt\.ya?ml$/.test(name)) return 'github-models';
  const pairs = top === undefined ? undefined : tree.pairs(top);
  const keys = new Set(pairs?.map(([key]) => key));
  const version = pairs?.find(([key]) => key === 'apiVersion');
  const apiVersion = version && tree.scalar(version[1])?.value;
  if (typeof apiVersion === 'string' && apiVersion.startsWith('modelshift.dev/')) return 'modelshift';
  if (keys.has('model_list')) return 'litellm';
  if (/^promptfooconfig.*\.ya?ml$/.test(name) || (keys.has('providers') && (keys.has('prompts') || keys.has('tests')))) return 'promptfoo';
  if (/^(docker-)?compose.*\.ya?ml$/.test(name) || (keys.has('services') && !keys.has('apiVersion'))) return 'docker-compose';
  if (keys.has('apiVersion') && keys.has('kind')) return 'kubernetes';
  if (/^agents\.ya?ml$/.test(name) && pairs?.some(([, agent]) => tree.pairs(agent)?.some(([key]) => key === 'role' || key === 'llm'))) return 'crewai';
  return 'yaml';
}
