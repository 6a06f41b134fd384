/**
 * A workspace the size of a real platform team's: `agents` agents on
 * gpt-4.1, spread round-robin over `teams` teams (label `team`, owner
 * `@acme/<team>`), one file per agent, and one migration to gpt-5.1 whose
 * `spec` gets `extra` (e.g. a `split:` line).
 */
export function teamWorkspace(agents: number, teams: number, extra = ''): Record<string, string> {
  const files: Record<string, string> = {
    'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: acme }\nspec:\n  catalog:\n    models:\n      gpt-4.1: { retires: 2099-12-31 }\n',
    'providers/openai.yaml': 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, apiKeyEnv: OPENAI_API_KEY }\n',
    'migrations/gpt-4.1-to-gpt-5.1.yaml': `apiVersion: modelshift.dev/v1
kind: Migration
metadata:
  name: gpt-4.1-to-gpt-5.1
  description: gpt-4.1 shuts down; move every team to gpt-5.1.
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  params:
    rename: { max_tokens: max_completion_tokens }
    drop: [temperature]
  deadline: 2027-01-14
${extra}`,
  };
  for (let i = 0; i < agents; i++) {
    const team = teamName(i % teams);
    const name = `${team}-agent-${String(i).padStart(4, '0')}`;
    files[`agents/${team}/${name}.yaml`] = `apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: ${name}
  labels: { team: ${team}, tier: prod }
  owners: ["@acme/${team}"]
  description: Handles ${team} requests, number ${i}
spec:
  model:
    provider: openai
    name: gpt-4.1
    params: { temperature: 0.2, max_tokens: 800 }
  instructions: |
    You are the ${team} assistant number ${i}.
    Answer the question, cite the policy, and keep it short.
`;
  }
  return files;
}

export function teamName(i: number): string {
  return `team-${String.fromCharCode(97 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
}
