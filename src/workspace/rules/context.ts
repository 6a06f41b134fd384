import type { Catalog } from '../../catalog/index.js';
import type { Agent, EvalSuite, Migration, Provider, WorkspaceConfig } from '../../schema/index.js';
import type { ParsedDoc } from '../parse-file.js';
import { locate } from '../positions.js';
import type { Finding, Severity } from '../types.js';

/** A document with where it came from, so rules can point at its lines. */
export interface DocRef<T = unknown> {
  file: string;
  doc: ParsedDoc;
  value: T;
}

export interface RuleInput {
  agents: DocRef<Agent>[];
  providers: DocRef<Provider>[];
  migrations: DocRef<Migration>[];
  evalSuites: DocRef<EvalSuite>[];
  config?: DocRef<WorkspaceConfig>;
  /** Every modelshift document, valid or not: secrets are looked for everywhere. */
  all: DocRef[];
  catalog: Catalog;
  /** YYYY-MM-DD. */
  today: string;
}

/** A cross-file check. Small, named, returns every problem it sees. */
export type Rule = (input: RuleInput) => Finding[];

export function findingAt(ref: DocRef, path: string, rule: string, message: string, severity: Severity = 'error', prefer: 'key' | 'value' = 'value'): Finding {
  const [line, column] = locate(ref.doc.positions, path, prefer) ?? [ref.doc.line, 1];
  return { file: ref.file, line, column, path, rule, message, severity };
}
