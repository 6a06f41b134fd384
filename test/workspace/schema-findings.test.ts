import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/workspace/parse-file.js';

/** The findings of one file, as `line:column message`, in file order. */
function findings(text: string, file = 'agents/a.yaml'): string[] {
  return parseFile(file, new TextEncoder().encode(text))
    .findings.sort((a, b) => a.line - b.line || a.column - b.column)
    .map((f) => `${f.line}:${f.column} ${f.message}`);
}

const AGENT = `apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: triage
spec:
  model:
    provider: openai
    name: gpt-5.1
  instructions: Sort tickets.
`;

describe('schema findings', () => {
  it('names an unknown key, where it is, and lists the allowed keys', () => {
    expect(findings(AGENT.replace('  name: triage', '  name: triage\n  team: support'))).toEqual([
      '5:3 unknown key "team" in metadata; allowed keys are name, labels, owners, description',
    ]);
  });

  it('suggests the key a typo meant', () => {
    expect(findings(AGENT.replace('  instructions:', '  instruction:'))).toEqual([
      '5:1 missing required key "instructions" in spec; add it',
      '9:3 unknown key "instruction" in spec; did you mean "instructions"? Allowed keys are model, instructions, tools, responseFormat, rollout',
    ]);
  });

  it('lists the keys of the union member the value is (an assertion of type contains)', () => {
    const suite = `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: s }
spec:
  cases:
    - name: c
      input: hi
      assert:
        - { type: contains, value: refund, ignorecase: true }
`;
    expect(findings(suite, 'evals/s.yaml')).toEqual([
      '9:44 unknown key "ignorecase" in spec.cases.0.assert.0; did you mean "ignoreCase"? Allowed keys are type, value, not, ignoreCase',
    ]);
  });

  it('lists the choices for a missing discriminator, at the item', () => {
    const suite = 'apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata: { name: s }\nspec:\n  cases:\n    - name: c\n      input: hi\n      assert:\n        - value: refund\n';
    expect(findings(suite, 'evals/s.yaml')).toEqual([
      '9:11 missing required key "type" in spec.cases.0.assert.0; add it: one of contains, not-contains, regex, equals, is-json, tool-call, max-length, llm-judge, contains-all, contains-any, starts-with, tool-sequence, word-count, finish-reason, max-cost, max-latency, is-refusal, javascript',
    ]);
  });

  it('points a missing key at its parent key, and a missing top-level key at line 1', () => {
    expect(findings(AGENT.replace('    name: gpt-5.1\n', ''))).toEqual(['6:3 missing required key "name" in spec.model; add it']);
    expect(findings(`# modeline\n${AGENT.slice(0, AGENT.indexOf('spec:'))}`)).toEqual(['1:1 missing required key "spec"; add it']);
  });

  it('points a missing top-level key of a later document at where that document starts', () => {
    const second = AGENT.slice(0, AGENT.indexOf('spec:')).replace('triage', 'other');
    expect(findings(`${AGENT}---\n${second}`)).toEqual(['11:1 missing required key "spec"; add it']);
  });

  it('says which type a value must have and how YAML quoting gets there', () => {
    expect(findings(AGENT.replace('name: gpt-5.1', 'name: 5.1'))).toEqual(['8:11 spec.model.name must be text, not a number; put it in quotes to keep it text']);
    expect(findings(AGENT.replace('  instructions: Sort tickets.', '  instructions: Hi\n  rollout: { migration: m, weight: "10", model: { provider: openai, name: gpt-5.2 } }'))).toEqual([
      '10:36 spec.rollout.weight must be a number, not text; remove the quotes around it',
    ]);
    expect(findings(AGENT.replace('  instructions: Sort tickets.', '  instructions: [a, b]'))).toEqual(['9:17 spec.instructions must be text, not a list; change it to text']);
  });

  it('says an empty value is empty, at its key', () => {
    expect(findings(AGENT.replace('  instructions: Sort tickets.', '  instructions:'))).toEqual(['9:3 spec.instructions is empty; give it text']);
  });

  it('lists the accepted values of a closed set', () => {
    const provider = 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: p }\nspec: { type: mistral }\n';
    expect(findings(provider, 'providers/p.yaml')).toEqual([
      '4:15 spec.type matches none of the accepted forms; use "openai" or "anthropic" or "openai-compatible" or "azure-openai"',
    ]);
  });

  it('explains formats, bounds and cross-field rules', () => {
    const migration = `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: m }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: "" }
  rollout: { steps: [50, 10] }
  deadline: next week
  eval: { suites: [], gate: { minPassRate: 1.5 } }
`;
    expect(findings(migration, 'migrations/m.yaml')).toEqual([
      '6:34 spec.to.model is empty; give it a value',
      '7:21 spec.rollout.steps: the rollout steps do not increase; list them from smallest to largest, e.g. [10, 50, 100]',
      '7:21 spec.rollout.steps: the last rollout step is not 100; end the list with 100 (the cut-over)',
      '8:13 spec.deadline is not valid; it must be a date written YYYY-MM-DD',
      '9:19 spec.eval.suites has too few items; give at least 1',
      '9:44 spec.eval.gate.minPassRate is too large; use a number at most 1',
    ]);
    const provider = 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: p }\nspec:\n  type: openai-compatible\n  baseURL: localhost:8000\n';
    expect(findings(provider, 'providers/p.yaml')).toEqual([
      '6:12 spec.baseURL is not a valid URL; write an http(s) URL such as https://api.example.com/v1',
    ]);
    expect(findings(provider.replace('  baseURL: localhost:8000\n', ''), 'providers/p.yaml')).toEqual([
      "4:1 spec.baseURL: a provider of type openai-compatible has no baseURL; add the server's endpoint, e.g. https://llm.internal/v1",
    ]);
  });

  it('checks apiVersion and kind first, with a fix for each', () => {
    expect(findings(AGENT.replace('modelshift.dev/v1', 'modelshift.dev/v2'))).toEqual([
      '1:13 unsupported apiVersion "modelshift.dev/v2"; this version of modelshift reads modelshift.dev/v1: change it, or upgrade modelshift',
    ]);
    expect(findings(AGENT.replace('kind: Agent', 'kind: Agnet'))).toEqual(['2:7 unknown kind; use one of Agent, Provider, Migration, EvalSuite, Workspace']);
    expect(findings(AGENT.replace('kind: Agent\n', ''))).toEqual(['1:1 missing kind; use one of Agent, Provider, Migration, EvalSuite, Workspace']);
    expect(findings('apiVersion: v1\nkind: ConfigMap\n')).toEqual([
      '1:13 apiVersion is not a modelshift version; use apiVersion: modelshift.dev/v1, or move the file out of agents/ (it holds only modelshift documents)',
    ]);
  });

  it('never repeats a value: it may be a secret', () => {
    const secret = ['sk', 'proj', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4'].join('-');
    const provider = `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: p }\nspec: { type: openai, apiKeyEnv: ${secret} }\n`;
    const messages = findings(provider, 'providers/p.yaml');
    expect(messages).toEqual([
      '4:34 spec.apiKeyEnv is not valid; it must be the NAME of an environment variable, e.g. OPENAI_API_KEY',
      "4:34 spec.apiKeyEnv holds what looks like an OpenAI API key; never commit keys: put it in an environment variable or your CI's secrets, reference the variable's NAME (e.g. apiKeyEnv: OPENAI_API_KEY) and revoke the exposed key",
    ]);
    expect(messages.join('\n')).not.toContain(secret);
  });
});
