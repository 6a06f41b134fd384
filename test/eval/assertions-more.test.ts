import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssertionError, checkAssertion, checkAssertions, type StaticAssertion } from '../../src/eval/assertions.js';
import { ScriptRunner, type ScriptContext } from '../../src/eval/assertions-javascript.js';
import { Assertion, EvalSuiteSpec } from '../../src/schema/eval-suite.js';
import { response } from './fixtures.js';

const reply = (text: string, extra: Partial<ReturnType<typeof response>> = {}) => response(text, extra);
const calls = (...names: string[]) => names.map((name) => ({ name, arguments: {} }));

describe('more static assertions', () => {
  const table: [string, StaticAssertion, ReturnType<typeof reply>, boolean][] = [
    ['contains-all passes', { type: 'contains-all', value: ['refund', 'order'] }, reply('your order refund'), true],
    ['contains-all fails on one missing', { type: 'contains-all', value: ['refund', 'order'] }, reply('your refund'), false],
    ['contains-all ignoreCase', { type: 'contains-all', value: ['refund', 'order'], ignoreCase: true }, reply('ORDER REFUND'), true],
    ['contains-any passes', { type: 'contains-any', value: ['refund', 'credit'] }, reply('a credit note'), true],
    ['contains-any fails', { type: 'contains-any', value: ['refund', 'credit'] }, reply('nothing'), false],
    ['starts-with passes after whitespace', { type: 'starts-with', value: 'Hello' }, reply('  Hello there'), true],
    ['starts-with is case-sensitive', { type: 'starts-with', value: 'hello' }, reply('Hello there'), false],
    ['starts-with ignoreCase', { type: 'starts-with', value: 'hello', ignoreCase: true }, reply('Hello there'), true],
    ['equals ignoreCase', { type: 'equals', value: 'billing', ignoreCase: true }, reply('Billing\n'), true],
    ['regex ignoreCase adds the i flag', { type: 'regex', value: '^order', ignoreCase: true }, reply('ORDER 1'), true],
    ['not-contains ignoreCase', { type: 'not-contains', value: 'as an ai', ignoreCase: true }, reply('As an AI'), false],
    ['word-count within', { type: 'word-count', min: 2, max: 4 }, reply(' one  two\nthree '), true],
    ['word-count below min', { type: 'word-count', min: 4 }, reply('one two three'), false],
    ['word-count above max', { type: 'word-count', max: 2 }, reply('one two three'), false],
    ['tool-call schema passes', { type: 'tool-call', name: 'lookup', schema: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]+$' } } } }, reply('', { toolCalls: [{ name: 'lookup', arguments: { id: '1182' } }] }), true],
    ['tool-call schema fails', { type: 'tool-call', name: 'lookup', schema: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]+$' } } } }, reply('', { toolCalls: [{ name: 'lookup', arguments: { id: 'abc' } }] }), false],
    ['tool-call schema on invalid JSON arguments', { type: 'tool-call', name: 'lookup', schema: { type: 'object' } }, reply('', { toolCalls: [{ name: 'lookup', arguments: '{broken' }] }), false],
    ['tool-sequence in order with others between', { type: 'tool-sequence', value: ['search', 'book'] }, reply('', { toolCalls: calls('search', 'price', 'book') }), true],
    ['tool-sequence out of order', { type: 'tool-sequence', value: ['search', 'book'] }, reply('', { toolCalls: calls('book', 'search') }), false],
    ['tool-sequence exact refuses extras', { type: 'tool-sequence', value: ['search', 'book'], exact: true }, reply('', { toolCalls: calls('search', 'price', 'book') }), false],
    ['tool-sequence exact passes', { type: 'tool-sequence', value: ['search', 'book'], exact: true }, reply('', { toolCalls: calls('search', 'book') }), true],
    ['finish-reason passes', { type: 'finish-reason', value: 'stop' }, reply('x', { finishReason: 'stop' }), true],
    ['finish-reason fails on length', { type: 'finish-reason', value: ['stop', 'end_turn'] }, reply('x', { finishReason: 'length' }), false],
    ['max-latency passes', { type: 'max-latency', value: 500 }, reply('x', { latencyMs: 420 }), true],
    ['max-latency fails', { type: 'max-latency', value: 500 }, reply('x', { latencyMs: 501 }), false],
    ['is-refusal on a refusal', { type: 'is-refusal' }, reply('I’m sorry, but I can’t help with that request.'), true],
    ['is-refusal on a provider refusal', { type: 'is-refusal' }, reply('', { finishReason: 'refusal' }), true],
    ['is-refusal on a helpful answer', { type: 'is-refusal' }, reply('Your refund for order 1182 is on its way.'), false],
    ['is-refusal ignores a late "I can’t"', { type: 'is-refusal' }, reply(`${'Here is what I did for you. '.repeat(10)}I can't help with the shipping part.`), false],
    ['not: is-refusal passes on an answer', { type: 'is-refusal', not: true }, reply('Your refund is on its way.'), true],
    ['not: contains fails when found', { type: 'contains', value: 'refund', not: true }, reply('a refund'), false],
    ['not: tool-call passes when absent', { type: 'tool-call', name: 'delete_account', not: true }, reply('ok'), true],
  ];
  it.each(table)('%s', (_name, assertion, r, pass) => {
    const result = checkAssertion(assertion, r, 0.001);
    expect(result.pass).toBe(pass);
    expect(result.type).toBe(assertion.type);
    expect(result.reason).not.toBe('');
  });

  it('max-cost compares the call’s cost, and cannot decide without a price', () => {
    expect(checkAssertion({ type: 'max-cost', value: 0.01 }, reply('x'), 0.002)).toMatchObject({ pass: true, reason: 'cost $0.00200 (max $0.01)' });
    expect(checkAssertion({ type: 'max-cost', value: 0.001 }, reply('x'), 0.002).pass).toBe(false);
    expect(() => checkAssertion({ type: 'max-cost', value: 0.01 }, reply('x'), null)).toThrow(AssertionError);
  });

  it('reasons name what was missing and what was seen', () => {
    expect(checkAssertion({ type: 'contains-all', value: ['a1', 'b2', 'c3'] }, reply('a1 only')).reason).toBe('missing "b2", "c3"');
    expect(checkAssertion({ type: 'tool-sequence', value: ['search', 'book'] }, reply('', { toolCalls: calls('book') })).reason).toBe('called book, expected search → book in that order (missing search)');
    expect(checkAssertion({ type: 'word-count', min: 5, max: 9 }, reply('a b c')).reason).toBe('3 words (min 5, max 9)');
    expect(checkAssertion({ type: 'contains', value: 'x', not: true }, reply('x')).reason).toBe('not: contains "x"');
  });
});

describe('assertion config errors', () => {
  const problems: [string, unknown, string][] = [
    ['contains-all with no values', { type: 'contains-all', value: [] }, 'list at least one string'],
    ['word-count without bounds', { type: 'word-count' }, 'word-count needs min, max or both'],
    ['word-count min above max', { type: 'word-count', min: 9, max: 3 }, 'max (3) is below min (9); swap them'],
    ['max-cost of zero', { type: 'max-cost', value: 0 }, 'must be a number above 0'],
    ['javascript without a module', { type: 'javascript', file: 'check.py' }, 'must name a JavaScript module ending in .mjs or .js'],
    ['tool-call schema that does not compile', { type: 'tool-call', name: 'x', schema: { type: 'strng' } }, 'not a valid JSON Schema'],
    ['not that is not a boolean', { type: 'contains', value: 'x', not: 'yes' }, 'expected boolean'],
    ['ignoreCase on a check without text', { type: 'max-length', value: 3, ignoreCase: true }, 'Unrecognized key: "ignoreCase"'],
  ];
  it.each(problems)('%s', (_name, input, message) => {
    const parsed = Assertion.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message).join('\n')).toContain(message);
  });

  it('a suite needs cases or casesFrom, and every inline case needs assertions unless defaultAssert covers it', () => {
    expect(EvalSuiteSpec.safeParse({}).error!.issues[0]!.message).toBe('a suite needs cases, casesFrom or both');
    const bare = { cases: [{ name: 'c', input: 'hi' }] };
    expect(EvalSuiteSpec.safeParse(bare).error!.issues[0]).toMatchObject({ path: ['cases', 0, 'assert'], message: 'case "c" has no assertions; add assert, or spec.defaultAssert for the whole suite' });
    expect(EvalSuiteSpec.safeParse({ ...bare, defaultAssert: [{ type: 'is-refusal', not: true }] }).success).toBe(true);
  });
});

