import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { EXAMPLES_DIR } from '../helpers/examples.js';
import { runCli } from '../helpers/run-cli.js';
import { canaryAgentYaml, migrationYaml, writeCanaryWorkspace } from '../telemetry/canary-workspace.js';

/** A workspace of its own beside examples/: the sales agents in the canary, with a Collector file of telemetry. */
const CANARY = fileURLToPath(new URL('../../examples-canary', import.meta.url));
const END = '2026-12-01T12:00:00Z';

describe('modelshift analyze', () => {
  it('fails the shipped example canary on one agent\'s error rate and passes the other (exit 1)', async () => {
    const run = await runCli(['analyze', 'gpt-4o-to-claude-sonnet-5-5', '--end', END, '--format', 'json'], CANARY);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ migration: 'gpt-4o-to-claude-sonnet-5-5', window: '24h', verdict: 'fail', source: 'otlp-file telemetry/genai.jsonl' });
    expect(report.agents.map((a: { name: string; verdict: string }) => [a.name, a.verdict])).toEqual([['sales-email-drafter', 'pass'], ['sales-lead-qualifier', 'fail']]);
    // Spans from the day before the window do not count: 900 and 260 calls of the 920 and 280 in the file.
    expect(report.agents[0].calls).toEqual({ control: 900, candidate: 260 });
    expect(report.agents[1].metrics[0]).toMatchObject({ name: 'error-rate', significant: true, verdict: 'fail' });
  });

  it('is inconclusive (exit 0) when the window holds too little, e.g. the last hour of the file', async () => {
    const run = await runCli(['analyze', 'gpt-4o-to-claude-sonnet-5-5', '--end', '2026-12-01T06:00:00Z', '--format', 'markdown'], CANARY);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^### ⏳ Canary analysis: inconclusive \(not enough data\)/);
  });

  it('exits 2 with a hint when there is no telemetry source, the file is missing, or --end is not a time', async () => {
    const dir = await writeCanaryWorkspace('{ type: otlp-file, path: telemetry/none.jsonl }', {
      'agents/a.yaml': canaryAgentYaml('m-reply', 'm'),
      'migrations/m.yaml': migrationYaml('m', 'minCalls: 10'),
    });
    try {
      const missing = await runCli(['analyze', 'm'], dir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/cannot read telemetry\/none\.jsonl/);
      const badEnd = await runCli(['analyze', 'm', '--end', 'yesterday'], dir);
      expect(badEnd.code).toBe(2);
      expect(badEnd.stderr).toMatch(/--end must be a time in ISO 8601/);
      await writeFile(path.join(dir, 'modelshift.yaml'), 'apiVersion: modelshift.dev/v1\nkind: Workspace\nmetadata: { name: canary }\n');
      const noSource = await runCli(['analyze', 'm'], dir);
      expect(noSource.code).toBe(2);
      expect(noSource.stderr).toMatch(/no telemetry source: modelshift.yaml has no spec.telemetry/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says no canary is running before asking for a telemetry source it would not need', async () => {
    const run = await runCli(['analyze', 'gpt-4o-to-claude-sonnet-5-5'], EXAMPLES_DIR);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Canary analysis of gpt-4o-to-claude-sonnet-5-5: last \S+ up to \S+\nVerdict: inconclusive/);
    expect(run.stdout).toContain('no agent is in the canary of gpt-4o-to-claude-sonnet-5-5');
    const noRollout = await runCli(['analyze', 'gpt-4.1-to-gpt-5.1'], EXAMPLES_DIR);
    expect(noRollout.code).toBe(2);
    expect(noRollout.stderr).toContain('gpt-4.1-to-gpt-5.1 has no spec.rollout: it moves every conversation at once, so there is no canary to analyze');
  });

  it('reports an invalid analysis block as a finding with its position (validate)', async () => {
    const dir = await writeCanaryWorkspace('{ type: otlp-file, path: t.jsonl }', {
      'agents/a.yaml': canaryAgentYaml('m-reply', 'm'),
      'migrations/m.yaml': migrationYaml('m', 'window: 1 hour\nmetrics:\n  - { name: thumbs-down, query: "sum(x)", kind: ratio }'),
    });
    try {
      const run = await runCli(['validate', '--format', 'json'], dir);
      expect(run.code).toBe(1);
      const errors = JSON.parse(run.stdout).errors.map((e: { file: string; line: number; message: string }) => `${e.file}:${e.line} ${e.message}`);
      expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^migrations\/m\.yaml:\d+ .*duration like 30m/), expect.stringMatching(/^migrations\/m\.yaml:\d+ .*has no limit/)]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
