import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExternalError } from '../../src/errors.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { parseFiles } from '../../src/workspace/parse-files.js';

let root: string;

function write(files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

const PROVIDER = 'apiVersion: modelshift.dev/v1\nkind: Provider\nmetadata: { name: openai }\nspec: { type: openai, apiKeyEnv: OPENAI_API_KEY }\n';
const AGENT = `apiVersion: modelshift.dev/v1
kind: Agent
metadata: { name: triage, labels: { team: support } }
spec:
  model: { provider: openai, name: gpt-5.2, params: { max_completion_tokens: 500 } }
  instructions: Sort tickets.
`;
const WORKFLOW = `name: ci
on: [push]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - run: npx modelshift validate
`;
const K8S = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: agents\n---\napiVersion: v1\nkind: Service\nmetadata: { name: agents }\n';

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'modelshift-load-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loadWorkspace', () => {
  it('ignores foreign YAML outside the owned folders silently, broken or not', async () => {
    write({
      'providers/openai.yaml': PROVIDER,
      'agents/triage.yaml': AGENT,
      '.github/workflows/ci.yml': WORKFLOW,
      'deploy/k8s/agents.yaml': K8S,
      'deploy/values.yaml': 'image: "unterminated\n\ttabs: [\n',
      'docker-compose.yml': 'services:\n  app: { image: node }\n',
    });
    const workspace = await loadWorkspace(root, { today: '2026-11-22' });
    expect(workspace.findings).toEqual([]);
    expect([...workspace.files.keys()]).toEqual(['agents/triage.yaml', 'providers/openai.yaml']);
    expect(workspace.agents.get('triage')).toMatchObject({ file: 'agents/triage.yaml', doc: 0, line: 1 });
  });

  it('finds modelshift documents by content outside the conventional folders', async () => {
    write({ 'teams/support/triage.yaml': AGENT, 'platform/openai.yml': PROVIDER });
    const workspace = await loadWorkspace(root, { today: '2026-11-22' });
    expect(workspace.findings).toEqual([]);
    expect(workspace.agents.get('triage')?.file).toBe('teams/support/triage.yaml');
  });

  it('honours spec.ignore even when another part of modelshift.yaml is invalid, and reports that part', async () => {
    write({
      'modelshift.yaml': 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: w }\nspec:\n  ignore: ["drafts/**"]\n  colour: blue\n',
      'providers/openai.yaml': PROVIDER,
      'drafts/agents/broken.yaml': 'apiVersion: modelshift.dev/v1\nkind: Agent\n',
    });
    const workspace = await loadWorkspace(path.join(root, 'providers'), { today: '2026-11-22' });
    expect(workspace.root).toBe(root);
    expect(workspace.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual(['modelshift.yaml:6:3 schema']);
    expect(workspace.files.get('modelshift.yaml')?.invalid).toBe(true);
    expect(workspace.files.get('providers/openai.yaml')?.invalid).toBe(false);
  });

  it('counts every declared document, valid or not, and marks the files with errors', async () => {
    write({
      'providers/openai.yaml': PROVIDER,
      'agents/a.yaml': `${AGENT}---\n${AGENT.replace('name: triage', 'name: refunds').replace('gpt-5.2', 'gpt-4o')}---\n${AGENT.replace('name: triage', 'name: x').replace('kind: Agent', 'kind: Agent\nextra: 1')}`,
    });
    const workspace = await loadWorkspace(root, { today: '2026-11-22' });
    expect(workspace.declared).toEqual({ Agent: 3, Provider: 1, Migration: 0, EvalSuite: 0, Workspace: 0 });
    expect([...workspace.agents.keys()]).toEqual(['triage', 'refunds']);
    expect(workspace.agents.get('refunds')).toMatchObject({ doc: 1, line: 8 });
    expect(workspace.findings.map((f) => `${f.severity} ${f.rule} ${f.line}`)).toEqual(['warning model-retiring 12', 'error schema 17']);
    expect(workspace.files.get('agents/a.yaml')?.invalid).toBe(true);
  });
});

describe('parseFiles', () => {
  it('stops with an outside-world error (exit 2) when a file cannot be read', async () => {
    await expect(parseFiles(root, ['gone.yaml'])).rejects.toThrow(ExternalError);
    await expect(parseFiles(root, ['gone.yaml'])).rejects.toThrow(/cannot read gone\.yaml/);
  });

  it('returns the files in the order asked, without the raw data', async () => {
    write({ 'b.yaml': AGENT, 'a.yaml': PROVIDER });
    const files = await parseFiles(root, ['b.yaml', 'a.yaml']);
    expect(files.map((f) => f.file)).toEqual(['b.yaml', 'a.yaml']);
    expect(files[0]!.docs[0]).not.toHaveProperty('data');
    expect(files[0]!.docs[0]!.resource).toMatchObject({ kind: 'Agent' });
  });
});
