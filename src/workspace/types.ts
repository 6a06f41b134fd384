import type { Agent, EvalSuite, Migration, Provider, WorkspaceConfig } from '../schema/index.js';

export type Severity = 'error' | 'warning';

/** One problem in one file, at the position where it starts. */
export interface Finding {
  /** Relative to the workspace root, with `/`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Path inside the document, dotted (`spec.model.params.temperature`); empty for the whole document. */
  path: string;
  /** Name of the rule that found it, e.g. `schema`, `unique-name`, `literal-secret`. */
  rule: string;
  message: string;
  severity: Severity;
}

/** A document that passed its schema, with where it came from. */
export interface Loaded<T> {
  value: T;
  /** Relative to the workspace root, with `/`. */
  file: string;
  /** Index of the document in a multi-document file. */
  doc: number;
  /** Line of the document's first key. */
  line: number;
}

export interface SourceFile {
  /** Relative to the workspace root, with `/`. */
  file: string;
  text: string;
  /** True when validate found an error in it: syntax, schema or a cross-file rule. */
  invalid: boolean;
}

/** The parsed repository: every modelshift document by kind, and every problem found. */
export interface Workspace {
  /** Absolute path of the workspace root. */
  root: string;
  config?: Loaded<WorkspaceConfig>;
  providers: Map<string, Loaded<Provider>>;
  agents: Map<string, Loaded<Agent>>;
  migrations: Map<string, Loaded<Migration>>;
  evalSuites: Map<string, Loaded<EvalSuite>>;
  /** Every modelshift file that was read, by relative path. */
  files: Map<string, SourceFile>;
  findings: Finding[];
}
