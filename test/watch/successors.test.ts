import { describe, expect, it } from 'vitest';
import { workspaceFrom, PROVIDERS } from '../helpers/workspace.js';
import { exampleFiles } from '../helpers/examples.js';

const config = (successors: string, horizon = '') => `apiVersion: modelshift.dev/v1
kind: Workspace
metadata: { name: acme }
spec:
  watch:${horizon}
    successors:
      gpt-4.1: gpt-5.1
      gpt-4o-mini: gpt-5-mini
${successors}`;

const warnings = (files: Record<string, string>, today: string) =>
  workspaceFrom({ ...PROVIDERS, ...files }, today).findings.filter((f) => f.rule === 'watch-successor').map((f) => `${f.severity} ${f.file}:${f.line}:${f.column} ${f.message}`);

describe('spec.watch.successors that retire themselves', () => {
  it('warns at the entry when the successor retires within the horizon, naming the catalog successor', () => {
    // gpt-5-mini retires 2026-12-11 (built-in catalog): 19 days after 2026-11-22.
    expect(warnings({ 'modelshift.yaml': config('') }, '2026-11-22')).toEqual([
      'warning modelshift.yaml:8:20 spec.watch.successors maps gpt-4o-mini to gpt-5-mini, which retires on 2026-12-11 (in 19 days, within the 90-day horizon); map gpt-4o-mini to gpt-6-luna (the catalog\'s successor), or drop the entry to use the catalog\'s',
    ]);
  });

  it('says "was retired" after the date, and follows spec.watch.horizonDays', () => {
    expect(warnings({ 'modelshift.yaml': config('') }, '2026-12-20')[0]).toContain('which was retired on 2026-12-11;');
    // With a 10-day horizon gpt-5-mini (19 days away) is fine.
    expect(warnings({ 'modelshift.yaml': config('', '\n    horizonDays: 10') }, '2026-11-22')).toEqual([]);
    // gpt-5.1 retires 2027-04-01: inside a 200-day horizon.
    expect(warnings({ 'modelshift.yaml': config('', '\n    horizonDays: 200') }, '2026-11-22').map((w) => w.split(' ').slice(0, 8).join(' '))).toEqual([
      'warning modelshift.yaml:8:16 spec.watch.successors maps gpt-4.1 to gpt-5.1, which',
      'warning modelshift.yaml:9:20 spec.watch.successors maps gpt-4o-mini to gpt-5-mini, which',
    ]);
  });

  it('the example workspace names no successor that retires within its horizon', async () => {
    const files = await exampleFiles();
    const yaml = Object.fromEntries(Object.entries(files).filter(([f]) => /\.ya?ml$/.test(f) && !f.startsWith('.github/')));
    expect(warnings(yaml, '2026-12-01')).toEqual([]);
  });
});
