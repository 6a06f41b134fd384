import { Ajv, type ValidateFunction } from 'ajv';
import type { LlmResponse, ToolCall } from '../llm/types.js';
import type { Assertion } from '../schema/eval-suite.js';
import type { AssertionResult } from './types.js';

export type JudgeAssertion = Extract<Assertion, { type: 'llm-judge' }>;
export type StaticAssertion = Exclude<Assertion, JudgeAssertion>;

/** Grades one reply against a rubric; supplied by the caller because it calls a model. */
export type Judge = (assertion: JudgeAssertion, response: LlmResponse) => Promise<AssertionResult>;

/** What the checks look at in a reply. */
export type Reply = Pick<LlmResponse, 'text' | 'toolCalls'>;

/** Runs every assertion of a case; the judge is called only for `llm-judge`. */
export async function checkAssertions(assertions: Assertion[], response: LlmResponse, judge: Judge): Promise<AssertionResult[]> {
  return Promise.all(assertions.map((a) => (a.type === 'llm-judge' ? judge(a, response) : checkAssertion(a, response))));
}

/** The checks that need no model: pure functions of the reply. */
export function checkAssertion(assertion: StaticAssertion, reply: Reply): AssertionResult {
  const result = (pass: boolean, reason: string): AssertionResult => ({ type: assertion.type, pass, reason });
  const text = reply.text;
  switch (assertion.type) {
    case 'contains':
    case 'not-contains': {
      const found = includes(text, assertion.value, assertion.ignoreCase === true);
      const wanted = assertion.type === 'contains';
      return result(found === wanted, `${found ? 'contains' : 'does not contain'} ${quote(assertion.value)}`);
    }
    case 'regex': {
      let pattern: RegExp;
      try {
        pattern = new RegExp(assertion.value, assertion.flags);
      } catch (err) {
        return result(false, `invalid regex ${quote(assertion.value)}: ${(err as Error).message}`);
      }
      const match = pattern.exec(text);
      return result(match !== null, match ? `matches /${assertion.value}/ at ${quote(match[0])}` : `does not match /${assertion.value}/`);
    }
    case 'equals': {
      // Surrounding whitespace (a trailing newline) is not part of what a model "said".
      const same = text.trim() === assertion.value.trim();
      return result(same, same ? 'equals the expected text' : `differs from ${quote(assertion.value)}`);
    }
    case 'is-json':
      return checkJson(text, assertion.schema, result);
    case 'tool-call':
      return checkToolCall(reply.toolCalls, assertion.name, assertion.args, result);
    case 'max-length': {
      const length = [...text].length;
      return result(length <= assertion.value, `${length} characters (max ${assertion.value})`);
    }
  }
}

function includes(text: string, value: string, ignoreCase: boolean): boolean {
  return ignoreCase ? text.toLowerCase().includes(value.toLowerCase()) : text.includes(value);
}

type Result = (pass: boolean, reason: string) => AssertionResult;

const ajv = new Ajv({ allErrors: true, strict: false });
/** Suites reuse one schema object across many cases; compile each once. */
const compiled = new WeakMap<object, ValidateFunction>();

function checkJson(text: string, schema: Record<string, unknown> | undefined, result: Result): AssertionResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return result(false, `not JSON: ${(err as Error).message}`);
  }
  if (!schema) return result(true, 'valid JSON');
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (err) {
      return result(false, `the assertion's JSON Schema is invalid: ${(err as Error).message}`);
    }
    compiled.set(schema, validate);
  }
  if (validate(value)) return result(true, 'valid JSON matching the schema');
  return result(false, `JSON does not match the schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
}

function checkToolCall(calls: ToolCall[], name: string, args: Record<string, unknown> | undefined, result: Result): AssertionResult {
  const named = calls.filter((c) => c.name === name);
  const seen = calls.length ? `called ${calls.map((c) => c.name).join(', ')}` : 'called no tool';
  if (!named.length) return result(false, `did not call ${name} (${seen})`);
  if (!args) return result(true, `called ${name}`);
  if (named.some((c) => matchesSubset(c.arguments, args))) return result(true, `called ${name} with ${JSON.stringify(args)}`);
  return result(false, `called ${name} with ${named.map((c) => JSON.stringify(c.arguments)).join(' / ')}, expected ${JSON.stringify(args)}`);
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
