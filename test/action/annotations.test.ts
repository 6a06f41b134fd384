import { describe, expect, it } from 'vitest';
import { pickAnnotations } from '../../action/annotations.js';
import type { RepoFinding } from '../../src/commands/check.js';

const finding = (file: string, line: number, severity: 'error' | 'warning', inPr: boolean): RepoFinding => ({ file, line, column: 1, path: '', rule: 'schema', message: `${file}:${line}`, severity, inPr });

describe('pickAnnotations', () => {
  it("fills each level's slots with the pull request's files first, by file and line, and counts the rest in one notice", () => {
    const findings = [
      finding('a/old.yaml', 1, 'warning', false),
      finding('z/new.yaml', 9, 'warning', true),
      finding('z/new.yaml', 2, 'warning', true),
      finding('a/old.yaml', 5, 'error', false),
      finding('m/new.yaml', 3, 'error', true),
    ];
    const { annotations, notice } = pickAnnotations(findings, 2);
    expect(annotations.map((a) => `${a.level} ${a.message}`)).toEqual(['error m/new.yaml:3', 'error a/old.yaml:5', 'warning z/new.yaml:2', 'warning z/new.yaml:9']);
    expect(notice).toBe('1 more warning not shown as annotations (GitHub shows 2 per level); the job summary lists every finding');
  });

  it('gives no notice when everything fits', () => {
    expect(pickAnnotations([finding('a.yaml', 1, 'error', true)])).toEqual({
      annotations: [{ level: 'error', message: 'a.yaml:1', title: 'modelshift: schema', file: 'a.yaml', line: 1, column: 1 }],
    });
  });
});
