import { compileBundle, type Bundle, type Revision } from '../../src/sync/bundle.js';
import { agentYaml, PROVIDERS, workspaceFrom } from '../helpers/workspace.js';

export const REVISION: Revision = { commit: '0123456789abcdef0123456789abcdef01234567', dirty: false };

export const LOCAL_PROVIDER = `apiVersion: modelshift.dev/v1
kind: Provider
metadata: { name: local }
spec: { type: openai-compatible, baseURL: "http://gpu-01.internal:8000/v1" }
`;

export const CANARY = `  rollout:
    migration: gpt-4.1-to-claude
    weight: 10
    model: { provider: anthropic, name: claude-sonnet-4-5, params: { max_tokens: 800 } }
`;

/** Three agents: one on OpenAI in a canary towards Anthropic, one on a local server, one on Anthropic. */
export function sampleFiles(): Record<string, string> {
  return {
    ...PROVIDERS,
    'providers/local.yaml': LOCAL_PROVIDER,
    'agents/triage.yaml': agentYaml('support-triage', 'gpt-4.1', '{ temperature: 0.2, max_tokens: 800 }', CANARY),
    'agents/search.yaml': agentYaml('docs-search', 'meta-llama/Llama-3.3-70B-Instruct', '{ temperature: 0.1 }', '', 'local'),
    'agents/writer.yaml': agentYaml('report-writer', 'claude-haiku-4-5', '{ max_tokens: 3000 }', '', 'anthropic'),
  };
}

/** The bundle of a workspace given as inline files. */
export function bundleFrom(files: Record<string, string>, revision: Revision = REVISION): Bundle {
  const workspace = workspaceFrom(files);
  const errors = workspace.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(`fixture workspace is invalid: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
  return compileBundle(
    [...workspace.agents.values()].map((a) => a.value),
    new Map([...workspace.providers].map(([name, p]) => [name, p.value])),
    revision,
  );
}
