import type { ValidateFunction } from 'ajv';
import type { LlmResponse, ToolCall } from '../llm/types.js';
import type { Assertion } from '../schema/eval-suite.js';
import { lazyJsonSchemaChecker } from '../schema/json-schema-checker.js';
import { looksLikeRefusal } from './assertions-refusal.js';
import type { AssertionResult } from './types.js';

export type JudgeAssertion = Extract<Assertion, { type: 'llm-judge' }>;
export type JavascriptAssertion = Extract<Assertion, { type: 'javascript' }>;
export type StaticAssertion = Exclude<Assertion, JudgeAssertion | JavascriptAssertion>;

/** Grades one reply against a rubric; supplied by the caller because it calls a model. */
export type Judge = (assertion: JudgeAssertion, response: LlmResponse) => Promise<AssertionResult>;

/** Runs a user's JavaScript check (in a worker, with a timeout); supplied by the caller because it runs code. */
export type Script = (assertion: JavascriptAssertion, response: LlmResponse) => Promise<AssertionResult>;

/**
 * A check that could not decide (a JavaScript check that threw or hung, a
 * cost without a price): the case is an error, never a model failure.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

/** What the checks look at in a reply. */
export type Reply = Pick<LlmResponse, 'text' | 'toolCalls'> & Partial<Pick<LlmResponse, 'finishReason' | 'latencyMs'>>;

export interface CheckContext {
  judge: Judge;
  script?: Script;
  /** USD of the model call at catalog prices; null when the model has no price. */
  costUsd?: number | null;
}

/** Runs every assertion of a case; the judge is called only for `llm-judge`, the script runner only for `javascript`. */
export async function checkAssertions(assertions: Assertion[], response: LlmResponse, context: CheckContext): Promise<AssertionResult[]> {
  return Promise.all(
    assertions.map(async (a) => {
      if (a.type === 'llm-judge') return negated(a, await context.judge(a, response));
      if (a.type === 'javascript') {
        if (!context.script) throw new AssertionError('javascript checks need a script runner');
        return negated(a, await context.script(a, response));
      }
      return checkAssertion(a, response, context.costUsd);
    }),
  );
}

/** `not: true` turns a pass into a failure and back; the reason says so. */
function negated(assertion: Assertion, result: AssertionResult): AssertionResult {
  if (!assertion.not) return result;
  return { ...result, pass: !result.pass, reason: `not: ${result.reason}` };
}

/** The checks that need no model and run no code: pure functions of the reply (and its cost). */
export function checkAssertion(assertion: StaticAssertion, reply: Reply, costUsd?: number | null): AssertionResult {
  return negated(assertion, check(assertion, reply, costUsd));
}

function check(assertion: StaticAssertion, reply: Reply, costUsd: number | null | undefined): AssertionResult {
  const result = (pass: boolean, reason: string): AssertionResult => ({ type: assertion.type, pass, reason });
  const text = reply.text;
  const fold = 'ignoreCase' in assertion && assertion.ignoreCase === true ? (s: string) => s.toLowerCase() : (s: string) => s;
  switch (assertion.type) {
    case 'contains':
    case 'not-contains': {
      const found = fold(text).includes(fold(assertion.value));
      const wanted = assertion.type === 'contains';
      return result(found === wanted, `${found ? 'contains' : 'does not contain'} ${quote(assertion.value)}`);
    }
    case 'contains-all': {
      const missing = assertion.value.filter((v) => !fold(text).includes(fold(v)));
      return result(!missing.length, missing.length ? `missing ${missing.map(quote).join(', ')}` : `contains all ${assertion.value.length}`);
    }
    case 'contains-any': {
      const found = assertion.value.find((v) => fold(text).includes(fold(v)));
      return result(found !== undefined, found !== undefined ? `contains ${quote(found)}` : `contains none of ${assertion.value.map(quote).join(', ')}`);
    }
    case 'starts-with': {
      // Leading whitespace is not part of what a model "said".
      const starts = fold(text.trimStart()).startsWith(fold(assertion.value));
      return result(starts, starts ? `starts with ${quote(assertion.value)}` : `starts with ${quote(text.trimStart().slice(0, assertion.value.length + 10))}, not ${quote(assertion.value)}`);
    }
    case 'regex': {
      const flags = assertion.ignoreCase && !assertion.flags?.includes('i') ? `${assertion.flags ?? ''}i` : assertion.flags;
      let pattern: RegExp;
      try {
        pattern = new RegExp(assertion.value, flags);
      } catch (err) {
        return result(false, `invalid regex ${quote(assertion.value)}: ${(err as Error).message}`);
      }
      const match = pattern.exec(text);
      return result(match !== null, match ? `matches /${assertion.value}/ at ${quote(match[0])}` : `does not match /${assertion.value}/`);
    }
    case 'equals': {
      // Surrounding whitespace (a trailing newline) is not part of what a model "said".
      const same = fold(text.trim()) === fold(assertion.value.trim());
      return result(same, same ? 'equals the expected text' : `differs from ${quote(assertion.value)}`);
    }
    case 'is-json':
      return checkJson(text, assertion.schema, result);
    case 'tool-call':
      return checkToolCall(reply.toolCalls, assertion, result);
    case 'tool-sequence':
      return checkToolSequence(reply.toolCalls.map((c) => c.name), assertion.value, assertion.exact === true, result);
    case 'max-length': {
      const length = [...text].length;
      return result(length <= assertion.value, `${length} characters (max ${assertion.value})`);
    }
    case 'word-count': {
      const count = text.split(/\s+/).filter(Boolean).length;
      const low = assertion.min === undefined || count >= assertion.min;
      const high = assertion.max === undefined || count <= assertion.max;
      const bounds = [assertion.min !== undefined ? `min ${assertion.min}` : '', assertion.max !== undefined ? `max ${assertion.max}` : ''].filter(Boolean).join(', ');
      return result(low && high, `${count} words (${bounds})`);
    }
    case 'finish-reason': {
      const wanted = typeof assertion.value === 'string' ? [assertion.value] : assertion.value;
      if (reply.finishReason === undefined) throw new AssertionError('the reply has no finish reason to check');
      return result(wanted.includes(reply.finishReason), `finished with ${quote(reply.finishReason)}${wanted.includes(reply.finishReason) ? '' : `, expected ${wanted.map(quote).join(' or ')}`}`);
    }
    case 'max-cost': {
      if (costUsd === undefined || costUsd === null) throw new AssertionError('max-cost needs the model\'s price; add it under spec.catalog.models in modelshift.yaml');
      return result(costUsd <= assertion.value, `cost $${costUsd.toPrecision(3)} (max $${assertion.value})`);
    }
    case 'max-latency': {
      if (reply.latencyMs === undefined) throw new AssertionError('the reply has no latency to check');
      return result(reply.latencyMs <= assertion.value, `${Math.round(reply.latencyMs)} ms (max ${assertion.value} ms)`);
    }
    case 'is-refusal': {
      const refusal = looksLikeRefusal(reply);
      return result(refusal !== undefined, refusal ?? 'does not look like a refusal');
    }
  }
}

