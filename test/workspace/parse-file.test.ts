import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseFile } from '../../src/workspace/parse-file.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (file: string, text: string) => parseFile(file, bytes(text));
const at = (f: { line: number; column: number; rule: string }) => `${f.rule}@${f.line}:${f.column}`;

const AGENT = `apiVersion: modelshift.dev/v1
kind: Agent
metadata:
  name: triage
spec:
  model: { provider: openai, name: gpt-5.1 }
  instructions: Sort tickets.
`;

describe('parseFile: syntax', () => {
  it('places an unterminated quote where it opens, even with a quote character inside', () => {
    const result = parse('agents/a.yaml', 'apiVersion: modelshift.dev/v1\nkind: Agent\nmetadata:\n  description: "it\'s open\n  name: x\n');
    expect(result.findings.map(at)).toEqual(['yaml-syntax@4:16']);
    expect(result.findings[0]!.message).toMatch(/^YAML syntax: .+; close the " that opens here with "$/);
  });

  it('places an unterminated single quote where it opens, past a doubled quote', () => {
    const result = parse('agents/a.yaml', "a: 1\nb: 'it''s\nc: 2\n");
    expect(result.findings.map(at)).toEqual(['yaml-syntax@2:4']);
  });

  it('places an unclosed flow sequence at its [', () => {
    const result = parse('agents/a.yaml', 'apiVersion: modelshift.dev/v1\nowners: [a, b\nkind: Agent\n');
    expect(result.findings.map(at)).toEqual(['yaml-syntax@2:9']);
    expect(result.findings[0]!.message).toContain('close the [ that opens here with ]');
  });

  it('reports a tab once, where it is, not the errors that follow from it', () => {
    const result = parse('agents/a.yaml', 'apiVersion: modelshift.dev/v1\nspec:\n\tmodel: x\n\tname: y\n');
    expect(result.findings.map(at)).toEqual(['yaml-syntax@3:1']);
    expect(result.findings[0]!.message).toContain('replace the tab with spaces');
  });

  it('reports every duplicate key at its second occurrence', () => {
    const result = parse('agents/a.yaml', 'apiVersion: modelshift.dev/v1\nkind: Agent\nkind: Agent\nmetadata: { name: a, name: b }\n');
    expect(result.findings.map(at)).toEqual(['yaml-syntax@3:1', 'yaml-syntax@4:22']);
  });

  it('counts positions after a byte order mark as an editor does', () => {
    const result = parse('agents/a.yaml', '\ufeffapiVersion: modelshift.dev/v1\nkind: "Agent\n');
    expect(result.findings.map(at)).toEqual(['yaml-syntax@2:7']);
    expect(result.text.charCodeAt(0)).toBe(0xfeff);
  });

  it('stops an alias bomb at its first alias instead of expanding it', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) {
      rows.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const result = parse('agents/a.yaml', `apiVersion: modelshift.dev/v1\n${rows.join('\n')}\n`);
    expect(result.findings.map(at)).toEqual(['yaml-alias@3:8']);
  });

  it('expands a few ordinary aliases', () => {
    const result = parse('agents/a.yaml', AGENT.replace('metadata:\n  name: triage', 'metadata:\n  name: &n triage\n  description: *n'));
    expect(result.findings).toEqual([]);
    expect(result.docs[0]!.resource).toMatchObject({ metadata: { description: 'triage' } });
  });
});

describe('parseFile: bytes', () => {
  it('refuses a file over 1 MiB without parsing it, by its real size', () => {
    const result = parseFile('agents/a.yaml', bytes(AGENT), MAX_FILE_BYTES + 1);
    expect(result.findings.map(at)).toEqual(['file-size@1:1']);
    expect(result.findings[0]!.message).toContain(`${MAX_FILE_BYTES + 1} bytes`);
    expect(result.docs).toEqual([]);
  });

  it('places invalid UTF-8 at its line and character column', () => {
    const head = bytes('apiVersion: modelshift.dev/v1\ndescription: Café ');
    const result = parseFile('agents/a.yaml', new Uint8Array([...head, 0xff, 0x0a]));
    expect(result.findings.map(at)).toEqual(['encoding@2:19']);
    expect(result.ours).toBe(true);
  });
});

describe('parseFile: which files are ours (§7)', () => {
  it('ignores foreign YAML outside the owned folders silently, even when broken', () => {
    for (const [file, text] of [
      ['.github/workflows/ci.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n'],
      ['k8s/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: Service\n'],
      ['docs/broken.yaml', 'a: "open\n'],
    ] as const) {
      expect(parse(file, text)).toMatchObject({ ours: false, findings: [], docs: [] });
    }
  });

  it('claims a broken file anywhere that names a modelshift apiVersion', () => {
    const result = parse('teams/a.yaml', 'apiVersion: modelshift.dev/v1\nkind: "Agent\n');
    expect(result.ours).toBe(true);
    expect(result.findings.map((f) => f.rule)).toEqual(['yaml-syntax']);
  });

  it('claims every file in the owned folders and modelshift.yaml, whatever it holds', () => {
    for (const file of ['agents/x.yaml', 'providers/x.yml', 'migrations/x.yaml', 'evals/x.yaml', 'modelshift.yaml']) {
      const result = parse(file, 'just: text\n');
      expect(result.ours, file).toBe(true);
      expect(result.findings.map(at), file).toEqual(['schema@1:1']);
    }
  });

  it('checks every document of a multi-document file and skips empty ones', () => {
    const result = parse('agents/two.yaml', `${AGENT}---\n${AGENT.replace('name: triage', 'name: refunds\n  team: x')}---\n`);
    expect(result.docs.map((d) => [d.index, d.line, d.kind, d.resource !== undefined])).toEqual([
      [0, 1, 'Agent', true],
      [1, 9, 'Agent', false],
    ]);
    expect(result.findings.map(at)).toEqual(['schema@13:3']);
  });

  it('keeps the data for the thread that parsed it and the positions for rules', () => {
    const [doc] = parse('agents/a.yaml', AGENT).docs;
    expect(doc!.data).toMatchObject({ kind: 'Agent' });
    expect(doc!.positions.index).toContain('\nspec.model.name\t');
  });
});
