import { describe, expect, it } from 'vitest';
import { checkAssertion, checkAssertions, matchesSubset, type Judge, type StaticAssertion } from '../../src/eval/assertions.js';
import { JudgeError, judgeRequest, parseVerdict } from '../../src/eval/judge.js';
import { response } from './fixtures.js';

const reply = (text: string, toolCalls: { name: string; arguments: unknown }[] = []) => ({ text, toolCalls });

describe('static assertions', () => {
  const cases: [string, StaticAssertion, ReturnType<typeof reply>, boolean][] = [
    ['contains passes', { type: 'contains', value: 'refund' }, reply('We will refund you'), true],
    ['contains fails', { type: 'contains', value: 'refund' }, reply('We will REFUND you'), false],
    ['contains ignoreCase', { type: 'contains', value: 'refund', ignoreCase: true }, reply('We will REFUND you'), true],
    ['not-contains passes', { type: 'not-contains', value: 'sorry' }, reply('Done.'), true],
    ['not-contains fails', { type: 'not-contains', value: 'sorry', ignoreCase: true }, reply('Sorry!'), false],
    ['regex passes', { type: 'regex', value: 'order\\s*#?1182' }, reply('about order #1182'), true],
    ['regex fails', { type: 'regex', value: 'order\\s*#?1182' }, reply('about order 1183'), false],
    ['regex flags', { type: 'regex', value: '^ORDER', flags: 'im' }, reply('hi\norder 1'), true],
    ['equals passes, trimmed', { type: 'equals', value: 'billing' }, reply('billing\n'), true],
    ['equals fails', { type: 'equals', value: 'billing' }, reply('Billing'), false],
    ['is-json passes', { type: 'is-json' }, reply('{"a": 1}'), true],
    ['is-json fails', { type: 'is-json' }, reply('```json\n{"a": 1}\n```'), false],
    ['is-json schema passes', { type: 'is-json', schema: { type: 'object', required: ['queue'], properties: { queue: { enum: ['billing', 'tech'] } } } }, reply('{"queue": "billing"}'), true],
    ['is-json schema fails', { type: 'is-json', schema: { type: 'object', required: ['queue'], properties: { queue: { enum: ['billing', 'tech'] } } } }, reply('{"queue": "sales"}'), false],
    ['tool-call passes', { type: 'tool-call', name: 'lookup_order' }, reply('', [{ name: 'lookup_order', arguments: { id: '1182' } }]), true],
    ['tool-call fails', { type: 'tool-call', name: 'lookup_order' }, reply('no tools'), false],
    ['tool-call args subset passes', { type: 'tool-call', name: 'lookup_order', args: { id: '1182' } }, reply('', [{ name: 'lookup_order', arguments: { id: '1182', verbose: true } }]), true],
    ['tool-call args fail', { type: 'tool-call', name: 'lookup_order', args: { id: '1182' } }, reply('', [{ name: 'lookup_order', arguments: { id: '9' } }]), false],
    ['tool-call args not JSON', { type: 'tool-call', name: 'lookup_order', args: { id: '1182' } }, reply('', [{ name: 'lookup_order', arguments: '{broken' }]), false],
    ['max-length passes', { type: 'max-length', value: 5 }, reply('héllo'), true],
    ['max-length fails', { type: 'max-length', value: 4 }, reply('héllo'), false],
  ];
  it.each(cases)('%s', (_name, assertion, r, pass) => {
    const result = checkAssertion(assertion, r);
    expect(result.pass).toBe(pass);
    expect(result.type).toBe(assertion.type);
    expect(result.reason).not.toBe('');
  });

  it('explains failures with the numbers and values', () => {
    expect(checkAssertion({ type: 'max-length', value: 4 }, reply('héllo')).reason).toBe('5 characters (max 4)');
    expect(checkAssertion({ type: 'tool-call', name: 'lookup_order' }, reply('', [{ name: 'escalate', arguments: {} }])).reason).toBe('did not call lookup_order (called escalate)');
    expect(checkAssertion({ type: 'is-json', schema: { type: 'object', required: ['queue'] } }, reply('{}')).reason).toMatch(/must have required property 'queue'/);
  });

  it('fails, not throws, on an invalid regex or schema', () => {
    expect(checkAssertion({ type: 'regex', value: '(' }, reply('x'))).toMatchObject({ pass: false, reason: expect.stringMatching(/invalid regex/) });
    expect(checkAssertion({ type: 'is-json', schema: { type: 'no-such-type' } }, reply('{}'))).toMatchObject({ pass: false, reason: expect.stringMatching(/schema is invalid/) });
  });

  it('matches argument subsets deeply', () => {
    expect(matchesSubset({ a: { b: 1, c: 2 }, d: [1, { e: 1, f: 2 }] }, { a: { b: 1 }, d: [1, { e: 1 }] })).toBe(true);
    expect(matchesSubset({ d: [1, 2, 3] }, { d: [1, 2] })).toBe(false);
    expect(matchesSubset({ a: null }, { a: null })).toBe(true);
    expect(matchesSubset({ a: '1' }, { a: 1 })).toBe(false);
  });
});