type Result = (pass: boolean, reason: string) => AssertionResult;

const ajv = lazyJsonSchemaChecker();
/** Suites reuse one schema object across many cases; compile each once. */
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates a value against a schema; the reason names what did not match. */
function matchSchema(value: unknown, schema: Record<string, unknown>, what: string, result: Result): AssertionResult {
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = ajv().compile(schema);
    } catch (err) {
      return result(false, `the assertion's JSON Schema is invalid: ${(err as Error).message}`);
    }
    compiled.set(schema, validate);
  }
  if (validate(value)) return result(true, `${what} matching the schema`);
  return result(false, `${what} does not match the schema: ${ajv().errorsText(validate.errors, { separator: '; ' })}`);
}

function checkJson(text: string, schema: Record<string, unknown> | undefined, result: Result): AssertionResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return result(false, `not JSON: ${(err as Error).message}`);
  }
  if (!schema) return result(true, 'valid JSON');
  return matchSchema(value, schema, 'JSON', result);
}

function checkToolCall(calls: ToolCall[], assertion: Extract<Assertion, { type: 'tool-call' }>, result: Result): AssertionResult {
  const { name, args, schema } = assertion;
  const seen = calls.length ? `called ${calls.map((c) => c.name).join(', ')}` : 'called no tool';
  let named = calls.filter((c) => c.name === name);
  if (!named.length) return result(false, `did not call ${name} (${seen})`);
  if (args) {
    const matching = named.filter((c) => matchesSubset(c.arguments, args));
    if (!matching.length) return result(false, `called ${name} with ${named.map((c) => JSON.stringify(c.arguments)).join(' / ')}, expected ${JSON.stringify(args)}`);
    named = matching;
  }
  if (schema) {
    // One call matching is enough; otherwise the first call's mismatch explains the failure.
    const checks = named.map((c) => matchSchema(c.arguments, schema, `${name} arguments`, result));
    return checks.find((c) => c.pass) ?? checks[0]!;
  }
  return result(true, args ? `called ${name} with ${JSON.stringify(args)}` : `called ${name}`);
}

function checkToolSequence(names: string[], wanted: string[], exact: boolean, result: Result): AssertionResult {
  const seen = names.length ? `called ${names.join(' → ')}` : 'called no tool';
  if (exact) {
    const same = names.length === wanted.length && names.every((n, i) => n === wanted[i]);
    return result(same, same ? seen : `${seen}, expected exactly ${wanted.join(' → ')}`);
  }
  let at = 0;
  for (const name of names) if (name === wanted[at]) at++;
  return result(at === wanted.length, at === wanted.length ? seen : `${seen}, expected ${wanted.join(' → ')} in that order (missing ${wanted[at]})`);
}

/**
 * `expected` is a subset of `actual`: every key of an expected object is in the
 * actual object with a matching value (recursively); arrays match element by
 * element and must have the same length; other values are compared with ===.
 */
export function matchesSubset(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesSubset(actual[i], e));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => k in record && matchesSubset(record[k], v));
  }
  return actual === expected;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
