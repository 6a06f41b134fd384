import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as draft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/index.js';
import { renderScanSarif } from '../../src/render/scan-sarif.js';
import { IdMatcher } from '../../src/scan/ids.js';
import { scanResult, scanText } from '../../src/scan/scan.js';
import { scanRepository } from '../../src/commands/scan.js';

// CommonJS seen from ESM: `default` is module.exports, and the class is its `default` (as TypeScript types it).
const Ajv = draft04.default.default;
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const ids = new IdMatcher(new Catalog());
const TODAY = '2026-12-01';

async function validator() {
  const schema = JSON.parse(await readFile(path.join(FIXTURES, 'sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
  // The official schema is draft-04 and uses "format": "uri" and friends; validate them too.
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s));
  ajv.addFormat('uri-reference', () => true);
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

describe('scan --format sarif', () => {
  it('is valid SARIF 2.1.0 by the official schema, with one rule per verdict and a region per result', async () => {
    const result = await scanRepository({ cwd: path.join(FIXTURES, 'scan/repo'), env: {}, stdout: () => {}, stderr: () => {}, isTTY: false, now: new Date(`${TODAY}T00:00:00Z`) });
    const log = JSON.parse(renderScanSarif(result)) as SarifLog;
    const validate = await validator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['model-retired', 'model-retiring', 'model-unknown', 'model-current']);
    expect(run.results).toHaveLength(result.references.length);
    const first = result.references[0]!;
    expect(run.results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: first.file, uriBaseId: '%SRCROOT%' },
      region: { startLine: first.line, startColumn: first.column, endLine: first.line, endColumn: first.endColumn },
    });
    // ruleIndex points at the rule its ruleId names.
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('rejects a log the schema forbids (the validator is not a rubber stamp)', async () => {
    const validate = await validator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('keeps fingerprints when lines move and tells equal lines apart', () => {
    const before = 'a = "gpt-4o"\nb = "gpt-4o"\n';
    const after = '# a new first line\n\n' + before;
    const prints = (text: string) => (JSON.parse(renderScanSarif(scanResult(scanText('app/x.py', text, ids, TODAY), 1, TODAY))) as SarifLog).runs[0]!.results.map((r) => r.partialFingerprints['modelshiftReference/v1']);
    const [one, two] = prints(before);
    expect(one).not.toBe(two);
    expect(prints(after)).toEqual([one, two]);
  });

  it('reports prose mentions as notes, retired call sites as errors', () => {
    const text = '# we used claude-3-5-sonnet before\nclient.create(model="claude-3-5-sonnet-20241022")\n';
    const log = JSON.parse(renderScanSarif(scanResult(scanText('app/x.py', text, ids, TODAY), 1, TODAY))) as SarifLog;
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.level])).toEqual([['model-retired', 'note'], ['model-retired', 'error']]);
  });
});

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: unknown }[] }[];
  }[];
}