describe('llm-judge', () => {
  const assertion = { type: 'llm-judge' as const, rubric: 'Polite and offers a refund', provider: 'openai', model: 'gpt-5.1-mini' };

  it('hands llm-judge assertions to the judge and the rest to the pure checks', async () => {
    const seen: string[] = [];
    const judge: Judge = async (a, r) => {
      seen.push(`${a.rubric}|${r.text}`);
      return { type: 'llm-judge', pass: false, reason: 'judge: FAIL (rude)' };
    };
    const results = await checkAssertions([{ type: 'contains', value: 'refund' }, assertion], response('refund coming'), { judge });
    expect(results.map((r) => r.pass)).toEqual([true, false]);
    expect(seen).toEqual(['Polite and offers a refund|refund coming']);
  });

  it('builds a JSON-verdict request with the judge model’s own parameter names', () => {
    const req = judgeRequest(
      { model: 'gpt-5.1-mini', rubric: 'Polite', providerType: 'openai', facts: { params: { tokenLimit: 'max_completion_tokens', maxTokensRequired: false, temperature: false, topP: false, temperatureTopPExclusive: false } } },
      [{ role: 'user', content: 'I was charged twice' }],
      response('Sorry, refund issued', { toolCalls: [{ name: 'refund', arguments: { id: 1 } }] }),
    );
    expect(req.params).toEqual({ max_completion_tokens: 4096 });
    expect(req.responseFormat).toEqual({ type: 'json_object' });
    expect(req.instructions).toMatch(/PASS/);
    expect(req.messages[0]!.content).toContain('<rubric>\nPolite\n</rubric>');
    expect(req.messages[0]!.content).toContain('<reply>\nSorry, refund issued\n</reply>');
    expect(req.messages[0]!.content).toContain('refund({"id":1})');
    const claude = judgeRequest(
      { model: 'claude-x', rubric: 'r', providerType: 'anthropic', facts: { params: { tokenLimit: 'max_tokens', maxTokensRequired: true, temperature: { min: 0, max: 1 }, topP: true, temperatureTopPExclusive: true } } },
      [],
      response('x'),
    );
    expect(claude.params).toEqual({ max_tokens: 4096, temperature: 0 });
    expect(judgeRequest({ model: 'local', rubric: 'r', providerType: 'openai-compatible' }, [], response('x')).params).toEqual({ max_tokens: 4096 });
  });

  it('reads verdicts both ways, also fenced, and refuses non-verdicts', () => {
    expect(parseVerdict('{"verdict":"PASS","reason":"polite"}')).toEqual({ pass: true, reason: 'polite' });
    expect(parseVerdict('```json\n{"verdict": "fail", "reason": "rude"}\n```')).toEqual({ pass: false, reason: 'rude' });
    expect(() => parseVerdict('I think it passes')).toThrow(JudgeError);
    expect(() => parseVerdict('{"verdict":"MAYBE"}')).toThrow(JudgeError);
  });
});
