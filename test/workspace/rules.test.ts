import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../src/workspace/load.js';
import { parseFile } from '../../src/workspace/parse-file.js';

/** Inline files through the same per-file checks and cross-file rules as the loader, without a disk. */
function load(files: Record<string, string>, today = '2026-11-22') {
  const parsed = Object.entries(files).map(([file, text]) => parseFile(file, new TextEncoder().encode(text)));
  return buildWorkspace('/workspace', parsed.filter((f) => f.ours), [], { today });
}

/** Findings as `rule file:line:column message`, errors and warnings marked. */
function report(files: Record<string, string>, today?: string): string[] {
  return load(files, today).findings.map((f) => `${f.severity === 'error' ? 'E' : 'W'} ${f.rule} ${f.file}:${f.line}:${f.column} ${f.message}`);
}

const provider = (name: string, type = name, extra = '') =>
  `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: ${name} }\nspec:\n  type: ${type}\n${extra}`;
const agent = (name: string, model: string, params = '{ max_completion_tokens: 500 }', providerName = 'openai', extra = '') => `apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: ${name}
spec:
  model:
    provider: ${providerName}
    name: ${model}
    params: ${params}
  instructions: Sort tickets.
${extra}`;
const migration = (spec: string) => `apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: move }\nspec:\n${spec}`;
const suite = (name: string, assertion = '{ type: contains, value: x }') =>
  `apiVersion: modelshift.dev/v1\nkind: EvalSuite\nmetadata: { name: ${name} }\nspec:\n  cases:\n    - name: c\n      input: hi\n      assert: [${assertion}]\n`;
const OPENAI = { 'providers/openai.yaml': provider('openai') };

describe('unique names', () => {
  it('reports the second document with a name, naming the first; kinds do not clash', () => {
    expect(
      report({
        ...OPENAI,
        'agents/a.yaml': agent('triage', 'gpt-5.2'),
        'agents/b.yaml': agent('triage', 'gpt-5.2'),
        'evals/triage.yaml': suite('triage'),
      }),
    ).toEqual(['E unique-name agents/b.yaml:4:9 agent name "triage" is already used by agents/a.yaml:4; rename one of them']);
  });

  it('allows one Workspace document only', () => {
    const ws = 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec: {}\n';
    expect(report({ 'modelshift.yaml': ws, 'teams/more.yaml': ws })).toEqual([
      'E unique-name teams/more.yaml:2:7 only one Workspace document is allowed; merge it into modelshift.yaml',
    ]);
  });
});

describe('references', () => {
  it('an agent and its canary name providers that exist', () => {
    const canary = '  rollout: { migration: move, weight: 10, model: { provider: azure, name: gpt-5.2 } }\n';
    expect(report({ ...OPENAI, 'agents/a.yaml': agent('a', 'gpt-5.2', undefined, 'mistral', canary) })).toEqual([
      'E provider-exists agents/a.yaml:7:15 provider "mistral" is not defined (known: openai); add a Provider file or fix the name',
      'E provider-exists agents/a.yaml:11:62 provider "azure" is not defined (known: openai); add a Provider file or fix the name',
    ]);
    expect(report({ 'agents/a.yaml': agent('a', 'gpt-5.2') })[0]).toContain('(no providers are defined yet)');
  });

  it('an agent uses a model its provider enables, when the provider lists them', () => {
    const files = { 'providers/openai.yaml': provider('openai', 'openai', '  models: [gpt-4.1]\n'), 'agents/a.yaml': agent('a', 'gpt-5.2') };
    expect(report(files)).toEqual([
      'E provider-models agents/a.yaml:8:11 model "gpt-5.2" is not enabled on provider "openai" (its models: gpt-4.1); add it to the provider\'s models or pick one of those',
    ]);
  });

  it('a migration names providers that exist, and a destination model its provider enables', () => {
    const files = {
      'providers/openai.yaml': provider('openai', 'openai', '  models: [gpt-4.1]\n'),
      'migrations/a.yaml': migration('  from: { provider: legacy, model: gpt-4 }\n  to: { provider: openai, model: gpt-5.2 }\n'),
    };
    expect(report(files)).toEqual([
      'E provider-exists migrations/a.yaml:5:21 provider "legacy" is not defined (known: openai); add a Provider file for it before planning this migration',
      'E provider-models migrations/a.yaml:6:34 model "gpt-5.2" is not enabled on provider "openai"; add it to the provider\'s models first',
    ]);
  });

  it('a migration names eval suites that exist; a judge names a provider that exists', () => {
    const files = {
      ...OPENAI,
      'evals/s.yaml': suite('support', '{ type: llm-judge, rubric: Polite, provider: anthropic, model: claude-haiku-4-5 }'),
      'migrations/a.yaml': migration('  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.2 }\n  eval: { suites: [support, sales] }\n'),
    };
    expect(report(files)).toEqual([
      'E provider-exists evals/s.yaml:8:61 judge provider "anthropic" is not defined (known: openai); add a Provider file or fix the name',
      'E suite-exists migrations/a.yaml:7:29 eval suite "sales" is not defined (known: support); add an EvalSuite or fix the name',
    ]);
  });
});

