import { isDeepStrictEqual } from 'node:util';
import type { MigrationSpec } from '../schema/index.js';
import type { RepairReport } from './types.js';

/** `migrations/m.yaml` → `migrations/m.repair.json`: the evidence `repair --write` leaves next to the rule it changed. */
export function evidenceFile(ruleFile: string): string {
  return ruleFile.replace(/\.ya?ml$/, '') + '.repair.json';
}

/**
 * The repair report behind a rule's instructions, when the rule still carries
 * exactly the edit that report accepted; undefined for stale, foreign or
 * unreadable evidence, which a PR must not show as proof.
 */
export function currentEvidence(text: string | undefined, instructions: MigrationSpec['instructions']): RepairReport | undefined {
  if (text === undefined) return undefined;
  let report: RepairReport;
  try {
    report = JSON.parse(text) as RepairReport;
  } catch {
    return undefined;
  }
  if (report.verdict !== 'accepted' || !Array.isArray(report.attempts)) return undefined;
  return isDeepStrictEqual(report.accepted?.instructions, instructions) ? report : undefined;
}
