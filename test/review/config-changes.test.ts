import { describe, expect, it } from 'vitest';
import { reportOf } from '../../src/commands/validate.js';
import type { EvalReport } from '../../src/eval/index.js';
import { gateVerdict, type EvalGroup, type EvalOutcome } from '../../src/review/eval-groups.js';
import { reviewChanges } from '../../src/review/review.js';
import { renderCheckComment } from '../../src/render/comment.js';
import { agentYaml, PROVIDERS, workspaceFrom } from '../helpers/workspace.js';

const WORKSPACE = 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: acme }\nspec:\n  ignore: [tmp/**]\n';
const base = {
  ...PROVIDERS,
  'modelshift.yaml': WORKSPACE,
  'agents/a.yaml': agentYaml('a', 'gpt-4.1', '{ max_tokens: 100 }'),
  'agents/b.yaml': agentYaml('b', 'gpt-4o', '{ max_tokens: 100 }'),
  'agents/c.yaml': agentYaml('c', 'claude-sonnet-4-5', '{ max_tokens: 100 }', '', 'anthropic'),
};

function review(changes: Record<string, string>) {
  const head = workspaceFrom({ ...base, ...changes });
  return { review: reviewChanges(workspaceFrom(base), head, Object.keys(changes)), head };
}

describe('provider and workspace-file changes in the review', () => {
  it('lists a provider edit with its fields and every agent that uses the provider', () => {
    const { review: r, head } = review({
      'providers/openai.yaml': PROVIDERS['providers/openai.yaml'].replace('apiKeyEnv: OPENAI_API_KEY', 'apiKeyEnv: OPENAI_KEY_2, baseURL: "https://user:pw@proxy.example/v1", models: [gpt-4.1]'),
    });
    expect(r.agents).toEqual([]);
    expect(r.config).toEqual([
      {
        kind: 'provider',
        name: 'openai',
        file: 'providers/openai.yaml',
        status: 'changed',
        agents: ['a', 'b'],
        changes: [
          { path: 'spec.baseURL', before: undefined, after: 'https://user:pw@proxy.example/v1' },
          { path: 'spec.apiKeyEnv', before: 'OPENAI_API_KEY', after: 'OPENAI_KEY_2' },
          { path: 'spec.models', before: undefined, after: ['gpt-4.1'] },
        ],
      },
    ]);
    const body = renderCheckComment({ review: r, validation: reportOf(head), evals: [], gate: 'skipped' });
    expect(body).toContain('**no agent changes · provider openai changed (2 agents)**');
    expect(body).toContain('- provider **openai** (providers/openai.yaml) changed · affects 2 agents: a, b');
    expect(body).toContain('`spec.apiKeyEnv` "OPENAI\\_API\\_KEY" → "OPENAI\\_KEY\\_2"');
    expect(body).toContain('`spec.baseURL` added: "https://proxy.example/v1"');
    expect(body).not.toContain('user:pw');
  });

  it('lists a catalog override in modelshift.yaml with the agents on that model', () => {
    const { review: r, head } = review({ 'modelshift.yaml': `${WORKSPACE}  catalog:\n    models:\n      gpt-4.1: { retires: 2099-12-31 }\n` });
    expect(r.config).toMatchObject([{ kind: 'workspace', name: 'modelshift.yaml', status: 'changed', agents: ['a'] }]);
    const body = renderCheckComment({ review: r, validation: reportOf(head), evals: [], gate: 'skipped' });
    expect(body).toContain('- **modelshift.yaml** changed · affects 1 agent: a');
    expect(body).toContain('`spec.catalog.models.gpt-4.1.retires` added: "2099-12-31"');
  });

  it('lists every warning the validation line counts', () => {
    // An unknown model is a validation warning, on a file this PR does not touch.
    const { review: r, head } = review({ 'agents/d.yaml': agentYaml('d', 'gpt-unknown-9', '{ max_tokens: 100 }') });
    const validation = reportOf(head);
    expect(validation.warnings.length).toBeGreaterThan(0);
    const body = renderCheckComment({ review: r, validation, evals: [], gate: 'skipped' });
    const listed = /<summary>Warnings \((\d+)\)<\/summary>/.exec(body)?.[1];
    expect(Number(listed)).toBe(validation.warnings.length);
    expect(body).toContain(`\`${validation.warnings[0]!.file}:${validation.warnings[0]!.line}:${validation.warnings[0]!.column}\``);
    expect(body).toContain(`${validation.warnings.length} warning`);
  });
});

describe('gate verdict', () => {
  const ran = (group: Partial<EvalGroup>, passed = true): EvalOutcome => ({
    group: { pairs: [], skipped: [], ...group },
    status: 'ran',
    // Only the gate result is read by the verdict.
    report: { gate: { passed, reasons: passed ? [] : ['a: pass rate dropped'] } } as unknown as EvalReport,
  });

  it('is none when evals ran only for changes no gate applies to, and says so', () => {
    expect(gateVerdict([ran({})])).toBe('none');
    expect(gateVerdict([ran({ migration: 'm', suites: ['s'] })])).toBe('none');
    expect(gateVerdict([ran({ migration: 'm', suites: ['s'], gate: { minPassRate: 0.9 } }), ran({})])).toBe('passed');
    expect(gateVerdict([ran({ migration: 'm', gate: { minPassRate: 0.9 } }, false)])).toBe('failed');
    expect(gateVerdict([])).toBe('skipped');
    const { review: r, head } = review({});
    const body = renderCheckComment({ review: r, validation: reportOf(head), evals: [], gate: 'none' });
    expect(body).toContain('ℹ️ **No gate**');
    expect(body).not.toContain('Gate passed');
  });
});
