import type { z } from 'zod';
import { API_VERSION, Kinds, type Kind, type Resource } from '../schema/index.js';
import type { ParsedDoc } from './parse-file.js';
import { dotted, locate } from './positions.js';
import type { Finding } from './types.js';

export interface CheckedDoc {
  kind?: Kind;
  resource?: Resource;
  findings: Finding[];
}

/** Validates one modelshift document against the schema of its kind. */
export function checkSchema(file: string, doc: ParsedDoc): CheckedDoc {
  const finding = (path: string, message: string, prefer: 'key' | 'value' = 'value'): Finding => {
    const [line, column] = locate(doc.positions, path, prefer) ?? [doc.index === 0 ? 1 : doc.line, 1];
    return { file, line, column, path, rule: 'schema', message, severity: 'error' };
  };
  const data = doc.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { findings: [finding('', 'a modelshift file must be a mapping with apiVersion, kind, metadata and spec')] };
  }
  const { apiVersion, kind } = data as { apiVersion?: unknown; kind?: unknown };
  if (apiVersion !== API_VERSION) {
    const message =
      apiVersion === undefined
        ? `missing apiVersion; files in this folder must start with apiVersion: ${API_VERSION}`
        : `unsupported apiVersion ${JSON.stringify(apiVersion)}; this version of modelshift reads ${API_VERSION}`;
    return { findings: [finding(apiVersion === undefined ? '' : 'apiVersion', message)] };
  }
  if (typeof kind !== 'string' || !(kind in Kinds)) {
    const message = `${kind === undefined ? 'missing kind' : `unknown kind ${JSON.stringify(kind)}`}; use one of ${Object.keys(Kinds).join(', ')}`;
    return { findings: [finding(kind === undefined ? '' : 'kind', message)] };
  }
  const schema = Kinds[kind as Kind];
  const result = schema.safeParse(data);
  if (result.success) return { kind: kind as Kind, resource: result.data as Resource, findings: [] };
  const findings = result.error.issues.flatMap((issue) => describe(issue, schema, data, finding));
  return { kind: kind as Kind, findings };
}

function describe(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  data: object,
  finding: (path: string, message: string, prefer?: 'key' | 'value') => Finding,
): Finding[] {
  const path = dotted(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, issue.path);
      return issue.keys.map((key) =>
        finding(
          path ? `${path}.${key}` : key,
          `unknown key "${key}"${path ? ` in ${path}` : ''}; ${allowed.length ? `allowed keys are ${allowed.join(', ')}` : 'remove it'}`,
          'key',
        ),
      );
    }
    case 'invalid_type':
      if (valueAt(data, issue.path) === undefined) {
        return [finding(path, `missing required key "${String(issue.path.at(-1))}"${parentText(issue.path)}; add it`, 'key')];
      }
      break;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return [finding(path, `${path} must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`)];
      }
      break;
    default:
      break;
  }
  return [finding(path, `${path || 'document'}: ${lowerFirst(issue.message)}`)];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const segment of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

function parentText(path: readonly PropertyKey[]): string {
  return path.length > 1 ? ` in ${dotted(path.slice(0, -1))}` : '';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The keys a strict object at `path` of `schema` accepts, for "unknown key" messages. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const segment of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && def.shape && typeof segment === 'string') node = def.shape[segment];
    else if (def?.type === 'array' && typeof segment === 'number') node = def.element;
    else if (def?.type === 'record') node = (def as { valueType?: unknown }).valueType;
    else return [];
  }
  const def = (unwrap(node) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && (current.def.type === 'optional' || current.def.type === 'default' || current.def.type === 'nullable')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}
