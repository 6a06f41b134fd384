import type * as z from 'zod';
import { API_VERSION, Kinds, type Kind, type Resource } from '../schema/index.js';
import { dotted, locate, type DocPositions } from './positions.js';
import type { Finding } from './types.js';

export interface SchemaResult {
  /** The kind the document declares, when apiVersion and kind are known. */
  kind?: Kind;
  /** The parsed resource, when the document passed its schema. */
  resource?: Resource;
  findings: Finding[];
}

interface DocInput {
  index: number;
  line: number;
  positions: DocPositions;
  data: unknown;
}

export type At = (path: string, message: string, prefer?: 'key' | 'value') => Finding;

/**
 * Validates one modelshift document against the schema of its kind. Every
 * message says what is wrong and, after a `;`, how to fix it. Values are never
 * repeated (one of them may be a secret); keys and paths are.
 */
export function checkSchema(file: string, doc: DocInput): SchemaResult {
  const at: At = (path, message, prefer = 'value') => {
    // A missing top-level key: line 1 of the file, or where a later document starts (§7).
    const [line, column] = locate(doc.positions, path, prefer) ?? [doc.index === 0 ? 1 : doc.line, 1];
    return { file, line, column, path, rule: 'schema', message, severity: 'error' };
  };
  const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : '';
  const elsewhere = ['agents', 'providers', 'migrations', 'evals'].includes(folder)
    ? `, or move the file out of ${folder}/ (it holds only modelshift documents)`
    : '';
  const data = doc.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { findings: [at('', `this document is ${describeValue(data)}, not a modelshift resource; write a mapping with apiVersion, kind, metadata and spec${elsewhere}`)] };
  }
  const { apiVersion, kind } = data as { apiVersion?: unknown; kind?: unknown };
  if (apiVersion !== API_VERSION) {
    const message =
      apiVersion === undefined
        ? `missing apiVersion; add apiVersion: ${API_VERSION}${elsewhere}`
        : typeof apiVersion === 'string' && apiVersion.startsWith('modelshift.dev/')
          ? `unsupported apiVersion ${JSON.stringify(apiVersion)}; this version of modelshift reads ${API_VERSION}: change it, or upgrade modelshift`
          : `apiVersion is not a modelshift version; use apiVersion: ${API_VERSION}${elsewhere}`;
    return { findings: [at(apiVersion === undefined ? '' : 'apiVersion', message)] };
  }
  if (typeof kind !== 'string' || !(kind in Kinds)) {
    const message = `${kind === undefined ? 'missing kind' : 'unknown kind'}; use one of ${Object.keys(Kinds).join(', ')}`;
    return { findings: [at(kind === undefined ? '' : 'kind', message)] };
  }
  const schema = Kinds[kind as Kind];
  const result = schema.safeParse(data);
  if (result.success) return { kind: kind as Kind, resource: result.data as Resource, findings: [] };
  const hint = `see schemas/${kind.toLowerCase()}.schema.json for what it accepts`;
  return { kind: kind as Kind, findings: result.error.issues.flatMap((issue) => describe(issue, schema, data, at, hint)) };
}

/**
 * The findings for `data` that failed `schema` outside a modelshift document
 * (a row of a case file), worded as validate words them; `at` places them.
 */
export function issueFindings(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: object, at: At, hint: string): Finding[] {
  return issues.flatMap((issue) => describe(issue, schema, data, at, hint));
}

function describe(issue: z.core.$ZodIssue, schema: z.ZodType, data: object, at: At, hint: string): Finding[] {
  const path = dotted(issue.path);
  const name = path || 'the document';
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, issue.path, data);
      return issue.keys.map((key) => {
        const near = allowed.find((k) => closeTo(k, key));
        const fix = near ? `did you mean "${near}"? Allowed keys are ${allowed.join(', ')}` : allowed.length ? `allowed keys are ${allowed.join(', ')}` : 'remove it';
        return at(path ? `${path}.${key}` : key, `unknown key "${key}"${path ? ` in ${path}` : ''}; ${fix}`, 'key');
      });
    }
    case 'invalid_type':
      if (value === undefined) return [missing(issue.path, at)];
      if (value === null) return [at(path, `${name} is empty; give it ${expected(issue.expected)}`)];
      return [at(path, `${name} must be ${expected(issue.expected)}, not ${describeValue(value)}; ${retype(issue.expected, value)}`)];
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (value === undefined) return [missing(issue.path, at, options && `one of ${options.map(String).join(', ')}`)];
      if (issue.discriminator && options) {
        return [at(path, `${name} is not a known ${issue.discriminator}; use one of ${options.map(String).join(', ')}`)];
      }
      const forms = issue.errors.map((branch) => branchForm(branch, value));
      return [at(path, `${name} matches none of the accepted forms; use ${forms.join(' or ')}`)];
    }
    case 'invalid_value':
      return [at(path, `${name} is not an accepted value; use ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`)];
    case 'invalid_format':
      if (issue.format === 'url') return [at(path, `${name} is not a valid URL; write an http(s) URL such as https://api.example.com/v1`)];
      return [at(path, `${name} is not valid; it ${customOr(issue.message, `must match the pattern ${issue.pattern ?? issue.format}`)}`)];
    case 'too_small':
    case 'too_big':
      return [at(path, bound(issue, name))];
    case 'custom':
      // A rule about a key that is absent points at the parent key, like a missing key.
      return [at(path, `${name}: ${issue.message}`, value === undefined ? 'key' : 'value')];
    default:
      return [at(path, `${name}: ${lowerFirst(issue.message)}; ${hint}`)];
  }
}