describe('javascript assertions in a worker', () => {
  let dir: string;
  const scripts = new ScriptRunner();
  const context: ScriptContext = { suite: 's', case: 'c', input: 'hi', messages: [{ role: 'user', content: 'hi' }], toolCalls: [], finishReason: 'stop', latencyMs: 10, usage: { inputTokens: 1, outputTokens: 1 }, agent: 'a', model: 'm' };
  const module = (name: string) => ({ type: 'javascript' as const, file: join(dir, name), timeoutMs: 1_000 });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'modelshift-js-'));
    await writeFile(join(dir, 'pass.mjs'), 'export default (output, context) => { console.log("noise from a check"); return output.includes(context.input); };\n');
    await writeFile(join(dir, 'score.mjs'), 'export default (output) => ({ pass: output.length < 5, score: output.length / 10, reason: `length ${output.length}` });\n');
    await writeFile(join(dir, 'throw.mjs'), 'export default () => { throw new Error("no order id in the ticket"); };\n');
    await writeFile(join(dir, 'hang.mjs'), 'export default () => { for (;;) {} };\n');
    await writeFile(join(dir, 'bad-return.mjs'), 'export default () => "yes";\n');
    await writeFile(join(dir, 'no-default.mjs'), 'export const check = () => true;\n');
  });
  afterAll(async () => {
    await scripts.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes and fails with what the function returned', async () => {
    expect(await scripts.run(module('pass.mjs'), 'hi there', context)).toEqual({ type: 'javascript', pass: true, reason: 'pass.mjs returned true' });
    expect((await scripts.run(module('pass.mjs'), 'bye', context)).pass).toBe(false);
    expect(await scripts.run(module('score.mjs'), 'longer text', context)).toEqual({ type: 'javascript', pass: false, score: 1.1, reason: 'length 11' });
  });

  it('a check that throws is an assertion error, not a failure', async () => {
    await expect(scripts.run(module('throw.mjs'), 'x', context)).rejects.toThrow(/threw: no order id in the ticket/);
    await expect(scripts.run(module('bad-return.mjs'), 'x', context)).rejects.toThrow(/returned "yes"; return true, false or/);
    await expect(scripts.run(module('no-default.mjs'), 'x', context)).rejects.toThrow(/no default export function/);
    await expect(scripts.run(module('missing.mjs'), 'x', context)).rejects.toThrow(AssertionError);
  });

  it('a check that hangs is stopped at its timeout and the next call still runs', async () => {
    const started = Date.now();
    await expect(scripts.run({ ...module('hang.mjs'), timeoutMs: 300 }, 'x', context)).rejects.toThrow(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await scripts.run(module('pass.mjs'), 'hi', context)).pass).toBe(true);
  });

  it('not: inverts a javascript verdict through checkAssertions', async () => {
    const judge = async () => ({ type: 'llm-judge' as const, pass: true, reason: '' });
    const script = (a: Parameters<ScriptRunner['run']>[0], r: { text: string }) => scripts.run(a, r.text, context);
    const results = await checkAssertions([{ ...module('pass.mjs'), not: true }], response('hi'), { judge, script });
    expect(results[0]).toMatchObject({ pass: false, reason: 'not: pass.mjs returned true' });
  });
});
