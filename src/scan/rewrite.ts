import type { CatalogEntry } from '../catalog/index.js';
import { EditError, editYaml, type DocEdit } from '../edit/index.js';
import { globMatch } from '../plan/glob.js';
import type { MigrationSpec } from '../schema/migration.js';
import { unifiedDiff } from '../render/unified-diff.js';
import type { Reference, ReferenceKind } from './types.js';

export type ReferencesRule = NonNullable<MigrationSpec['references']>;

/** Docs are only rewritten when the rule asks for them. */
const DEFAULT_KINDS: readonly ReferenceKind[] = ['call-site', 'config', 'env'];

export interface ReferenceChange {
  file: string;
  line: number;
  column: number;
  kind: ReferenceKind;
  place: Reference['place'];
  before: string;
  after: string;
}

export interface ReferenceWarning {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** What a migration does to the references to its `from` model outside modelshift files. Plain data. */
export interface ReferencesPlan {
  /** Whether the rule has `spec.references` (without it nothing is rewritten, only counted). */
  configured: boolean;
  changes: ReferenceChange[];
  /** References the rule covers but modelshift does not rewrite, each with why. */
  warnings: ReferenceWarning[];
  errors: ReferenceWarning[];
  /** References to the `from` model outside modelshift files, and how many of them this plan leaves as they are. */
  outside: number;
  notCovered: number;
  diff: string;
  files: Record<string, string>;
}

export interface ReferencesInput {
  from: string;
  to: string;
  rule: ReferencesRule | undefined;
  /** The provider types change (openai → anthropic): a provider prefix in front of the id would be wrong after. */
  providerChanges: boolean;
  destination: CatalogEntry | undefined;
  references: readonly Reference[];
  /** The text of every file a reference is in. */
  texts: ReadonlyMap<string, string>;
}

/**
 * Which references a migration rewrites and how: exactly the id's bytes become the
 * destination id — inside the string literal in code, through the YAML edit engine in
 * YAML (verified by re-reading), as a splice in other files. Pure.
 */
export function planReferences(input: ReferencesInput): ReferencesPlan {
  const onSource = input.references.filter((r) => r.place !== 'modelshift' && globMatch(r.model, input.from));
  const kinds = input.rule?.kinds ?? DEFAULT_KINDS;
  const covered = input.rule ? onSource.filter((r) => kinds.includes(r.kind) && included(r.file, input.rule!)) : [];
  const warnings: ReferenceWarning[] = [];
  const rewrite: Reference[] = [];
  for (const ref of covered) {
    const why = refusal(ref, input);
    if (why) warnings.push({ file: ref.file, line: ref.line, column: ref.column, message: `${ref.model} is not rewritten: ${why}` });
    else if (ref.model !== input.to) rewrite.push(ref);
  }
  const { files, errors, changes } = rewriteFiles(rewrite, input);
  const diff = Object.entries(files)
    .map(([file, text]) => unifiedDiff(file, file, input.texts.get(file)!, text))
    .join('');
  return { configured: input.rule !== undefined, changes, warnings, errors, outside: onSource.length, notCovered: onSource.length - changes.length, diff, files };
}

function included(file: string, rule: ReferencesRule): boolean {
  if (rule.include && !rule.include.some((glob) => globMatch(file, glob))) return false;
  return !rule.exclude?.some((glob) => globMatch(file, glob));
}

/** Why a covered reference is left alone (and named), or undefined when it is rewritten. */
function refusal(ref: Reference, input: ReferencesInput): string | undefined {
  if (ref.rewrite.via === 'none') return `${ref.rewrite.reason}; change it by hand`;
  if (ref.prefixed && input.providerChanges) return 'it carries a provider prefix that names the old provider; change it by hand';
  const refused = input.destination ? (ref.params ?? []).filter((p) => refuses(input.destination!, p)) : [];
  if (refused.length) {
    return `the call passes ${refused.join(', ')}, which ${input.to} refuses; change the call by hand (or adapt its parameters) and run the plan again`;
  }
  return undefined;
}

/** Whether a destination model refuses a request parameter (the catalog's parameter facts). */
function refuses(entry: CatalogEntry, param: string): boolean {
  const facts = entry.params;
  if (param === 'temperature') return facts.temperature === false;
  if (param === 'top_p') return !facts.topP;
  if (param === 'reasoning_effort') return !facts.reasoningEffort;
  if (param === 'max_tokens' || param === 'max_completion_tokens') {
    const accepted = entry.provider === 'openai' && facts.tokenLimit === 'max_tokens' ? ['max_tokens', 'max_completion_tokens'] : [facts.tokenLimit];
    return !accepted.includes(param);
  }
  return facts.refused?.includes(param) ?? false;
}

function rewriteFiles(refs: readonly Reference[], input: ReferencesInput): Pick<ReferencesPlan, 'files' | 'errors' | 'changes'> {
  const byFile = new Map<string, Reference[]>();
  for (const ref of refs) byFile.set(ref.file, [...(byFile.get(ref.file) ?? []), ref]);
  const files: Record<string, string> = {};
  const errors: ReferenceWarning[] = [];
  const changes: ReferenceChange[] = [];
  for (const [file, inFile] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const source = input.texts.get(file)!;
    try {
      // Splices first, from the end, on the original offsets; YAML edits find their values by path afterwards.
      let text = source;
      for (const ref of inFile.filter((r) => r.rewrite.via === 'text').sort((a, b) => b.start - a.start)) {
        if (text.slice(ref.start, ref.end) !== ref.model) throw new EditError(`${ref.model} is no longer where scan found it`, ref.line, ref.column, 'verify');
        text = text.slice(0, ref.start) + input.to + text.slice(ref.end);
      }
      const edits: DocEdit[] = [];
      for (const ref of inFile) {
        if (ref.rewrite.via !== 'yaml') continue;
        const { doc, path, value, valueOffset } = ref.rewrite;
        const after = value.slice(0, valueOffset) + input.to + value.slice(valueOffset + ref.model.length);
        edits.push({ doc, ops: [{ op: 'set', path, value: after }] });
      }
      if (edits.length) text = editYaml(text, edits);
      files[file] = text;
      changes.push(...inFile.map((r) => ({ file, line: r.line, column: r.column, kind: r.kind, place: r.place, before: r.model, after: input.to })));
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      errors.push({ file, line: error.line, column: error.column, message: `${file} cannot be rewritten safely: ${error.message}` });
    }
  }
  changes.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { files, errors, changes };
}