describe('catalog checks', () => {
  const anthropic = { 'providers/anthropic.yaml': provider('anthropic') };

  it('a retired model is an error, one retiring within 90 days a warning naming date and successor, an unknown one a warning', () => {
    expect(
      report({
        ...OPENAI,
        ...anthropic,
        'agents/a.yaml': agent('a', 'claude-opus-4-1', '{ max_tokens: 800 }', 'anthropic'),
        'agents/b.yaml': agent('b', 'gpt-4.1', '{ max_tokens: 800 }'),
        'agents/c.yaml': agent('c', 'gpt-7-preview'),
      }),
    ).toEqual([
      'E model-retired agents/a.yaml:8:11 model "claude-opus-4-1" was retired on 2026-08-05 and no longer answers; migrate to claude-opus-4-8',
      'W model-retiring agents/b.yaml:8:11 model "gpt-4.1" retires on 2027-01-14 (in 53 days); migrate to gpt-6-luna',
      'W model-unknown agents/c.yaml:8:11 model "gpt-7-preview" is not in the catalog, so its parameters, prices and retirement are not checked; if it is new or private, describe it under spec.catalog.models in modelshift.yaml',
    ]);
  });

  it('warns about a destination model the catalog does not know, with the id it is probably a typo of', () => {
    expect(
      report({
        ...OPENAI,
        'agents/a.yaml': agent('a', 'gpt-4.1'),
        'migrations/m.yaml': migration('  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-4.1-mnii }\n'),
      }).filter((line) => line.includes('migrations/')),
    ).toEqual([
      'W model-unknown migrations/m.yaml:6:34 destination model "gpt-4.1-mnii" is not in the catalog, so its parameters, prices and retirement are not checked; if it is new or private, describe it under spec.catalog.models in modelshift.yaml (did you mean gpt-4.1-mini?)',
    ]);
  });

  it('warns about a source model no agent is on and the catalog does not know, and names only ids of the provider', () => {
    const lines = report({
      ...OPENAI,
      'agents/a.yaml': agent('a', 'gpt-4.1'),
      'migrations/m.yaml': migration('  from: { provider: openai, model: gpt-4.l }\n  to: { provider: openai, model: claude-sonet-4-6 }\n'),
    }).filter((line) => line.includes('migrations/'));
    expect(lines[0]).toBe('W model-unknown migrations/m.yaml:5:36 source model "gpt-4.l" is not in the catalog and no agent is on it, so this migration selects nothing; did you mean gpt-4.1?');
    // claude-sonnet-4-6 is one letter away, but not a model of an OpenAI provider.
    expect(lines.find((l) => l.includes('destination model "claude-sonet-4-6"'))).not.toContain('did you mean');
  });

  it('checks parameters against the model, each at the parameter, saying what to do instead', () => {
    expect(report({ ...OPENAI, 'agents/a.yaml': agent('a', 'gpt-5.2', '{ max_tokens: 500, temperature: 0.2 }') })).toEqual([
      'E param-refused agents/a.yaml:9:27 gpt-5.2 does not accept max_tokens; use max_completion_tokens instead',
      'E param-refused agents/a.yaml:9:45 gpt-5.2 does not accept temperature; remove it (steer it with reasoning_effort instead)',
    ]);
  });

  it('points a parameter the model requires at params, or at model when there are no params', () => {
    expect(report({ ...anthropic, 'agents/a.yaml': agent('a', 'claude-haiku-4-5', '{ temperature: 0.5 }', 'anthropic') })).toEqual([
      'E param-required agents/a.yaml:9:5 claude-haiku-4-5 requires max_tokens; add it to spec.model.params (e.g. max_tokens: 1024)',
    ]);
    const noParams = agent('a', 'claude-haiku-4-5', '{}', 'anthropic').replace('    params: {}\n', '');
    expect(report({ ...anthropic, 'agents/a.yaml': noParams })[0]).toMatch(/^E param-required agents\/a\.yaml:6:3 /);
  });

  it('checks a canary model too, and a migration destination that is retired', () => {
    const canary = '  rollout: { migration: move, weight: 10, model: { provider: openai, name: gpt-5.2, params: { temperature: 1 } } }\n';
    expect(
      report({
        ...OPENAI,
        'agents/a.yaml': agent('a', 'gpt-5.2', undefined, 'openai', canary),
        'migrations/m.yaml': migration('  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-4.5-preview }\n'),
      }),
    ).toEqual([
      'E param-refused agents/a.yaml:11:108 gpt-5.2 does not accept temperature; remove it (steer it with reasoning_effort instead)',
      'E model-retired migrations/m.yaml:6:34 destination model "gpt-4.5-preview" was retired on 2025-07-14 and no longer answers; migrate to gpt-4.1',
    ]);
  });

  it('warns about an unknown parameter at its key, with the name it is probably a typo of', () => {
    expect(report({ ...OPENAI, 'agents/a.yaml': agent('a', 'gpt-4.1', '{ temprature: 0.2, max_token: 100, seed: 7, frobnicate: 1 }') }).slice(1)).toEqual([
      'W param-unknown agents/a.yaml:9:15 "temprature" is not a parameter the Chat Completions API takes; did you mean temperature?',
      'W param-unknown agents/a.yaml:9:32 "max_token" is not a parameter the Chat Completions API takes; did you mean max_tokens?',
      'W param-unknown agents/a.yaml:9:57 "frobnicate" is not a parameter the Chat Completions API is known to take; it is sent as written, so check its spelling in the provider\'s API reference',
    ]);
    const anthropic = { 'providers/anthropic.yaml': provider('anthropic') };
    expect(report({ ...anthropic, 'agents/a.yaml': agent('a', 'claude-haiku-4-5', '{ max_tokens: 100, top_kk: 5, stop: ["x"] }', 'anthropic') })).toEqual([
      'W param-unknown agents/a.yaml:9:32 "top_kk" is not a parameter the Messages API takes; did you mean top_k?',
      'W param-unknown agents/a.yaml:9:43 "stop" is not a parameter the Messages API is known to take; it is sent as written, so check its spelling in the provider\'s API reference',
    ]);
  });

  it('leaves models of self-hosted providers alone', () => {
    const vllm = provider('local', 'openai-compatible', '  baseURL: http://gpu:8000/v1\n');
    expect(report({ 'providers/local.yaml': vllm, 'agents/a.yaml': agent('a', 'Qwen/Qwen2.5-72B', '{ temperature: 0.3 }', 'local') })).toEqual([]);
  });

  it('uses workspace overrides, and reports an incomplete one for an unknown model at its key with what is missing', () => {
    const ws = `apiVersion: modelshift.dev/v1
kind: Workspace
metadata: { name: w }
spec:
  catalog:
    models:
      acme-1:
        provider: openai
        contextWindow: 1000
      gpt-4.1: { retires: "2026-12-01" }
`;
    expect(report({ 'modelshift.yaml': ws, ...OPENAI, 'agents/a.yaml': agent('a', 'gpt-4.1', '{ max_tokens: 100 }') })).toEqual([
      'W model-retiring agents/a.yaml:8:11 model "gpt-4.1" retires on 2026-12-01 (in 9 days); migrate to gpt-6-luna',
      'E catalog-override modelshift.yaml:7:7 "acme-1" is not in the built-in catalog, so its entry must describe the whole model; add maxOutputTokens, price, params, checked',
    ]);
  });
});

