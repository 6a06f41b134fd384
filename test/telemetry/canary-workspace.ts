import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROVIDERS } from '../helpers/workspace.js';

/** A canary agent on gpt-4o with claude-sonnet-5-5 as the candidate, in `migration`'s canary at `weight`. */
export function canaryAgentYaml(name: string, migration: string, weight = 10): string {
  return `apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: ${name} }
spec:
  model: { provider: openai, name: gpt-4o, params: { max_tokens: 800 } }
  instructions: Reply to the customer.
  rollout:
    migration: ${migration}
    weight: ${weight}
    model: { provider: anthropic, name: claude-sonnet-5-5, params: { max_tokens: 800 } }
`;
}

export function migrationYaml(name: string, analysis: string): string {
  return `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: ${name} }
spec:
  from: { provider: openai, model: gpt-4o }
  to: { provider: anthropic, model: claude-sonnet-5-5 }
  select: { names: ["${name}-*"] }
  rollout:
    steps: [10, 50, 100]
    analysis:
${analysis.replace(/^/gm, '      ')}
`;
}

/** Writes a workspace folder: modelshift.yaml with `telemetry`, both providers, and `files`. */
export async function writeCanaryWorkspace(telemetry: string, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'modelshift-canary-'));
  const all: Record<string, string> = {
    'modelshift.yaml': `apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: canary }\nspec:\n  telemetry: ${telemetry}\n`,
    ...PROVIDERS,
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}
