import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/examples.js';

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
}

describe('examples/.github/workflows/modelshift-scan.yml', () => {
  it('uploads the SARIF that scan writes, weekly and on pull requests, with the one permission it needs', async () => {
    const workflow = parse(await readFile(path.join(EXAMPLES_DIR, '.github/workflows/modelshift-scan.yml'), 'utf8')) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['schedule', 'pull_request']));
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const steps = workflow.jobs.scan!.steps;
    const scan = steps.find((s) => s.run?.includes(' scan'))!;
    const written = /--format sarif scan > (\S+)/.exec(scan.run!)?.[1];
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(written).toBeDefined();
    expect(upload.with?.sarif_file).toBe(written);
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(scan));
  });
});
