/** The workspace the watch tests share: two agents on gpt-4.1 (retiring in 30 days at NOW), one on gpt-4o that a migration takes. */
// gpt-4.1 retires on 2027-01-14; the workspace pins that date so the test does not follow catalog updates.
export const NOW = new Date('2026-12-15T08:00:00Z');
export const RULE = 'migrations/gpt-4.1-to-gpt-5.1.yaml';
export const BRANCH = 'modelshift/gpt-4.1-to-gpt-5.1';

export const agent = (name: string, model: string, params: string, team = 'support') => `apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: ${name}, labels: { team: ${team} }, owners: ["@alice"] }
spec:
  model:
    provider: openai
    name: ${model}
    params: { ${params} }
  instructions: Answer the customer.
`;

export const FILES: Record<string, string> = {
  'modelshift.yaml': `apiVersion: modelshift.dev/v1
kind: Workspace
metadata: { name: acme }
spec:
  catalog:
    models:
      gpt-4.1: { retires: "2027-01-14" }
  watch:
    successors: { gpt-4.1: gpt-5.1 }
`,
  'providers/openai.yaml': 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, apiKeyEnv: OPENAI_API_KEY }\n',
  'agents/support-triage.yaml': agent('support-triage', 'gpt-4.1', 'temperature: 0.2, max_tokens: 500'),
  'agents/support-refunds.yaml': agent('support-refunds', 'gpt-4.1', 'max_tokens: 300'),
  'agents/billing.yaml': agent('billing', 'gpt-5.1', 'max_completion_tokens: 300', 'billing'),
  'agents/sales.yaml': agent('sales', 'gpt-4o', 'max_tokens: 300', 'sales'),
  'migrations/gpt-4o-to-gpt-5.1.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: gpt-4o-to-gpt-5.1 }
spec:
  from: { provider: openai, model: gpt-4o }
  to: { provider: openai, model: gpt-5.1 }
  params: { rename: { max_tokens: max_completion_tokens } }
`,
  'evals/support.yaml': `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: support }
spec:
  agents: { names: ["support-*"] }
  cases:
    - { name: refund, input: "I was charged twice", assert: [{ type: contains, value: refund }] }
`,
};
