import { createHash } from 'node:crypto';
import type { Reference, ScanResult, Verdict } from '../scan/types.js';
import { VERSION } from '../version.js';
import { verdictText } from './scan-common.js';

interface Rule {
  id: string;
  name: string;
  level: 'error' | 'warning' | 'note';
  short: string;
  help: string;
}

/** One code-scanning rule per verdict, so alerts can be filtered and dismissed by verdict. */
const RULES: Record<Verdict, Rule> = {
  retired: { id: 'model-retired', name: 'ModelRetired', level: 'error', short: 'Model id the provider has retired', help: 'Requests to this model fail. Move the reference to its successor, e.g. with a modelshift Migration that lists it under spec.references.' },
  retiring: { id: 'model-retiring', name: 'ModelRetiring', level: 'warning', short: 'Model id that retires within 90 days', help: 'The provider retires this model soon. Plan the move to its successor; a modelshift Migration with spec.references rewrites the reference in the same PR as the agents.' },
  unknown: { id: 'model-unknown', name: 'ModelUnknown', level: 'note', short: 'Model id not in the modelshift catalog', help: 'modelshift does not know this model, so its retirement is not tracked. Describe it under spec.catalog.models in modelshift.yaml if it is private or new.' },
  current: { id: 'model-current', name: 'ModelCurrent', level: 'note', short: 'Model id in use (inventory)', help: 'A current model. Listed so the inventory of model ids is complete; no action needed.' },
};
const ORDER: readonly Verdict[] = ['retired', 'retiring', 'unknown', 'current'];

/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif`: a result per reference at its
 * region. The fingerprint hashes what the reference is (file, model, kind, the line's
 * text and its occurrence among equal lines), not its line number, so alerts survive
 * edits elsewhere in the file instead of closing and reopening.
 */
export function renderScanSarif(result: ScanResult): string {
  const seen = new Map<string, number>();
  const results = result.references.map((ref) => {
    const rule = RULES[ref.verdict];
    const identity = [ref.file, ref.model, ref.kind, ref.lineText].join('\0');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      ruleId: rule.id,
      ruleIndex: ORDER.indexOf(ref.verdict),
      // Prose mentions are inventory, never alarms.
      level: ref.kind === 'docs' ? 'note' : rule.level,
      message: { text: message(ref) },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: encodeURI(ref.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: ref.line, startColumn: ref.column, endLine: ref.line, endColumn: ref.endColumn },
        },
      }],
      partialFingerprints: { 'modelshiftReference/v1': createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32) },
      properties: { model: ref.model, provider: ref.provider, kind: ref.kind, place: ref.place, rewritable: ref.rewritable },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'modelshift',
          version: VERSION,
          informationUri: 'https://github.com/modelshift/modelshift',
          rules: ORDER.map((verdict) => {
            const rule = RULES[verdict];
            return {
              id: rule.id, name: rule.name,
              shortDescription: { text: rule.short },
              fullDescription: { text: rule.help },
              help: { text: rule.help },
              defaultConfiguration: { level: rule.level },
              properties: { tags: ['llm', 'model-lifecycle'] },
            };
          }),
        },
      },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function message(ref: Reference): string {
  const where = ref.kind === 'docs' ? 'mentioned' : ref.kind === 'call-site' ? 'called' : 'configured';
  return `${ref.model} (${ref.provider}) is ${where} here: ${verdictText(ref)}.`;
}
