import { buildWorkspace, type LoadedWorkspace } from '../../src/workspace/load.js';
import { parseFile } from '../../src/workspace/parse-file.js';

/** A workspace from inline files, through the same parse and checks as the loader, without touching disk. */
export function workspaceFrom(files: Record<string, string>, today = '2026-11-22'): LoadedWorkspace {
  const parsed = Object.entries(files).map(([file, text]) => parseFile(file, new TextEncoder().encode(text)));
  return buildWorkspace('/workspace', parsed.filter((f) => f.ours), [], { today });
}

export const PROVIDERS = {
  'providers/openai.yaml': `apiVersion: modelshift.dev/v1
kind: Provider
metadata: { name: openai }
spec: { type: openai, apiKeyEnv: OPENAI_API_KEY }
`,
  'providers/anthropic.yaml': `apiVersion: modelshift.dev/v1
kind: Provider
metadata: { name: anthropic }
spec: { type: anthropic, apiKeyEnv: ANTHROPIC_API_KEY }
`,
};

export function agentYaml(name: string, model: string, params: string, extra = '', provider = 'openai'): string {
  return `apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: ${name}
  labels: { team: support, tier: prod }
spec:
  model:
    provider: ${provider}
    name: ${model}
    params: ${params}
  instructions: |
    You help customers.
    Be verbose.
${extra}`;
}