describe('literal secrets', () => {
  // Put together at run time so the repository holds no key-shaped strings.
  const openaiKey = ['sk', 'proj', 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0'].join('-');

  it('finds known key formats anywhere, valid document or not, without repeating them', () => {
    const findings = load({
      ...OPENAI,
      'agents/a.yaml': agent('a', 'gpt-5.2', `{ max_completion_tokens: 5, api_key: ${openaiKey} }`),
      'agents/b.yaml': agent('b', 'gpt-5.2', undefined, 'openai', `  bogus: "${'AKIA'}ABCDEFGHIJKLMNOP"\n`),
    }).findings.filter((f) => f.rule === 'literal-secret');
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.path}`)).toEqual(['agents/a.yaml:9:50 spec.model.params.api_key', 'agents/b.yaml:11:10 spec.bogus']);
    expect(findings.map((f) => f.message).join('\n')).not.toContain(openaiKey);
    expect(findings[1]!.message).toContain('an AWS access key');
  });

  it('finds long tokens under credential-like keys, but not variable names or ordinary words', () => {
    const token = ['q8Lr2', 'Vx7Kp', '4Nz9M', 'w3Tb6'].join('');
    const findings = load({
      'providers/openai.yaml': provider('openai', 'openai', `  apiKeyEnv: OPENAI_API_KEY\n`),
      'agents/a.yaml': agent('a', 'gpt-5.2', `{ max_completion_tokens: 5, token: ${token}, secret: RUNTIME_SECRET_NAME }`, 'openai',
        '  tools:\n    - name: assess\n      description: Uses the risk-assessment-framework-version-2 and task-management-tool-v3\n'),
    }).findings.filter((f) => f.rule === 'literal-secret');
    expect(findings.map((f) => `${f.rule} ${f.path}`)).toEqual(['literal-secret spec.model.params.token']);
    expect(findings[0]!.message).toContain('looks like a credential');
  });

  it('points at the line of a key inside a block scalar, not the line of its key', () => {
    const text = agent('a', 'gpt-5.2').replace('  instructions: Sort tickets.\n', `  instructions: |\n    Sort tickets.\n    Use the key ${openaiKey} for lookups.\n`);
    const [finding] = load({ ...OPENAI, 'agents/a.yaml': text }).findings.filter((f) => f.rule === 'literal-secret');
    expect(`${finding!.line}:${finding!.column} ${finding!.path}`).toBe('12:17 spec.instructions');
    expect(text.split('\n')[11]!.slice(16)).toMatch(/^sk-proj-/);
  });

  it('finds a key pasted as a parameter or label name, and no finding repeats it', () => {
    const text = agent('a', 'gpt-5.2', `{ max_completion_tokens: 5, ${openaiKey}: 1 }`).replace('  name: a\n', `  name: a\n  labels: { ${openaiKey}: x }\n`);
    const findings = load({ ...OPENAI, 'agents/a.yaml': text }).findings;
    expect(findings.map((f) => `${f.rule} ${f.line}:${f.column} ${f.path}`)).toEqual([
      'literal-secret 5:13 metadata.labels.[redacted]',
      'literal-secret 10:41 spec.model.params.[redacted]',
      'param-unknown 10:41 spec.model.params.[redacted]',
    ]);
    expect(JSON.stringify(findings)).not.toContain(openaiKey.slice(8, 20));
  });

  it('never echoes an unknown key that looks like a secret', () => {
    const text = agent('a', 'gpt-5.2').replace('  name: a\n', `  name: a\n  ${openaiKey}: x\n`);
    const findings = load({ ...OPENAI, 'agents/a.yaml': text }).findings;
    expect(findings.map((f) => `${f.rule} ${f.path}`)).toEqual(['schema metadata.[redacted]', 'literal-secret metadata.[redacted]']);
    expect(JSON.stringify(findings)).not.toContain(openaiKey.slice(8, 20));
  });
});

describe('overlapping migrations', () => {
  const rule = (name: string, spec: string) => `apiVersion: modelshift.dev/v1\nkind: Migration\nmetadata: { name: ${name} }\nspec:\n${spec}`;
  const agents = Object.fromEntries(['a', 'b', 'c'].map((n) => [`agents/${n}.yaml`, agent(n, 'gpt-4.1', '{ max_tokens: 100 }')]));

  it('is an error when two migrations take the same agents and write the same field, naming both and the agents', () => {
    const findings = report({
      ...OPENAI, ...agents,
      'migrations/1.yaml': rule('to-5-1', '  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n'),
      'migrations/2.yaml': rule('to-5-2', '  from: { provider: openai, model: "gpt-4*" }\n  to: { provider: openai, model: gpt-5.2 }\n  select: { exclude: [c] }\n'),
    }).filter((f) => f.includes('migration-overlap'));
    expect(findings).toEqual([
      'E migration-overlap migrations/2.yaml:5:9 this migration and migration "to-5-1" (migrations/1.yaml) both take 2 agents (a, b) and both would write spec.model.name; narrow one of them with spec.select (names, labels or exclude), or finish one before starting the other',
    ]);
  });

  it('is a warning when they write different fields, and nothing when the selections do not meet', () => {
    const findings = report({
      ...OPENAI, ...agents,
      'migrations/1.yaml': rule('canary', '  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.1 }\n  rollout: { steps: [10, 100] }\n  select: { names: [a] }\n'),
      'migrations/2.yaml': rule('direct', '  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.2 }\n  select: { names: [a, b] }\n'),
      'migrations/3.yaml': rule('other', '  from: { provider: openai, model: gpt-4.1 }\n  to: { provider: openai, model: gpt-5.2 }\n  select: { names: [c] }\n'),
    }).filter((f) => f.includes('migration-overlap'));
    expect(findings).toEqual([
      'W migration-overlap migrations/2.yaml:5:9 this migration and migration "canary" (migrations/1.yaml) both take agent a, changing different fields; whichever merges second is planned on the other\'s result, so narrow one of them with spec.select (names, labels or exclude), or finish one before starting the other',
    ]);
  });
});

describe('URLs with credentials', () => {
  it('are errors on a provider baseURL and an http sync target, and the message does not repeat them', () => {
    const password = ['pw', 'Q7zL9xK2mN4vB8'].join('');
    const ws = `apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  sync:\n    targets:\n      - { name: rt, type: http, url: "https://deploy:${password}@rt.internal/config" }\n`;
    const findings = load({
      'modelshift.yaml': ws,
      'providers/local.yaml': provider('local', 'openai-compatible', `  baseURL: https://me:${password}@llm.internal/v1\n`),
    }).findings;
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line} ${f.path}`)).toEqual([
      'url-credentials modelshift.yaml:7 spec.sync.targets.0.url',
      'url-credentials providers/local.yaml:6 spec.baseURL',
    ]);
    expect(JSON.stringify(findings)).not.toContain(password);
  });
});

describe('configured paths', () => {
  it('are errors when absolute or leaving the workspace through ..', () => {
    const ws = `apiVersion: modelshift.dev/v1
kind: Workspace
metadata: { name: w }
spec:
  eval: { cacheDir: ../shared-cache }
  sync:
    targets:
      - { name: a, type: file, path: /etc/agents.json }
      - { name: b, type: litellm, path: "deploy/../../gateway.yaml" }
      - { name: c, type: file, path: build/../build/agents.json }
      - { name: d, type: file, path: 'C:\\deploy\\agents.json' }
`;
    expect(report({ 'modelshift.yaml': ws }).map((f) => f.split(';')[0])).toEqual([
      'E path-outside modelshift.yaml:5:21 spec.eval.cacheDir leaves the workspace through ..',
      'E path-outside modelshift.yaml:8:38 spec.sync.targets.0.path is absolute',
      'E path-outside modelshift.yaml:9:41 spec.sync.targets.1.path leaves the workspace through ..',
      'E path-outside modelshift.yaml:11:38 spec.sync.targets.3.path is absolute',
    ]);
  });
});
