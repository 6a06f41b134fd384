import type { YamlPath } from '../edit/index.js';

/**
 * What a reference is, as `spec.references.kinds` selects it: a model id in
 * application code, in a config or env file, in prose (docs and comments), or
 * in a modelshift file (which a migration rewrites through its agents).
 */
export type ReferenceKind = 'modelshift' | 'call-site' | 'config' | 'env' | 'docs';

/** The kind of file a reference sits in, read from its real structure. */
export type Place =
  | 'modelshift'
  | 'python' | 'typescript' | 'javascript' | 'go' | 'java' | 'kotlin' | 'ruby' | 'csharp'
  | 'dotenv' | 'dockerfile' | 'docker-compose' | 'kubernetes' | 'json' | 'yaml' | 'toml'
  | 'github-models' | 'prompty' | 'dotprompt' | 'litellm' | 'crewai' | 'promptfoo'
  | 'markdown' | 'text';

export type Verdict = 'retired' | 'retiring' | 'current' | 'unknown';

/** An id as written, split into what names the provider and the model itself. */
export interface ParsedId {
  /** The model id without provider prefix or Bedrock suffix, e.g. `claude-3-5-sonnet-20240620`. */
  model: string;
  /** Offset of `model` inside the token as written. */
  offset: number;
  /** `openai`, `anthropic`, or the platform a prefix names (`bedrock`, `azure`, …); undefined when unsaid. */
  prefixProvider?: string;
  /** Bedrock ids (`anthropic.…-v1:0`) carry a version suffix a plain id cannot be swapped into. */
  bedrock: boolean;
}

/** How `spec.references` may rewrite a reference: a splice of the id's bytes, or a YAML scalar through the edit engine. */
export type RewriteTarget =
  | { via: 'text' }
  | { via: 'yaml'; doc: number; path: YamlPath; value: string; valueOffset: number }
  | { via: 'none'; reason: string };

/** What a finder reports: where an id token is and what kind of place holds it. */
export interface Found {
  /** Offsets of the model id (prefix excluded) in the file text. */
  start: number;
  end: number;
  id: ParsedId;
  kind: ReferenceKind;
  rewrite: RewriteTarget;
  /** Parameter names passed next to a call site's model (for warnings when a migration rewrites it). */
  params?: string[];
}

/** One reference to a model id, as `scan --format json` prints it. */
export interface Reference {
  file: string;
  line: number;
  column: number;
  /** The column just after the id (exclusive, like SARIF's endColumn). */
  endColumn: number;
  model: string;
  provider: string;
  kind: ReferenceKind;
  place: Place;
  verdict: Verdict;
  /** The catalog id the model is filed under, when known. */
  catalogId?: string;
  retires?: string;
  /** Days until `retires` (negative when past). */
  retiresInDays?: number;
  successor?: string;
  rewritable: boolean;
  /** Internal: offsets and how to rewrite; not printed. */
  start: number;
  end: number;
  rewrite: RewriteTarget;
  params?: string[];
  /** The id is written behind a provider prefix (`openai/gpt-4o`, `openai:chat:…`). */
  prefixed: boolean;
  /** The line's text, trimmed: the stable part of SARIF fingerprints. */
  lineText: string;
}

export interface ScanSummary {
  /** Files scan read (of the kinds it reads, outside skipped paths), with a reference or not; the same in and outside git. */
  files: number;
  references: number;
  verdicts: Record<Verdict, number>;
  kinds: Partial<Record<ReferenceKind, number>>;
}

export interface ScanResult {
  references: Reference[];
  summary: ScanSummary;
  /** The date verdicts were given for (YYYY-MM-DD). */
  today: string;
}
