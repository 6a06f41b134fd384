import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseSimpleYaml } from '../../src/history/simple-yaml.js';

/** What the full parser makes of `text`: its value, or undefined when it is not exactly one error-free document. */
function full(text: string): unknown {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 1 || (docs[0]?.errors.length ?? 1) > 0) return undefined;
  return docs[0]?.toJS();
}

/** The reader's promise: the full parser's answer, or nothing. */
function expectExactOrSilent(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return false;
  expect({ text, value: fast }).toEqual({ text, value: full(text) });
  return true;
}

const AGENT = `# yaml-language-server: $schema=https://modelshift.dev/schemas/agent.schema.json
apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: support-triage   # unique
  labels: { team: support, tier: prod }
  owners: ["@acme/support-eng", '@acme/ops']
  description: Routes incoming tickets, fast
spec:
  model:
    provider: openai
    name: gpt-4.1
    params:
      temperature: 0.2
      max_tokens: 800
      stop: [ "END", 'STOP', 42 ]
  instructions: |
    You are the triage agent.

    # Not a comment: part of the prompt.
      Indented line kept.
  tools:
    - name: lookup_order
      description: Look up an order by id
      parameters: { type: object, properties: { id: { type: string } }, required: [id] }
    - name: refund
      description: |-
        Refund an order.
        Only when asked.
  responseFormat: { type: json_schema, name: triage, schema: { type: object } }
`;

const MIGRATION = `apiVersion: modelshift.dev/v1
kind: Migration
metadata:
  name: gpt-4.1-to-gpt-5.1
  description: 'gpt-4.1 retires; it''s time'
spec:
  from: { provider: openai, model: "gpt-4.1*" }
  to:   { provider: openai, model: gpt-5.1 }
  select:
    names:
    - support-*
    labels: { tier: prod }
  params:
    rename: { max_tokens: max_completion_tokens }
    drop: [temperature, top_p]
    set: { reasoning_effort: low }
  instructions:
    append: |-
      Answer in at most three sentences.
  deadline: 2027-01-15
  rollout: { steps: [10, 50, 100] }
`;

describe('parseSimpleYaml', () => {
  it('reads agent and migration files exactly as yaml does', () => {
    expect(expectExactOrSilent(AGENT)).toBe(true);
    expect(expectExactOrSilent(MIGRATION)).toBe(true);
    expect(expectExactOrSilent(`---\n${AGENT}`)).toBe(true);
  });

  it('reads scalars with the core schema', () => {
    const text = 'a: 1\nb: -2.5e3\nc: .inf\nd: 0x1F\ne: 0o17\nf: ~\ng: True\nh: "true"\ni: 1.2.3\nj: x:y\nk: a#b\nl:\nm: []\nn: {}\n';
    expect(expectExactOrSilent(text)).toBe(true);
    expect(parseSimpleYaml(text)).toMatchObject({ a: 1, c: Infinity, d: 31, e: 15, f: null, g: true, h: 'true', i: '1.2.3', j: 'x:y', k: 'a#b', l: null });
  });

  it('leaves everything outside its subset to the full parser', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: >\n  folded\n',
      'a: |2\n   kept\n',
      'a: "escaped\\n"\n',
      'a: b\n  continued\n',
      'a: 1\na: 2\n',
      'a:\tb\n',
      'a: 1\n---\nb: 2\n',
      '%YAML 1.2\n---\na: 1\n',
      '- a\n- b\n',
      'a: [1, 2\n',
      'a: { b }\n',
      'a: { b: }\n',
      '"a": 1\n',
      'a: b: c\n',
      '? a\n: b\n',
      'a:\r\n  b: 1\r\n',
      'a:\n  - - x\n',
      'a:\n    b: 1\n  c: 2\n',
    ]) {
      expect({ text, value: parseSimpleYaml(text) }).toEqual({ text, value: undefined });
    }
  });

  it('never disagrees with yaml on thousands of mutated files', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const noise = [':', ': ', ' #', '#', '-', '- ', '|', '|-', '>', "'", '"', '[', ']', '{', '}', ',', '&', '*', '!', '\t', ' ', '  ', '\n', '\n  ', '---', '~', '0x', '.5'];
    let accepted = 0;
    let mutants = 0;
    for (const base of [AGENT, MIGRATION]) {
      for (let round = 0; round < 3000; round++) {
        const lines = base.split('\n');
        for (let edits = 1 + random(3); edits > 0; edits--) {
          const i = random(lines.length);
          const line = lines[i] ?? '';
          const kind = random(5);
          if (kind === 0) lines.splice(i, 1);
          else if (kind === 1) lines.splice(i, 0, line);
          else if (kind === 2) lines[i] = ' '.repeat(random(3)) + line.slice(random(3));
          else {
            const at = random(line.length + 1);
            lines[i] = line.slice(0, at) + (noise[random(noise.length)] ?? '') + line.slice(at);
          }
        }
        mutants++;
        if (expectExactOrSilent(lines.join('\n'))) accepted++;
      }
    }
    // The fast path must stay useful, not just safe.
    expect(accepted).toBeGreaterThan(mutants / 5);
  });
});