function missing(path: readonly PropertyKey[], at: At, choices?: string): Finding {
  const parent = path.length > 1 ? ` in ${dotted(path.slice(0, -1))}` : '';
  return at(dotted(path), `missing required key "${String(path.at(-1))}"${parent}; add it${choices ? `: ${choices}` : ''}`, 'key');
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, name: string): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const op = small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
  switch (issue.origin) {
    case 'string':
      return small && limit === 1 ? `${name} is empty; give it a value` : `${name} is too ${small ? 'short' : 'long'}; use ${op} ${limit} characters`;
    case 'array':
      return `${name} has too ${small ? 'few' : 'many'} items; give ${op} ${limit}`;
    default:
      return `${name} is too ${small ? 'small' : 'large'}; use a number ${op} ${limit}`;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  array: 'a list',
};

function expected(type: string): string {
  return EXPECTED[type] ?? `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return typeof value === 'boolean' ? 'true/false' : typeof value;
}

/** How to turn the value into the type wanted: YAML's quoting rules are the usual cause. */
function retype(type: string, value: unknown): string {
  if ((type === 'number' || type === 'int') && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return 'remove the quotes around it';
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return 'put it in quotes to keep it text';
  if (type === 'boolean' && typeof value === 'string') return 'write true or false without quotes';
  return `change it to ${expected(type)}`;
}

/** One branch of a union, as the user would write it. */
function branchForm(branch: readonly z.core.$ZodIssue[], value: unknown): string {
  const issue = branch[0];
  // A mapping that fits no form of mappings: each form is told by the keys it needs, which is what tells them apart.
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const needs = branch.filter((i) => i.code !== 'unrecognized_keys' && i.path.length === 1 && valueAt(value, i.path) === undefined).map((i) => String(i.path[0]));
    if (needs.length) return `a mapping with ${needs.join(' and ')}`;
  }
  if (issue?.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' or ');
  if (issue?.code === 'invalid_type') return expected(issue.expected);
  return 'a mapping (key: value)';
}

/** zod's own messages start with a capital ("Invalid string: …"); the schemas' custom ones do not. */
function customOr(message: string, fallback: string): string {
  return /^[A-Z]/.test(message) ? fallback : message;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const segment of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A likely typo: same letters but one edit away, or the same word in another case or with `-`/`_`. */
function closeTo(allowed: string, key: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  if (norm(allowed) === norm(key)) return true;
  if (Math.abs(allowed.length - key.length) > 1 || key.length < 4) return false;
  let i = 0;
  while (i < key.length && key[i] === allowed[i]) i++;
  const rest = (a: number, b: number) => allowed.slice(a) === key.slice(b);
  return rest(i + 1, i + 1) || rest(i + 1, i) || rest(i, i + 1) || (rest(i + 2, i + 2) && allowed[i] === key[i + 1] && allowed[i + 1] === key[i]);
}

/** The keys a strict object at `path` of `schema` accepts, for "unknown key" messages. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  let node: unknown = schema;
  let value = data;
  for (const segment of path) {
    const def = defOf(pick(unwrap(node), value));
    if (def?.type === 'object' && def.shape && typeof segment === 'string') node = def.shape[segment];
    else if (def?.type === 'array' && typeof segment === 'number') node = def.element;
    else if (def?.type === 'record') node = def.valueType;
    else return [];
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
  }
  const def = defOf(pick(unwrap(node), value));
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

interface Def {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  valueType?: unknown;
  options?: unknown[];
  discriminator?: string;
  values?: unknown[];
  innerType?: unknown;
  in?: unknown;
}

function defOf(node: unknown): Def | undefined {
  return (node as { def?: Def } | undefined)?.def;
}

/** In a union, the object member the value is meant to be: the one its discriminator names, else the first object. */
function pick(node: unknown, value: unknown): unknown {
  const def = defOf(node);
  if (def?.type !== 'union' || !def.options) return node;
  const objects = def.options.map(unwrap).filter((o) => defOf(o)?.type === 'object');
  const tag = def.discriminator && value && typeof value === 'object' ? (value as Record<string, unknown>)[def.discriminator] : undefined;
  return objects.find((o) => defOf(defOf(o)!.shape![def.discriminator!])?.values?.includes(tag)) ?? objects[0];
}

/** Looks through optional/default/nullable wrappers and refinements' pipes to the schema inside. */
function unwrap(node: unknown): unknown {
  let current = node;
  for (let def = defOf(current); def; def = defOf(current)) {
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else break;
  }
  return current;
}
