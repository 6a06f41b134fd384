import type { FakeReply, RecordedRequest } from '../fakes/llm-http.js';

export const OPENAI_KEY = 'sk-test-openai-batch-0123456789abcdef';
export const ANTHROPIC_KEY = 'sk-ant-test-batch-0123456789abcdef';
export const KEYS = { OPENAI_API_KEY: OPENAI_KEY, ANTHROPIC_API_KEY: ANTHROPIC_KEY, MODELSHIFT_BATCH_POLL_MS: '5' };

/**
 * A migration from OpenAI (base) to Anthropic (head), so one run sends a
 * batch to each provider; three cases, one of which the head model gets wrong.
 */
export function batchWorkspace(urls: { openai: string; anthropic: string }, extra: { batchInRule?: boolean } = {}): Record<string, string> {
  return {
    'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  eval: { cacheDir: .cache, retries: 0 }\n',
    'providers/openai.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, baseURL: "${urls.openai}", apiKeyEnv: OPENAI_API_KEY }\n`,
    'providers/anthropic.yaml': `apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: anthropic }\nspec: { type: anthropic, baseURL: "${urls.anthropic}", apiKeyEnv: ANTHROPIC_API_KEY }\n`,
    'agents/triage.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata: { name: support-triage }\nspec:\n  model: { provider: openai, name: gpt-4.1, params: { max_tokens: 300 } }\n  instructions: Route the ticket.\n',
    'evals/tickets.yaml': `apiVersion: modelshift.dev/v1
kind: EvalSuite
metadata: { name: tickets }
spec:
  cases:
    - { name: refund, input: "I want a refund for order 12", assert: [{ type: contains, value: "12" }] }
    - { name: polite, input: "Hello", assert: [{ type: regex, value: "hello|hi", flags: i }] }
    - { name: shipping, input: "Where is my parcel?", assert: [{ type: contains, value: "tracking" }] }
`,
    'migrations/m.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: to-claude }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: anthropic, model: claude-sonnet-4-6 }
  eval: { suites: [tickets], gate: { maxPassRateDrop: 0.5 }${extra.batchInRule ? ', batch: true' : ''} }
`,
  };
}

/** The last user message of a request to either API. */
export function lastMessage(req: RecordedRequest): string {
  const body = req.body as { messages: { content: string }[] };
  return body.messages.at(-1)!.content;
}

/** Both models answer well, except that the head model forgets the order number. */
export function answer(req: RecordedRequest): FakeReply {
  const body = req.body as { model: string };
  const last = lastMessage(req);
  const text = last.includes('refund')
    ? body.model.startsWith('claude') ? 'Your refund is on its way.' : 'Refund for order 12 is on its way.'
    : last.includes('parcel') ? 'Here is your tracking link.' : 'Hi there!';
  return { type: 'message', text, usage: { input: 40, output: 10 } };
}

/** True for a request the fake received inside a batch, not on the online endpoint. */
export function viaBatch(req: RecordedRequest): boolean {
  return req.headers['x-fake-via'] === 'batch';
}
