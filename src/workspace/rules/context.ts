import type { Catalog } from '../../catalog/index.js';
import type { Agent, EvalSuite, Kind, Migration, Provider, WorkspaceConfig } from '../../schema/index.js';
import type { CheckedDoc } from '../parse-file.js';
import { locate } from '../positions.js';
import type { Finding, Severity } from '../types.js';

/** A document with where it came from, so rules can point at its lines. */
export interface DocRef<T = unknown> {
  file: string;
  doc: Pick<CheckedDoc, 'index' | 'line' | 'positions'>;
  value: T;
}

export interface RuleInput {
  agents: DocRef<Agent>[];
  providers: DocRef<Provider>[];
  migrations: DocRef<Migration>[];
  evalSuites: DocRef<EvalSuite>[];
  config?: DocRef<WorkspaceConfig>;
  /** Files of documents that declare a kind and name but failed their schema, by kind and name. */
  invalid: Partial<Record<Kind, Map<string, string>>>;
  catalog: Catalog;
  /** YYYY-MM-DD. */
  today: string;
}

/** A cross-file check. Small, named, returns every problem it sees. */
export type Rule = (input: RuleInput) => Finding[];

/** A finding at `path` of a document; at the document's start when nothing on the path exists. */
export function findingAt(ref: DocRef, path: string, rule: string, message: string, severity: Severity = 'error', prefer: 'key' | 'value' = 'value'): Finding {
  const [line, column] = locate(ref.doc.positions, path, prefer) ?? [ref.doc.index === 0 ? 1 : ref.doc.line, 1];
  return { file: ref.file, line, column, path, rule, message, severity };
}
