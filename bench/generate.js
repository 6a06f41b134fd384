// Writes a synthetic workspace of many agents for the benchmarks: realistic files
// (comments, flow and block params, tools) spread over teams and models.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const PROVIDERS = {
  openai: 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, apiKeyEnv: OPENAI_API_KEY }\n',
  anthropic: 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: anthropic }\nspec: { type: anthropic, apiKeyEnv: ANTHROPIC_API_KEY }\n',
};

const MODELS = [
  ['openai', 'gpt-4.1', '{ temperature: 0.2, max_tokens: 800 }'],
  ['openai', 'gpt-5.1', '{ max_completion_tokens: 800, reasoning_effort: low }'],
  ['openai', 'gpt-4.1-mini', '\n      temperature: 0.3\n      max_tokens: 600'],
  ['anthropic', 'claude-haiku-4-5', '\n      max_tokens: 1024\n      temperature: 0.5'],
  ['anthropic', 'claude-opus-4-5', '{ max_tokens: 2048 }'],
];

function agent(i, team, [provider, model, params]) {
  return `# yaml-language-server: $schema=../../schemas/agent.schema.json
# Agent ${i} of team ${team}; owned by the ${team} squad.
apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: ${team}-agent-${i}
  labels: { team: ${team}, tier: ${i % 3 === 0 ? 'internal' : 'prod'} }
  owners: ["@acme/${team}"]
spec:
  model:
    provider: ${provider}
    name: ${model}   # chosen in the ${2025 + (i % 2)} review
    params: ${params}
  instructions: |
    You are agent ${i} for the ${team} team.
    Answer the customer's question about their order, politely and briefly.
    Be verbose.
  tools:
    - name: lookup_order
      description: Look up an order by id
      parameters: { type: object, properties: { id: { type: string } }, required: [id] }
`;
}

/**
 * `sourceEvery`: every n-th agent is on gpt-4.1 (the source model of the
 * migration); the rest cycle through the other models.
 */
export async function generateWorkspace(dir, { agents = 10_000, teams = 50, sourceEvery = 5 } = {}) {
  await mkdir(path.join(dir, 'providers'), { recursive: true });
  await mkdir(path.join(dir, 'migrations'), { recursive: true });
  for (const [name, text] of Object.entries(PROVIDERS)) await writeFile(path.join(dir, 'providers', `${name}.yaml`), text);
  await writeFile(
    path.join(dir, 'migrations', 'gpt-4.1-to-gpt-5.1.yaml'),
    `apiVersion: modelshift.dev/v1
kind: Migration
metadata: { name: gpt-4.1-to-gpt-5.1 }
spec:
  from: { provider: openai, model: gpt-4.1 }
  to: { provider: openai, model: gpt-5.1 }
  params: { rename: { max_tokens: max_completion_tokens }, drop: [temperature], set: { reasoning_effort: low } }
  instructions: { replace: [{ find: "Be verbose.", with: "Be brief." }] }
`,
  );
  const writes = [];
  for (let i = 0; i < agents; i++) {
    const team = `team-${String(i % teams).padStart(2, '0')}`;
    const model = i % sourceEvery === 0 ? MODELS[0] : MODELS[1 + (i % (MODELS.length - 1))];
    const folder = path.join(dir, 'agents', team);
    if (i < teams) await mkdir(folder, { recursive: true });
    writes.push(writeFile(path.join(folder, `agent-${i}.yaml`), agent(i, team, model)));
    if (writes.length >= 256) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
